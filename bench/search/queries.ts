import { learnerQueries } from '../../tests/search/fixtures/learnerQueries';

/** Each keystroke of a few queries, as the palette searches them while a reader types. */
const typed = ['kubelet heartbeat', 'etcd quorum', 'drain a node'].flatMap((q) =>
  Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)),
);

/** Inputs no reader means but any reader can type: every one must stay fast. */
const hostile = ['', '   ', '.*+?^${}()|[]\\', '🚀🐳 containers 🐳', 'a'.repeat(5000), 'kube '.repeat(400), '"\'!=^$|', 'ẞ ǅ İ ﬁ'];

/** The workload the bench times: the relevance fixture's learner queries, typing, and hostile input. */
export const benchQueries: readonly string[] = [...learnerQueries.map((q) => q.query), ...typed, ...hostile];
