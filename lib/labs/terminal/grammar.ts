/**
 * The shape of the command language as the terminal's tab completion knows it: programs, verbs,
 * resource kinds, and which word after a verb names what. Policy as data. The commands, subcommands
 * and flags themselves come from the help tables (complete.ts reads them), so a command added there
 * completes without an edit here; this file says only what each argument names.
 */

export type Slot = 'kind' | 'node' | 'etcd-member' | 'zone' | 'file' | 'deployment-or-kind' | 'pod' | 'none';

export const programs = ['kubectl', 'sim', 'echo', 'cat', 'clear'] as const;

/** kubectl verbs and what their first argument is. */
export const kubectlVerbs: Record<string, Slot> = {
  get: 'kind',
  describe: 'kind',
  delete: 'kind',
  scale: 'deployment-or-kind',
  // After their subcommand (rollout status, set image): a Deployment, StatefulSet or DaemonSet.
  rollout: 'deployment-or-kind',
  set: 'deployment-or-kind',
  cordon: 'node',
  uncordon: 'node',
  drain: 'node',
  taint: 'kind',
  label: 'kind',
  annotate: 'kind',
  run: 'none',
  create: 'none',
  apply: 'file',
  replace: 'file',
  diff: 'file',
  'cluster-info': 'none',
  logs: 'pod',
  exec: 'pod',
  explain: 'kind',
  expose: 'deployment-or-kind',
  patch: 'kind',
  events: 'none',
  auth: 'none',
  wait: 'kind',
  'api-resources': 'none',
  'api-versions': 'none',
  config: 'none',
  version: 'none',
  help: 'none',
};

/** kubectl config's subcommands. */
export const configSubcommands = [
  'current-context',
  'delete-context',
  'get-clusters',
  'get-contexts',
  'get-users',
  'rename-context',
  'set-context',
  'use-context',
  'view',
];

/** Resource kinds by the name readers type most; short names complete too. */
export const resourceKinds: Record<string, { short: string; list: ResourceList }> = {
  pods: { short: 'po', list: 'pods' },
  nodes: { short: 'no', list: 'nodes' },
  deployments: { short: 'deploy', list: 'deployments' },
  replicasets: { short: 'rs', list: 'replicaSets' },
  daemonsets: { short: 'ds', list: 'daemonSets' },
  statefulsets: { short: 'sts', list: 'statefulSets' },
  services: { short: 'svc', list: 'services' },
  // An Endpoints object is named after its Service.
  endpoints: { short: 'ep', list: 'services' },
  endpointslices: { short: 'endpointslice', list: 'none' },
  events: { short: 'ev', list: 'none' },
  poddisruptionbudgets: { short: 'pdb', list: 'pdbs' },
  namespaces: { short: 'ns', list: 'none' },
};

export type ResourceList = 'pods' | 'nodes' | 'deployments' | 'replicaSets' | 'daemonSets' | 'statefulSets' | 'services' | 'pdbs' | 'none';

/** Flags with the value readers most often give them, per verb (the help tables add every other flag). */
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
    '--no-headers',
    '-w',
    '--watch',
    '--watch-only',
    '--output-watch-events',
    '--sort-by=',
    '--raw',
  ],
  logs: ['-c', '--container', '--previous', '--tail=', '-n', '--namespace'],
  exec: ['-c', '--container', '--'],
  expose: ['--port=', '--target-port=', '--type=', '--name=', '--dry-run=client'],
  explain: ['--recursive'],
  describe: ['-n', '--namespace'],
  delete: ['--force', '--grace-period=0', '-n', '--namespace'],
  scale: ['--replicas='],
  drain: ['--ignore-daemonsets', '--delete-emptydir-data', '--force', '--timeout=', '--grace-period='],
  run: ['--image=', '--labels=', '--restart=Never', '--port=', '--expose', '--dry-run=client'],
  create: ['--image=', '--replicas=', '--dry-run=client'],
  apply: ['-f'],
  replace: ['-f', '--force', '--grace-period='],
  diff: ['-f'],
  events: ['--for', '--types=', '-w', '--watch'],
  taint: ['--overwrite', '--all'],
  label: ['--overwrite', '--all'],
};

export const outputFormats = ['wide', 'name', 'yaml', 'json', 'jsonpath=', 'custom-columns='];

/** sim command groups, their actions, and what the action's argument is. */
export const simCommands: Record<string, Record<string, Slot>> = {
  node: { fail: 'node', recover: 'node', add: 'none' },
  kubelet: { stop: 'node', start: 'node' },
  runtime: { stop: 'node', start: 'node' },
  etcd: { fail: 'etcd-member', recover: 'etcd-member' },
  network: { partition: 'node', heal: 'node' },
  zone: { fail: 'zone', recover: 'zone' },
  curl: {},
  registry: { list: 'none', push: 'none', rm: 'none' },
  app: { crash: 'pod', hang: 'pod', unready: 'pod', heal: 'pod', memory: 'pod' },
  advance: {},
  time: {},
  init: {},
  ssh: {},
  help: {},
};

/** What the node shell runs, with the first words each program takes. */
export const nodePrograms: Record<string, string[]> = {
  crictl: ['ps', 'pods', 'images', 'inspect', 'logs', 'stats'],
  ctr: ['-n', 'namespaces', 'containers', 'images', 'tasks'],
  nerdctl: ['-n', 'ps', 'images'],
  systemctl: ['status'],
  journalctl: ['-u'],
  ps: ['aux', '-ef', '-eo'],
  lsns: ['-t'],
  ls: ['-l', '/proc/', '/sys/fs/cgroup/'],
  cat: ['/proc/', '/sys/fs/cgroup/'],
  hostname: [],
  whoami: [],
  uname: ['-r', '-a'],
  sudo: [],
  exit: [],
};

/** The second words of node-shell programs. */
export const nodeProgramArguments: Record<string, string[]> = {
  systemctl: ['kubelet', 'containerd'],
  journalctl: ['kubelet', 'containerd'],
  ctr: ['k8s.io', 'ls'],
  nerdctl: ['k8s.io', 'ps', 'images'],
  lsns: ['net', 'pid', 'mnt', 'ipc', 'uts', 'cgroup'],
  crictl: ['-a'],
};

export const advanceDurations = ['10s', '30s', '1m', '5m', '6m'];
