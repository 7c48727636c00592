import type { IFuseOptions } from 'fuse.js';
import type { SearchDocument } from './engine/documents';

/**
 * Fuse searches a normalised copy of each record (see engine/documents.ts). The weights say how
 * much a match in each field is worth; Fuse also scales each match by the field's length, so a
 * word in a four-word heading counts far more than the same word in a 300-word section.
 * - name (the section heading, the glossary term, or the chapter title for an introduction) is
 *   what the record is about: a reader who types "kubelet" wants the section called "The kubelet".
 * - keywords (glossary aliases) are other names for the same thing: "k8s", "minion", "PDB".
 * - chapter is context only: every section of "The control plane" shares it, so it ranks that
 *   chapter's sections up without picking one of them.
 * - body is where facts live; it matches most queries, so it breaks ties between records whose
 *   names do not match rather than competing with them.
 */
const keys = Object.freeze([
  Object.freeze({ name: 'name', weight: 5 }),
  Object.freeze({ name: 'keywords', weight: 3 }),
  Object.freeze({ name: 'chapter', weight: 1.5 }),
  Object.freeze({ name: 'body', weight: 1 }),
]);

const fuseOptions = Object.freeze({
  keys: keys.map((k) => ({ ...k })),
  includeScore: true,
  shouldSort: true,
  // Fields are lower-cased once when the index loads, so Fuse need not lower-case them per query.
  isCaseSensitive: true,
  // Extended search's include matcher ('"<space>term") finds a word by its start with a plain
  // indexOf, fast on long text. Typos are not left to bitap fuzzy matching, which costs a pass
  // over the text per allowed error: they are corrected against the vocabulary of the notes
  // first (query/vocabulary.ts), once per query rather than once per field.
  useExtendedSearch: true,
  // A heading word is as good at the end of the heading as at its start.
  ignoreLocation: true,
  // Softer than the default 1: a long section that answers the question should not lose to a
  // two-line one just for being long.
  fieldNormWeight: 0.5,
}) satisfies IFuseOptions<SearchDocument>;

/** Search defaults, in one place. */
export const searchConfig = Object.freeze({
  /** Where the static index file is served; see app/search-index.json/route.ts. */
  indexUrl: '/search-index.json',
  /** Bumped when the file's shape changes, so an old cached file is rejected, not misread. */
  indexVersion: 1,
  fuseOptions,
  /** Longer input is cut, so every query costs a bounded amount of work. */
  maxQueryLength: 200,
  maxQueryWords: 8,
  /** Terms searched after expansion (aliases, corrections, phrases). */
  maxTerms: 12,
  /** Glossary entries one typed word may stand for (see QueryTerm.role `related`). */
  maxRelatedNames: 3,
  /** Words shorter than this match whole words only: "ns" must not match "dns" or "nsenter". */
  minPrefixLength: 3,
  /** A term found in more than this share of records counts as common (see QueryTerm.role). */
  commonTermShare: 0.1,
  /** How many typos a misspelt word may have to be corrected, by its length. */
  spelling: Object.freeze([Object.freeze({ minLength: 4, maxEdits: 1 }), Object.freeze({ minLength: 8, maxEdits: 2 })]),
  /** Glossary ids offered before anything is typed and when nothing else fits. */
  starterTerms: Object.freeze(['container', 'linux-namespace', 'cgroup', 'pod', 'kubelet', 'etcd', 'control-plane', 'kube-proxy']),
  limits: Object.freeze({ palette: 12, page: 50, cli: 10, suggestions: 6 }),
  /** Characters of text around the match shown under a result. */
  snippetLength: 180,
  /** How long the heading a reader lands on stays highlighted. */
  highlightMs: 2200,
});
