/**
 * The shape of the command language as the terminal's tab completion knows it: programs, verbs,
 * resource kinds, and which word after a verb names what. Policy as data, kept in step with the
 * kubectl and sim commands lib/cluster implements.
 */

export type Slot = 'kind' | 'node' | 'etcd-member' | 'file' | 'deployment-or-kind' | 'none';

export const programs = ['kubectl', 'sim'] as const;

/** kubectl verbs and what their first argument is. */
export const kubectlVerbs: Record<string, Slot> = {
  get: 'kind',
  describe: 'kind',
  delete: 'kind',
  scale: 'deployment-or-kind',
  cordon: 'node',
  uncordon: 'node',
  drain: 'node',
  taint: 'kind',
  label: 'kind',
  run: 'none',
  create: 'none',
  apply: 'file',
  'cluster-info': 'none',
};

/** Resource kinds by the name readers type most; short names complete too. */
export const resourceKinds: Record<string, { short: string; list: ResourceList }> = {
  pods: { short: 'po', list: 'pods' },
  nodes: { short: 'no', list: 'nodes' },
  deployments: { short: 'deploy', list: 'deployments' },
  replicasets: { short: 'rs', list: 'replicaSets' },
  daemonsets: { short: 'ds', list: 'daemonSets' },
  statefulsets: { short: 'sts', list: 'statefulSets' },
  services: { short: 'svc', list: 'services' },
  events: { short: 'ev', list: 'none' },
  poddisruptionbudgets: { short: 'pdb', list: 'pdbs' },
  namespaces: { short: 'ns', list: 'none' },
};

export type ResourceList = 'pods' | 'nodes' | 'deployments' | 'replicaSets' | 'daemonSets' | 'statefulSets' | 'services' | 'pdbs' | 'none';

/** Flags worth completing, per verb. */
export const kubectlFlags: Record<string, string[]> = {
  get: [
    '-o',
    '--output',
    '-A',
    '--all-namespaces',
    '-n',
    '--namespace',
    '-l',
    '--selector',
    '--field-selector',
    '--show-labels',
    '-w',
    '--watch',
  ],
  describe: ['-n', '--namespace'],
  delete: ['--force', '--grace-period=0', '-n', '--namespace'],
  scale: ['--replicas='],
  drain: ['--ignore-daemonsets', '--delete-emptydir-data', '--force', '--timeout=', '--grace-period='],
  run: ['--image=', '--labels=', '--restart=Never'],
  create: ['--image=', '--replicas='],
  apply: ['-f'],
  taint: ['--overwrite', '--all'],
  label: ['--overwrite', '--all'],
};

export const outputFormats = ['wide', 'name'];

/** sim command groups, their actions, and what the action's argument is. */
export const simCommands: Record<string, Record<string, Slot>> = {
  node: { fail: 'node', recover: 'node', add: 'none' },
  kubelet: { stop: 'node', start: 'node' },
  runtime: { stop: 'node', start: 'node' },
  etcd: { fail: 'etcd-member', recover: 'etcd-member' },
  advance: {},
  time: {},
  init: {},
};

export const advanceDurations = ['10s', '30s', '1m', '5m', '6m'];
