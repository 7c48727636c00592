import { searchConfig } from '../config';
import { stem } from '../query/normalize';
import { stopwords } from '../query/stopwords';
import type { PreparedQuery, QueryConcept, SearchRecord } from '../types';
import type { SearchDocument } from './documents';
import type { FieldIndex } from './fieldIndex';

export interface Ranked {
  doc: number;
  relevance: number;
}

const stemmedStopwords: ReadonlySet<string> = new Set([...stopwords].map(stem));
/** A stopword in a run of matched words counts for this much of a real word. */
const stopwordValue = 0.3;

/**
 * The longest run of the query's words found in a row in the record (fields apart), valued by
 * its content words; 0 unless it holds two words or more, one of them a content word.
 */
function longestRun(tokens: Int32Array, sequence: readonly number[], values: readonly number[]): number {
  let best = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token < 0) continue;
    for (let j = 0; j < sequence.length; j++) {
      if (sequence[j] !== token) continue;
      let k = 0;
      let value = 0;
      let content = false;
      while (j + k < sequence.length && tokens[i + k] === sequence[j + k]) {
        value += values[j + k];
        content ||= values[j + k] === 1;
        k++;
      }
      if (k >= 2 && content && value > best) best = value;
    }
  }
  return best;
}

/** What a name the query holds whole is worth when it is only part of the query. */
const nameFloor = 0.4;

const holds = (words: ReadonlySet<string>, concept: QueryConcept) => concept.alternatives.some((a) => a.words.every((w) => words.has(w)));

/**
 * How well one of the record's names fits the query: the share of the name's words the query
 * has, times the share of the query's concepts the name has. 1 is an exact name.
 */
function nameFit(names: readonly string[][], concepts: readonly QueryConcept[], queryWords: ReadonlySet<string>): number {
  const totalWeight = concepts.reduce((sum, c) => sum + c.weight, 0);
  let best = 0;
  for (const name of names) {
    const content = name.filter((w) => !stemmedStopwords.has(w));
    if (!content.length) continue;
    const set = new Set(name);
    const nameShare = content.filter((w) => queryWords.has(w)).length / content.length;
    if (!nameShare) continue;
    const queryShare = concepts.filter((c) => holds(set, c)).reduce((sum, c) => sum + c.weight, 0) / totalWeight;
    // A name wholly inside a longer question ("how does a service find its pods") still says what it is about.
    best = Math.max(best, queryShare === 1 ? nameShare : nameShare * (nameFloor + (1 - nameFloor) * queryShare));
  }
  return best;
}

/**
 * Ranks records for a prepared query: BM25F over all fields picks and orders the candidates; the
 * best of them are re-ranked with the bonuses of searchConfig.rerank. One instance per engine:
 * its scratch arrays are reused by every search.
 */
export function createRanker(index: FieldIndex, documents: readonly SearchDocument[], records: readonly SearchRecord[]) {
  const { k1 } = searchConfig.bm25;
  const n = index.size;
  const total = new Float64Array(n);
  const covered = new Float64Array(n);
  const best = new Float64Array(n);
  const searchStamp = new Int32Array(n);
  const conceptStamp = new Int32Array(n);
  let generation = 0;

  return function rank(query: PreparedQuery, limit: number): Ranked[] {
    const searchGeneration = ++generation;
    const touched: number[] = [];
    for (const concept of query.concepts) {
      const conceptGeneration = ++generation;
      const found: number[] = [];
      for (const alternative of concept.alternatives) {
        const postings = alternative.words.length === 1 ? index.postings(alternative.words[0]) : index.phrasePostings(alternative.words);
        if (!postings) continue;
        const idf = index.idf(postings.docs.length);
        for (let i = 0; i < postings.docs.length; i++) {
          const doc = postings.docs[i];
          const weighted = postings.weighted[i];
          const score = (alternative.weight * idf * weighted * (k1 + 1)) / (k1 + weighted);
          if (conceptStamp[doc] !== conceptGeneration) {
            conceptStamp[doc] = conceptGeneration;
            best[doc] = score;
            found.push(doc);
          } else if (score > best[doc]) best[doc] = score;
        }
      }
      for (const doc of found) {
        if (searchStamp[doc] !== searchGeneration) {
          searchStamp[doc] = searchGeneration;
          total[doc] = 0;
          covered[doc] = 0;
          touched.push(doc);
        }
        total[doc] += concept.weight * best[doc];
        covered[doc] += concept.weight;
      }
    }
    if (!touched.length) return [];
    touched.sort((a, b) => total[b] - total[a]);

    const { depth, exactName, partialName, phrase, coverageFloor, quizFactor } = searchConfig.rerank;
    const top = total[touched[0]];
    const conceptWeight = query.concepts.reduce((sum, c) => sum + c.weight, 0);
    const queryWords = new Set(query.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.words)));
    const sequence = query.sequence.map((w) => index.termId(w) ?? -2);
    const values = query.sequence.map((w) => (stemmedStopwords.has(w) ? stopwordValue : 1));
    const sequenceValue = values.reduce((a, b) => a + b, 0);
    const reranked = touched.slice(0, depth).map((doc): Ranked => {
      const coverage = covered[doc] / conceptWeight;
      const fit = nameFit(documents[doc].names, query.concepts, queryWords);
      const run = sequence.length >= 2 ? longestRun(index.tokens(doc), sequence, values) / sequenceValue : 0;
      let relevance =
        (total[doc] / top) * (coverageFloor + (1 - coverageFloor) * coverage * coverage) +
        (fit === 1 ? exactName : partialName * fit) +
        phrase * run;
      if (records[doc].kind === 'quiz') relevance *= quizFactor;
      return { doc, relevance };
    });
    return reranked.sort((a, b) => b.relevance - a.relevance).slice(0, limit);
  };
}
