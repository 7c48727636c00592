import { heldOutQueries } from '../../tests/search/fixtures/heldOutQueries';
import { tuningQueries } from '../../tests/search/fixtures/learnerQueries';

/** Each keystroke of a few queries, as the palette searches them while a reader types. */
const typed = ['kubelet heartbeat', 'etcd quorum', 'drain a node', '컨테이너 이미지'].flatMap((q) =>
  Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)),
);

/** Inputs no reader means but any reader can type: every one must stay fast. */
const hostile = [
  '',
  '   ',
  '.*+?^${}()|[]\\',
  '🚀🐳 containers 🐳',
  'a'.repeat(5000),
  'kube '.repeat(400),
  '"\'!=^$|',
  'ẞ ǅ İ ﬁ',
  '-- --pid',
];

/** The workload the bench times: every learner query (both sets: this times search, it does not judge it), typing, and hostile input. */
export const benchQueries: readonly string[] = [...tuningQueries, ...heldOutQueries].map((q) => q.query).concat(typed, hostile);
