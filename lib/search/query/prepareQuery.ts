import type Fuse from 'fuse.js';
import { searchConfig } from '../config';
import type { QueryConcept, PreparedQuery, QueryTerm, SpellingCorrection } from '../types';
import { phraseKey, type AliasMap } from './aliases';
import { isHangul, stem, stripParticle, wordsOf } from './normalize';
import { stopwords } from './stopwords';
import type { Vocabulary } from './vocabulary';

/** What a query is interpreted against: the words and names of the loaded notes. */
export interface QueryContext {
  vocabulary: Vocabulary;
  /** True when some record holds this stemmed term. */
  hasTerm(term: string): boolean;
  /** True when some record holds these stemmed terms in a row. */
  hasPhrase(terms: readonly string[]): boolean;
  /** Stemmed terms starting with a prefix, most used first (for the word still being typed). */
  termsStartingWith(prefix: string, limit: number): string[];
  /** Old names and short forms that mean exactly the same (see synonymTable). */
  synonyms: AliasMap;
  /** Glossary aliases -> the entry's name (see relatedNames). */
  related: AliasMap;
  /** Learners' everyday verbs -> the notes' words (see everydayTable). */
  everyday: AliasMap;
  /** Glossary names as phrase keys; typed together they are one concept ("control plane"). */
  names: ReadonlySet<string>;
  /** fuse.js over the words of headings and glossary names, for typos too far for edit distance. */
  nameWords: Fuse<string>;
}

export interface PrepareOptions {
  /** Search the words as typed, without spelling correction ("search instead for"). */
  exact?: boolean;
}

// No word of the notes is longer; cutting longer input keeps spelling correction cheap.
const maxWordLength = 32;
const maxPhraseWords = 4;
const maxTokens = 24;
const isNumber = /^\d+$/;

const isName = (phrase: string, context: QueryContext) =>
  context.names.has(phrase) || context.synonyms.has(phrase) || context.related.has(phrase);

/** A word the notes know as it is, or (`typing`) the start of one that is still being typed. */
function isKnown(word: string, context: QueryContext, typing: boolean): boolean {
  return (
    stopwords.has(word) ||
    isNumber.test(word) ||
    context.vocabulary.has(word) ||
    context.hasTerm(stem(word)) ||
    isName(phraseKey(word), context) ||
    (typing && context.vocabulary.hasWordStartingWith(word))
  );
}

/** "kubeproxy" -> "kube proxy" when both halves are words of the notes. */
function splitCompound(word: string, vocabulary: Vocabulary): string | undefined {
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const [left, right] = [word.slice(0, cut), word.slice(cut)];
    if (vocabulary.has(left) && vocabulary.has(right)) return `${left} ${right}`;
  }
  return undefined;
}

/** The closest word of the notes' headings and names by fuse.js, for long words badly misspelt ("tolerashun"). */
function fuzzyName(word: string, context: QueryContext): string | undefined {
  // Bitap's cost grows with the pattern: past a name's length it is only cost.
  if (word.length < searchConfig.fuzzyNameMinLength || word.length > searchConfig.fuzzyNameMaxLength) return undefined;
  const [best] = context.nameWords.search(word, { limit: 1 });
  return best && (best.score ?? 1) <= searchConfig.fuzzyNameThreshold ? best.item : undefined;
}

/** A typed word as the notes spell it: corrected when it is a typo, split when it runs two words together. */
function fixWord(word: string, context: QueryContext, typing: boolean, exact: boolean): string | undefined {
  if (isHangul(word)) return stripParticle(word);
  if (isKnown(word, context, typing)) return word;
  if (exact) return undefined;
  return context.vocabulary.correct(word) ?? splitCompound(word, context.vocabulary) ?? fuzzyName(word, context);
}

/** The typed words, up to the word limits, each cut to a word's length. */
function firstWords(text: string): string[] {
  const words: string[] = [];
  let meaningful = 0;
  for (const word of wordsOf(text)) {
    if ((!stopwords.has(word) && ++meaningful > searchConfig.maxQueryWords) || words.length >= maxTokens) break;
    words.push(word.slice(0, maxWordLength));
  }
  return words;
}

/**
 * The typed words with their spelling fixed. Corrections stand only when every other word is
 * known and, for several, some record holds all the corrected words: "helm chart" is not a typo
 * of "help cart", it is a question about something the notes do not cover.
 */
function fixWords(text: string, context: QueryContext, exact: boolean) {
  const typed = firstWords(text);
  const corrections: SpellingCorrection[] = [];
  const unknown: string[] = [];
  const fixed = typed.map((word, i) => {
    const result = fixWord(word, context, i === typed.length - 1 && !/\s$/.test(text), exact);
    if (result === undefined) unknown.push(word);
    else if (result !== word && !isHangul(word)) corrections.push({ from: word, to: result });
    return result;
  });
  // A word left unknown says the query is about something the notes lack; "correcting" its
  // neighbours ("chart" -> "cart") would answer another question.
  const unsupported = corrections.length > 0 && unknown.length > 0;
  if (unsupported || (corrections.length > 1 && !context.vocabulary.cooccur(corrections.flatMap((c) => c.to.split(' '))))) {
    const undone = new Set(corrections.map((c) => c.from));
    unknown.push(...undone);
    const kept = typed.flatMap((word, i) => (fixed[i] === undefined || undone.has(word) ? [] : fixed[i].split(' ')));
    return { words: kept, corrections: [], unknown };
  }
  return { words: fixed.filter((w): w is string => w !== undefined).flatMap((w) => w.split(' ')), corrections, unknown };
}

/** How many words from `start` form a glossary name, alias or old name; 1 when none does. */
function nameLength(words: readonly string[], start: number, context: QueryContext): number {
  for (let n = Math.min(maxPhraseWords, words.length - start); n > 1; n--) {
    if (isName(phraseKey(words.slice(start, start + n).join(' ')), context)) return n;
  }
  return 1;
}

const stemmedWords = (phrase: string) => wordsOf(phrase).map(stem);

/** Old names (weighted as the name itself, nearly) and the glossary names an alias stands for. */
function expansions(key: string, context: QueryContext): QueryConcept['alternatives'] {
  const { weights } = searchConfig.expansion;
  return [
    ...(context.synonyms.get(key) ?? []).map((name) => ({ words: stemmedWords(name), weight: weights.synonym })),
    ...(context.related.get(key) ?? [])
      .slice(0, searchConfig.maxRelatedNames)
      .map((name) => ({ words: stemmedWords(name), weight: weights.related })),
    ...(context.everyday.get(key) ?? []).map((word) => ({ words: stemmedWords(word), weight: weights.everyday })),
  ];
}

/** "backup" is also written "back up": the split, as a phrase, when both halves are terms of the notes. */
function splits(word: string, context: QueryContext): QueryConcept['alternatives'] {
  const found: QueryConcept['alternatives'] = [];
  for (let cut = 3; cut <= word.length - 2; cut++) {
    const [left, right] = [word.slice(0, cut), word.slice(cut)];
    // A two-letter half is a word of its own ("up"), not an abbreviation ("contain" + "rs").
    if (right.length < 3 && !stopwords.has(right)) continue;
    const words = [stem(left), stem(right)];
    // Only a split the notes write: "kubelet" is no "kube let".
    if (context.hasPhrase(words)) found.push({ words, weight: 1 });
  }
  return found;
}

/** Alternatives without repeats, the best-weighted copy of each kept. */
function distinct(alternatives: QueryConcept['alternatives']): QueryConcept['alternatives'] {
  const best = new Map<string, QueryConcept['alternatives'][number]>();
  for (const a of alternatives) {
    const key = a.words.join(' ');
    if ((best.get(key)?.weight ?? -1) < a.weight) best.set(key, a);
  }
  return [...best.values()];
}

/** The concepts of the fixed words: names kept together, words typed apart joined, old names expanded. */
function conceptsOf(words: readonly string[], context: QueryContext, typingLast: boolean): QueryConcept[] {
  const concepts: QueryConcept[] = [];
  for (let i = 0; i < words.length; ) {
    const length = nameLength(words, i, context);
    if (length > 1) {
      const phrase = words.slice(i, (i += length)).join(' ');
      concepts.push({ alternatives: [{ words: stemmedWords(phrase), weight: 1 }, ...expansions(phraseKey(phrase), context)], weight: 1 });
      continue;
    }
    const word = words[i++];
    const next = words[i];
    // "config map" -> "configmap", "back up" -> "backup", "daemon set" -> "daemonset".
    if (next !== undefined && context.hasTerm(stem(word + next))) {
      concepts.push({
        alternatives: [
          { words: [stem(word + next)], weight: 1 },
          { words: [stem(word), stem(next)], weight: 1 },
        ],
        weight: 1,
      });
      i++;
      continue;
    }
    if (stopwords.has(word)) continue;
    const term = stem(word);
    const alternatives: QueryConcept['alternatives'] = [
      { words: [term], weight: 1 },
      ...expansions(phraseKey(word), context),
      ...splits(word, context),
    ];
    // The word still being typed may be the start of a longer one ("kubelet heart").
    if (typingLast && i === words.length && !context.hasTerm(term)) {
      const { prefixLimit, weights } = searchConfig.expansion;
      if (word.length >= searchConfig.minPrefixLength || isHangul(word)) {
        for (const completion of context.termsStartingWith(term, prefixLimit))
          alternatives.push({ words: [completion], weight: weights.prefix });
      }
    }
    concepts.push({ alternatives: distinct(alternatives), weight: 1 });
  }
  // A query of stopwords only ("what is it") still searches for them.
  if (!concepts.length) for (const word of words) concepts.push({ alternatives: [{ words: [word], weight: 1 }], weight: 1 });
  return concepts;
}

/** What to highlight in results: every alternative (a phrase as a phrase), matched at the start of a word. */
function highlightTerms(concepts: readonly QueryConcept[]): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const concept of concepts) {
    for (const { words } of concept.alternatives) {
      const text = words.join(' ');
      if (seen.has(text)) continue;
      seen.add(text);
      const last = words[words.length - 1];
      terms.push({ text, match: last.length < searchConfig.minPrefixLength && !isHangul(last) ? 'word' : 'prefix' });
    }
  }
  return terms.slice(0, searchConfig.maxTerms);
}

/**
 * Turns what a reader typed into what is searched: normalised, spelling corrected toward words
 * of the notes, glossary names kept together ("kube proxy"), question words dropped, old names
 * expanded ("master" -> "control plane"), words typed apart joined ("back up"), Korean particles
 * stripped ("파드가" -> "파드"). Work is bounded by the query length and word limits.
 */
export function prepareQuery(input: string, context: QueryContext, options: PrepareOptions = {}): PreparedQuery {
  const text = input.slice(0, searchConfig.maxQueryLength).trim();
  const typingLast = !/\s$/.test(input) && !options.exact;
  const { words, corrections, unknown } = fixWords(input.slice(0, searchConfig.maxQueryLength), context, options.exact ?? false);
  const concepts = conceptsOf(words, context, typingLast);
  return {
    text,
    terms: highlightTerms(concepts),
    corrections,
    unknown,
    concepts,
    sequence: words.map(stem),
  };
}
