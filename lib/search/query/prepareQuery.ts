import { searchConfig } from '../config';
import type { PreparedQuery, QueryTerm, SpellingCorrection } from '../types';
import { phraseKey, type AliasMap } from './aliases';
import { stem, wordsOf } from './normalize';
import { stopwords } from './stopwords';
import type { Vocabulary } from './vocabulary';

/** What a query is interpreted against: the words and names of the loaded notes. */
export interface QueryContext {
  vocabulary: Vocabulary;
  /** Names that mean the same (see synonymTable). */
  synonyms: AliasMap;
  /** Glossary aliases -> the entry's name (see relatedNames). */
  related: AliasMap;
  /** Glossary names as phrase keys; multi-word ones typed in a query are searched as phrases ("control plane"). */
  names: ReadonlySet<string>;
}

// No word of the notes is longer; cutting longer input keeps spelling correction cheap.
const maxWordLength = 32;
const maxPhraseWords = 4;
const isNumber = /^\d+$/;

/** A term before its role is known; `concept` numbers the typed word or phrase it stands for. */
interface TermDraft extends Omit<QueryTerm, 'role'> {
  concept: number;
  related?: boolean;
}

const isName = (phrase: string, context: QueryContext) =>
  context.names.has(phrase) || context.synonyms.has(phrase) || context.related.has(phrase);

function isKnown(word: string, context: QueryContext): boolean {
  const { vocabulary } = context;
  return (
    stopwords.has(word) ||
    isNumber.test(word) ||
    isName(phraseKey(word), context) ||
    vocabulary.hasWordStartingWith(word) ||
    vocabulary.hasWordStartingWith(stem(word))
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

/** A typed word as the notes spell it: corrected when it is a typo, split when it runs two words together. */
function fixWord(word: string, context: QueryContext): string {
  if (isKnown(word, context)) return word;
  const { vocabulary } = context;
  return vocabulary.correct(word) ?? vocabulary.correct(stem(word)) ?? splitCompound(word, vocabulary) ?? word;
}

/** The words of a text up to the limit of words that are not stopwords, each cut to a word's length. */
function firstWords(text: string): string[] {
  const words: string[] = [];
  let meaningful = 0;
  for (const word of wordsOf(text)) {
    if (!stopwords.has(word) && ++meaningful > searchConfig.maxQueryWords) break;
    words.push(word.slice(0, maxWordLength));
  }
  return words;
}

/** The typed words, spelling fixed, with the corrections made. */
function fixWords(text: string, context: QueryContext): { words: string[]; corrections: SpellingCorrection[] } {
  const corrections: SpellingCorrection[] = [];
  const words = firstWords(text).flatMap((word) => {
    const fixed = fixWord(word, context);
    if (fixed !== word) corrections.push({ from: word, to: fixed });
    return fixed.split(' ');
  });
  return { words, corrections };
}

/** How many words from `start` form a glossary name or alias; 1 when none does. */
function nameLength(words: readonly string[], start: number, context: QueryContext): number {
  for (let n = Math.min(maxPhraseWords, words.length - start); n > 1; n--) {
    if (isName(phraseKey(words.slice(start, start + n).join(' ')), context)) return n;
  }
  return 1;
}

/** The synonyms and related glossary names of a typed word or phrase, as terms of the same concept. */
function expansions(phrase: string, concept: number, context: QueryContext): TermDraft[] {
  const synonyms = (context.synonyms.get(phrase) ?? []).map((text): TermDraft => ({ text, match: 'prefix', concept }));
  const related = (context.related.get(phrase) ?? [])
    .slice(0, searchConfig.maxRelatedNames)
    .map((text): TermDraft => ({ text, match: 'prefix', concept, related: true }));
  return [...synonyms, ...related];
}

/** The terms for the fixed words, most important first: as typed, then expansions, then joined words. */
function draftTerms(words: readonly string[], context: QueryContext): TermDraft[] {
  const typed: TermDraft[] = [];
  const expanded: TermDraft[] = [];
  const joined: TermDraft[] = [];
  let previous: string | undefined;
  for (let i = 0, concept = 0; i < words.length; concept++) {
    const length = nameLength(words, i, context);
    if (length > 1) {
      const phrase = phraseKey(words.slice(i, (i += length)).join(' '));
      typed.push({ text: phrase, match: 'prefix', concept });
      expanded.push(...expansions(phrase, concept, context));
      previous = undefined;
      continue;
    }
    const word = words[i++];
    // A word that is neither in the notes nor a typo of one can match nothing; it is left out.
    if (stopwords.has(word) || !isKnown(word, context)) {
      previous = undefined;
      continue;
    }
    const short = word.length < searchConfig.minPrefixLength;
    const term: TermDraft = short ? { text: word, match: 'word', concept } : { text: stem(word), match: 'prefix', concept };
    typed.push(term);
    expanded.push(...expansions(phraseKey(word), concept, context));
    // "config map" -> "configmap", "name space" -> "namespace".
    if (previous && !short && context.vocabulary.hasWordStartingWith(previous + term.text)) {
      joined.push({ text: previous + term.text, match: 'prefix', concept });
    }
    previous = word;
  }
  // A query of stopwords only ("what is it") still searches for them, as whole words.
  if (words.length && words.every((w) => stopwords.has(w))) {
    typed.push(...words.map((word, concept): TermDraft => ({ text: word, match: 'word', concept })));
  }

  // An expansion that a typed word already finds adds only cost: "scheduler" finds "kube scheduler".
  const typedPrefixes = typed.filter((t) => t.match === 'prefix').map((t) => t.text);
  const foundByTyped = (t: TermDraft) => t.text.split(' ').some((w) => typedPrefixes.some((p) => w.startsWith(p)));
  const seen = new Set<string>();
  return [...typed, ...expanded.filter((t) => !foundByTyped(t)), ...joined]
    .filter((t) => !seen.has(`${t.match}:${t.text}`) && seen.add(`${t.match}:${t.text}`))
    .slice(0, searchConfig.maxTerms);
}

/** Gives each term its role; a concept is common when any of its own terms is ("k8s" means "kubernetes"). */
function withRoles(drafts: readonly TermDraft[], vocabulary: Vocabulary): QueryTerm[] {
  const commonConcepts = new Set(
    drafts.filter((t) => !t.related && vocabulary.share(t.text) > searchConfig.commonTermShare).map((t) => t.concept),
  );
  return drafts.map(({ concept, related, ...term }) => ({
    ...term,
    role: related ? 'related' : commonConcepts.has(concept) ? 'common' : 'telling',
  }));
}

/**
 * Turns what a reader typed into the terms to search: normalised, spelling corrected, glossary
 * names kept together as phrases ("kube proxy"), stopwords dropped, aliases and old names
 * expanded ("master" -> "control plane"), and words typed apart joined when the notes write them
 * as one. Work is bounded by the query length and word limits, whatever the input.
 */
export function prepareQuery(input: string, context: QueryContext): PreparedQuery {
  const text = input.slice(0, searchConfig.maxQueryLength).trim();
  const { words, corrections } = fixWords(text, context);
  return { text, terms: withRoles(draftTerms(words, context), context.vocabulary), corrections };
}
