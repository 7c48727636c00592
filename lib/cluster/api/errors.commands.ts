// The error texts of single kubectl commands; api/errors.ts re-exports them, so every text still
// has one place and one import.
import { formatGoDuration } from '../util/duration';

/** kubectl taint (pkg/cmd/taint: parseTaints, validateFlags, updateTaints). */
export const taintErrors = {
  invalidEffect: (effect: string) => `invalid taint effect: ${effect}, unsupported taint effect`,
  invalidSpec: (spec: string, causes: readonly string[] = []) =>
    causes.length > 0 ? `invalid taint spec: ${spec}, ${causes.join('; ')}` : `invalid taint spec: ${spec}`,
  duplicated: (key: string, value: string, effect: string) =>
    `duplicated taints with the same key and effect: {${key} ${value} ${effect} <nil>}`,
  alreadyHas: (node: string, keys: readonly string[]) =>
    `node ${node} already has ${keys.join(',')} taint(s) with same effect(s) and --overwrite is false`,
  notFound: (taint: string) => `taint "${taint}" not found`,
  resourcesRequired: () => 'error: one or more resources must be specified as <resource> <name>',
  updateRequired: () => 'error: at least one taint update is required',
  onlyNodes: (type: string) => `error: invalid resource type ${type}, only node types are supported`,
  modifyAndRemove: (conflicts: readonly { key: string; effect: string }[]) =>
    `error: can not both modify and remove the following taint(s) in the same command: ${conflicts.map((c) => `{"${c.key}":"${c.effect}"}`).join(', ')}`,
  allWithSelector: () => "error: setting 'all' parameter with a non empty selector is prohibited",
  nameRequired: () => "error: at least one resource name must be specified since 'all' parameter is not set",
  /** updateTaints' type assertion, printed with Go's %T of the typed object the builder decoded. */
  notANode: (kind: string) => `unexpected type *v1.${kind}, expected Node`,
};

/** kubectl cordon, uncordon and drain's node selection (pkg/cmd/drain). */
export const cordonErrors = {
  nameAndSelector: () => 'error: cannot specify both a node name and a --selector option',
  notANode: (resource: string) => `error: expected resource of type node, got "${resource}"`,
  unableTo: (verb: string, node: string, detail: string) => `error: unable to ${verb} node "${node}": ${detail}`,
};

/** kubectl logs (pkg/cmd/logs, polymorphichelpers.LogsForObject) and the kubelet's answers through the API server. */
export const logsErrors = {
  allContainersWithName: (name: string) => `error: --all-containers=true should not be specified with container name ${name}`,
  usage: () =>
    "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
  /** Go's %T of the typed object: "*v1.Service". */
  cannotGetLogs: (kind: string) => `error: cannot get the logs from *v1.${kind}`,
  noPod: () => 'error: timed out waiting for the condition',
  invalidContainer: (container: string, pod: string) =>
    `Error from server (BadRequest): container ${container} is not valid for pod ${pod}`,
  noPrevious: (container: string, pod: string) =>
    `Error from server (BadRequest): previous terminated container "${container}" in pod "${pod}" not found`,
  waitingToStart: (container: string, pod: string, reason: string) =>
    `Error from server (BadRequest): container "${container}" in pod "${pod}" is waiting to start: ${reason}`,
  /** The API server's dial to the kubelet at `path` (https://IP:10250/...) failed. */
  kubeletUnreachable: (path: string, cause: string) =>
    `Error from server: Get "${path}": dial tcp ${path.slice(8, path.indexOf(':10250'))}:10250: ${cause}`,
  defaultedContainer: (container: string, names: readonly string[]) => `Defaulted container "${container}" out of: ${names.join(', ')}\n`,
  selectorWithName: () => 'error: only a selector (-l) or a POD name is allowed',
};

/** kubectl patch (kubectl/pkg/cmd/patch) and the API server's answers to a patch. */
export const patchErrors = {
  patchRequired: () => 'error: must specify --patch or --patch-file containing the contents of the patch',
  patchAndFile: () => 'error: cannot specify --patch and --patch-file together',
  /** os.ReadFile's error, as patch.go wraps it. */
  patchFileUnreadable: (file: string) => `error: unable to read patch file: open ${file}: no such file or directory`,
  badType: (type: string) => `error: --type must be one of [json merge strategic], not ${JSON.stringify(type)}`,
  unparsable: (text: string, why: string) => `error: unable to parse ${JSON.stringify(text)}: ${why}`,
  badRequest: (why: string) => `Error from server (BadRequest): ${why}`,
  invalid: (kind: string, name: string, detail: string) =>
    `Error from server (BadRequest): the patched ${kind} "${name}" is invalid: ${detail}`,
  unsupportedKind: (kind: string) => `error: patching a ${kind} is not available in this simulator: change it with the command made for it`,
};

/** kubectl wait (kubectl/pkg/cmd/wait). */
export const waitErrors = {
  forRequired: () => 'error: --for must be specified',
  unrecognizedCondition: (text: string) => `error: unrecognized condition: ${JSON.stringify(text)}`,
  jsonpathFormat: () =>
    "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
  jsonpathEmptyValue: () => 'error: jsonpath wait has to have a value after equal sign',
  noMatchingResources: () => 'error: no matching resources found',
  /** wait.ErrWaitTimeout, from --for=create's poll. */
  createTimedOut: () => 'error: timed out waiting for the condition',
};

/** kubectl expose, and --dry-run=client for create, run and expose. */
export const exposeErrors = {
  resourceRequired: () => 'error: You must provide the resource to expose: kubectl expose TYPE NAME --port=PORT',
  cannotExpose: (kind: string) => `error: cannot expose a ${kind}`,
  noPort: () => "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples",
  invalidPort: (text: string) => `error: invalid port "${text}"`,
  unsupportedType: (type: string) => `error: the Service type "${type}" is not supported here: ClusterIP, NodePort or LoadBalancer`,
  dryRunCommands: () => 'error: --dry-run is supported here for create deployment, run and expose',
  dryRunNone: () => 'error: --dry-run=none is the default: drop the flag',
  dryRunServer: () => 'error: --dry-run=server is not available in this simulator: use --dry-run=client',
  invalidDryRun: (mode: string) => `error: Invalid dry-run value (${mode}). Must be "none", "server", or "client".`,
  dryRunOutput: () => 'error: --dry-run=client prints with -o yaml, -o json or -o name',
};

/** kubectl label (pkg/cmd/label: parseLabels, labelFunc) and the API server's check of label keys. */
export const labelErrors = {
  invalidValue: (spec: string, causes: readonly string[]) => `error: invalid label value: "${spec}": ${causes.join(';')}`,
  unknownSpec: (spec: string) => `error: unknown label spec: ${spec}`,
  modifyAndRemove: () => 'error: can not both modify and remove a label in the same command',
  resourcesRequired: () => 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
  updateRequired: () => 'error: at least one label update is required',
  notFound: (key: string) => `label "${key}" not found.`,
  alreadyHasValue: (key: string, value: string) => `'${key}' already has a value (${value}), and --overwrite is false`,
  invalidKey: (kind: string, name: string, key: string, causes: readonly string[]) =>
    `The ${kind} "${name}" is invalid: metadata.labels: Invalid value: "${key}": ${causes.join('; ')}`,
};

/** kubectl's JSONPath parser and evaluator (k8s.io/client-go/util/jsonpath). */
export const jsonpathErrors = {
  unrecognizedCharacter: (char: string) =>
    `unrecognized character in action: U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${char}'`,
  unclosedArray: () => 'unclosed array expect ]',
  unrecognizedFilter: (value: string) => `unrecognized filter value ${value}`,
  invalidIndex: (index: string) => `invalid array index ${index}`,
  unclosedAction: () => 'unclosed action',
  nothingToEnd: () => 'not in range, nothing to end',
  unclosedRange: () => 'unclosed range',
  outOfBounds: (index: number | undefined, length: number) => `array index out of bounds: index ${index}, length ${length}`,
};

/** kubectl rollout and set image: their status lines and errors (pkg/cmd/rollout, polymorphichelpers, pkg/cmd/set). */
export const rolloutErrors = {
  waitingForSpec: () => 'Waiting for deployment spec update to be observed...\n',
  waitingUpdated: (name: string, updated: number, desired: number) =>
    `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${desired} new replicas have been updated...\n`,
  waitingOldPods: (name: string, old: number) =>
    `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${old} old replicas are pending termination...\n`,
  waitingAvailable: (name: string, available: number, updated: number) =>
    `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${available} of ${updated} updated replicas are available...\n`,
  rolledOut: (name: string) => `deployment ${JSON.stringify(name)} successfully rolled out\n`,
  deadlineExceeded: (name: string) => `deployment ${JSON.stringify(name)} exceeded its progress deadline`,
  timedOut: () => 'error: timed out waiting for the condition',
  simulatorStopped: (ms: number) =>
    `error: the simulator stopped waiting after ${formatGoDuration(ms)} of simulated time with the rollout unfinished (kubectl would wait until interrupted; a paused Deployment never rolls out: kubectl rollout resume)`,
  deleted: (name: string) => `error: deployment ${JSON.stringify(name)} was deleted while waiting for its rollout`,
  revisionMismatch: (wanted: number, running: number) =>
    `error: desired revision (${wanted}) is different from the running revision (${running})`,
  statusOneResource: () => 'error: rollout status is only supported on individual resources and resource collections are not supported yet',
  required: (verb: string) =>
    verb === 'status' || verb === 'history' || verb === 'undo'
      ? 'error: required resource not specified'
      : "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  unsupported: (verb: string, kind: string, name: string) =>
    `error: kubectl rollout ${verb} of ${kind} "${name}" is not simulated (only Deployments roll out here)`,
  unknownSubcommand: (sub: string) =>
    `error: unknown command "${sub}" for "kubectl rollout"\n\nAvailable Commands: history, pause, restart, resume, status, undo`,
  noRevision: () => 'unable to find the specified revision',
  noHistory: () => 'No rollout history found.',
  negativeRevision: () => 'error: revision must be a positive integer',
  skipped: (revision: number) => `skipped rollback (current template already matches revision ${revision})`,
  restartPaused: () => "can't restart paused deployment (run rollout resume first)",
  restartTooSoon: (name: string) =>
    `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
  alreadyPaused: (name: string) => `deployments.apps ${JSON.stringify(name)} is already paused`,
  notPaused: (name: string) => `deployments.apps ${JSON.stringify(name)} is not paused`,
  setImageUsage: () => 'error: at least one image update is required',
  noContainer: (name: string) => `error: unable to find container named ${JSON.stringify(name)}`,
  recordDeprecated: () => 'Flag --record has been deprecated, --record will be removed in the future',
  invalidImageUpdate: (pair: string) => `error: invalid image update: ${pair}`,
  setUnsupported: (sub: string, kind: string, name: string) =>
    `error: kubectl set ${sub} of ${kind} "${name}" is not simulated (only Deployments here)`,
  unknownSetSubcommand: (sub: string) => `error: unknown command "${sub}" for "kubectl set"\n\nAvailable Commands: env, image, resources`,
};

/** kubectl set resources (pkg/cmd/set/set_resources.go, generate's populateResourceListV1). */
export const setResourcesErrors = {
  required: () => 'error: you must specify an update to requests or limits (in the form of --requests/--limits)',
  syntax: (statement: string) => `error: Invalid argument syntax ${statement}, expected <resource>=<value>`,
  quantity: () => "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  unmodelled: (resource: string) => `error: the simulator models only the cpu and memory resources, not ${resource}`,
  noContainer: (selector: string) => `error: unable to find container named ${selector}`,
};

/** kubectl config (pkg/cmd/config) and client-go's clientcmd, for the one kubeconfig file. */
export const kubeconfigErrors = {
  contextNameOrCurrent: () => 'error: you must specify a non-empty context name or --current',
  contextNameAndCurrent: () => 'error: you cannot specify both a context name and --current',
  currentContextNotSet: () => 'error: current-context is not set',
  minifyNeedsContext: () => 'error: current-context must exist in order to minify',
  cannotDelete: (name: string, file: string) => `error: cannot delete context ${name}, not in ${file}`,
  renameMissing: (name: string, file: string) => `error: cannot rename the context "${name}", it's not in ${file}`,
  renameTaken: (name: string, taken: string, file: string) =>
    `error: cannot rename the context "${name}", the context "${taken}" already exists in ${file}`,
  /** What kubectl says with no server to talk to: a context without a known cluster falls back to localhost:8080. */
  noServer: () => 'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
  subcommands: () =>
    'error: kubectl config needs a subcommand: current-context, delete-context, get-clusters, get-contexts, get-users, rename-context, set-context, use-context or view',
};
