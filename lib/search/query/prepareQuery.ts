import { searchConfig } from '../config';
import type { PreparedQuery, QueryTerm, SpellingCorrection } from '../types';
import type { AliasMap } from './aliases';
import { stem, wordsOf } from './normalize';
import { stopwords } from './stopwords';
import type { Vocabulary } from './vocabulary';

/** What a query is interpreted against: the words and names of the loaded notes. */
export interface QueryContext {
  vocabulary: Vocabulary;
  aliases: AliasMap;
  /** Multi-word names (glossary terms) searched as phrases when typed: "control plane". */
  names: ReadonlySet<string>;
}

// fuse.js bitap matches at most 32 characters.
const maxWordLength = 32;
const maxPhraseWords = 4;
const isNumber = /^\d+$/;

type TermDraft = Omit<QueryTerm, 'common'>;

function isKnown(word: string, context: QueryContext): boolean {
  const { vocabulary, aliases } = context;
  return (
    stopwords.has(word) ||
    isNumber.test(word) ||
    aliases.has(word) ||
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
  return context.vocabulary.correct(word) ?? context.vocabulary.correct(stem(word)) ?? splitCompound(word, context.vocabulary) ?? word;
}

function wordTerm(word: string, context: QueryContext): TermDraft {
  if (!isKnown(word, context)) return { text: word, match: 'fuzzy' };
  if (word.length < searchConfig.minPrefixLength) return { text: word, match: 'word' };
  return { text: stem(word), match: 'prefix' };
}

function expansions(phrase: string, aliases: AliasMap): TermDraft[] {
  const targets = aliases.get(phrase) ?? aliases.get(stem(phrase)) ?? [];
  return targets.map((text) => ({ text, match: 'prefix' }));
}

/**
 * Turns what a reader typed into the terms to search: normalised, spelling corrected, glossary
 * names kept together as phrases ("kube proxy"), stopwords dropped, aliases and old names
 * expanded ("master" -> "control plane"), and words typed apart joined when the notes write them
 * as one. Work is bounded by the query length and word limits, whatever the input.
 */
export function prepareQuery(input: string, context: QueryContext): PreparedQuery {
  const text = input.slice(0, searchConfig.maxQueryLength).trim();
  const corrections: SpellingCorrection[] = [];
  const words = wordsOf(text)
    .slice(0, searchConfig.maxQueryWords)
    .flatMap((typed) => {
      const word = typed.slice(0, maxWordLength);
      const fixed = fixWord(word, context);
      if (fixed !== word) corrections.push({ from: word, to: fixed });
      return fixed.split(' ');
    });

  const primary: TermDraft[] = [];
  const expanded: TermDraft[] = [];
  const joined: TermDraft[] = [];
  let previous: string | undefined;
  for (let i = 0; i < words.length; ) {
    const phraseLength = longestName(words, i, context);
    if (phraseLength > 1) {
      const phrase = words.slice(i, i + phraseLength).join(' ');
      primary.push({ text: phrase, match: 'prefix' });
      expanded.push(...expansions(phrase, context.aliases));
      previous = undefined;
      i += phraseLength;
      continue;
    }
    const word = words[i++];
    if (stopwords.has(word)) {
      previous = undefined;
      continue;
    }
    const term = wordTerm(word, context);
    primary.push(term);
    expanded.push(...expansions(word, context.aliases));
    // "config map" -> "configmap", "name space" -> "namespace".
    if (previous && term.match === 'prefix' && context.vocabulary.hasWordStartingWith(previous + term.text)) {
      joined.push({ text: previous + term.text, match: 'prefix' });
    }
    previous = term.match === 'fuzzy' ? undefined : word;
  }
  // A query of stopwords only ("what is it") still searches for them, as whole words.
  if (!primary.length) primary.push(...words.map((word): TermDraft => ({ text: word, match: 'word' })));

  // An expansion that a typed word already finds adds only cost: "scheduler" finds "kube scheduler".
  const typedPrefixes = primary.filter((t) => t.match === 'prefix').map((t) => t.text);
  const foundByTyped = (t: TermDraft) => t.text.split(' ').some((w) => typedPrefixes.some((p) => w.startsWith(p)));
  const seen = new Set<string>();
  const terms = [...primary, ...expanded.filter((t) => !foundByTyped(t)), ...joined]
    .filter((t) => t.text && !seen.has(`${t.match}:${t.text}`) && seen.add(`${t.match}:${t.text}`))
    .slice(0, searchConfig.maxTerms)
    .map((t) => ({ ...t, common: t.match !== 'fuzzy' && context.vocabulary.share(t.text) > searchConfig.commonTermShare }));
  return { text, terms, corrections };
}

/** How many words from `start` form a glossary name or alias; 1 when none does. */
function longestName(words: readonly string[], start: number, context: QueryContext): number {
  for (let n = Math.min(maxPhraseWords, words.length - start); n > 1; n--) {
    const phrase = words.slice(start, start + n).join(' ');
    if (context.names.has(phrase) || context.aliases.has(phrase)) return n;
  }
  return 1;
}
