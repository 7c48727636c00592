/**
 * Every top-level command of real kubectl (v1.32, `kubectl --help`). When the simulated cluster
 * answers "unknown command" to one of these, the reader typed real kubectl that the model lacks,
 * so the answer is not graded rather than marked wrong; a typo is still an unknown command. Kept
 * out of quizPolicy because that table is on every page's first load and this list is not needed there.
 */
export const kubectlCommands: ReadonlySet<string> = new Set(
  (
    'create expose run set explain get edit delete rollout scale autoscale certificate cluster-info top cordon uncordon drain ' +
    'taint describe logs attach exec port-forward proxy cp auth debug events diff apply patch replace wait kustomize label ' +
    'annotate completion alpha api-resources api-versions config plugin version options'
  ).split(' '),
);
