import type { FieldName } from './engine/documents';

/**
 * BM25F, field by field (see engine/fieldIndex.ts). `weight` is what a match in the field is
 * worth; `b` how much a long field dilutes it (0: not at all, 1: fully).
 * - name (the section heading, the glossary term, or the chapter title for an introduction) is
 *   what the record is about: a reader who types "kubelet" wants the section called "The kubelet".
 * - keywords (glossary aliases, Korean names) are other names for the same thing.
 * - chapter and part are context: every section of "The control plane" shares them, so they rank
 *   that chapter's sections up without picking one of them.
 * - body is where facts live; sections differ a lot in length, so length counts, but not fully:
 *   a long section that answers the question should not lose to a two-line one for being long.
 */
const fields: Readonly<Record<FieldName, { weight: number; b: number }>> = Object.freeze({
  name: Object.freeze({ weight: 5, b: 0.5 }),
  keywords: Object.freeze({ weight: 3, b: 0.5 }),
  chapter: Object.freeze({ weight: 1.2, b: 0.3 }),
  part: Object.freeze({ weight: 0.6, b: 0.3 }),
  body: Object.freeze({ weight: 1, b: 0.6 }),
});

/** Search defaults, in one place. */
export const searchConfig = Object.freeze({
  /**
   * Where the static index files are served (app/search-index.json, app/search-glossary.json,
   * app/search-quiz.json). The glossary and the quiz questions have files of their own, so each
   * file stays under the 100 kB (gzip) budget as the curriculum grows; all are fetched at once,
   * and search works without the quiz file.
   */
  indexUrl: '/search-index.json',
  glossaryIndexUrl: '/search-glossary.json',
  quizIndexUrl: '/search-quiz.json',
  /** Bumped when the file's shape changes, so an old cached file is rejected, not misread. */
  indexVersion: 2,
  bm25: Object.freeze({ fields, k1: 1.2 }),
  /**
   * The second pass over the best BM25F candidates. Each bonus is added to the BM25F score
   * divided by the best one (so 1 for the top candidate):
   * - exactName: the record's name (heading, term, alias) is what was typed, no more, no less;
   *   partial overlap earns its share.
   * - phrase: the longest run of typed words found in a row in the record, over the query's
   *   length; what makes a pasted error message or command find the section that quotes it.
   * - coverage: records holding every concept of the query beat records holding one many times.
   * - quiz questions practise a topic; the section that teaches it is the better answer.
   */
  rerank: Object.freeze({ depth: 50, exactName: 0.8, partialName: 0.5, phrase: 0.7, coverageFloor: 0.35, quizFactor: 0.55 }),
  expansion: Object.freeze({
    weights: Object.freeze({ synonym: 0.95, related: 0.6, prefix: 0.7, everyday: 0.5 }),
    /** Completions tried for the word being typed. */
    prefixLimit: 12,
  }),
  /** Longer input is cut, so every query costs a bounded amount of work. */
  maxQueryLength: 200,
  maxQueryWords: 10,
  /** Words highlighted. */
  maxTerms: 16,
  /** Glossary entries one typed alias may stand for. */
  maxRelatedNames: 3,
  /** Shorter words are completed while typing only once they reach this length, and highlight whole. */
  minPrefixLength: 3,
  /** How many typos a misspelt word may have to be corrected, by its length. */
  spelling: Object.freeze([Object.freeze({ minLength: 4, maxEdits: 1 }), Object.freeze({ minLength: 8, maxEdits: 2 })]),
  /** Below this length only swapped letters count as a typo (see query/vocabulary.ts). */
  minSubstitutionLength: 5,
  /** Words this long that edit distance cannot fix are matched against heading and name words by fuse.js. */
  fuzzyNameMinLength: 6,
  fuzzyNameMaxLength: 20,
  fuzzyNameThreshold: 0.34,
  /** Glossary ids offered before anything is typed and when nothing else fits. */
  starterTerms: Object.freeze(['container', 'linux-namespace', 'cgroup', 'pod', 'kubelet', 'etcd', 'control-plane', 'kube-proxy']),
  limits: Object.freeze({ palette: 12, page: 50, cli: 10, suggestions: 6, chapters: 4 }),
  /** Characters of text around the match shown under a result. */
  snippetLength: 180,
  /** How long the heading a reader lands on stays highlighted. */
  highlightMs: 2200,
});
