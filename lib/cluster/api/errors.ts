// Every error text the cluster prints, defined once (tests import these instead of repeating them).
import { limits } from './limits';
import { formatGoDuration } from '../util/duration';

export interface ApiError {
  code: number;
  /** The StatusReason kubectl shows in parentheses; absent for raw storage errors. */
  reason?: string;
  message: string;
  /** For 422 Invalid: the object and its field errors, which kubectl prints as "The Kind "name" is invalid: ...". */
  invalid?: { kind: string; name: string; causes: string[] };
}

export const apiErrors = {
  notFound: (resource: string, name: string): ApiError => ({ code: 404, reason: 'NotFound', message: `${resource} "${name}" not found` }),
  alreadyExists: (resource: string, name: string): ApiError => ({
    code: 409,
    reason: 'AlreadyExists',
    message: `${resource} "${name}" already exists`,
  }),
  /** What the API server answers when etcd has lost quorum. */
  noQuorum: (): ApiError => ({ code: 500, message: 'etcdserver: request timed out' }),
  /** The Eviction API's refusal while a PodDisruptionBudget allows no disruption. */
  disruptionBudget: (): ApiError => ({
    code: 429,
    reason: 'TooManyRequests',
    message: "Cannot evict pod as it would violate the pod's disruption budget.",
  }),
  namespaceNotFound: (namespace: string): ApiError => ({ code: 404, reason: 'NotFound', message: `namespaces "${namespace}" not found` }),
  /** A 422 from validation: `resource` as the API names it ("deployments.apps"), `kind` as kubectl prints it. */
  invalid: (kind: string, qualifiedKind: string, name: string, causes: string[]): ApiError => ({
    code: 422,
    reason: 'Invalid',
    message: `${qualifiedKind} "${name}" is invalid: ${causes.join(', ')}`,
    invalid: { kind, name, causes },
  }),
  /** The simulator's pod limit, answered like an admission refusal. */
  tooManyPods: (name: string, max: number): ApiError => ({
    code: 403,
    reason: 'Forbidden',
    message: `pods "${name}" is forbidden: the simulator runs at most ${max} pods in this cluster (${limits.minClusterPods}, or 110 per node in larger clusters); scale something down or delete pods first`,
  }),
  /** kube-apiserver's body limit (--max-request-body-bytes). */
  requestTooLarge: (): ApiError => ({
    code: 413,
    reason: 'RequestEntityTooLarge',
    message: `Request entity too large: limit is ${limits.maxRequestBodyBytes}`,
  }),
  /** etcd's request limit (--max-request-bytes), reached before the API server's own. */
  etcdRequestTooLarge: (): ApiError => ({ code: 500, message: 'etcdserver: request is too large' }),
};

/** Field errors, as apimachinery's field.Error prints them. */
export const fieldErrors = {
  annotationsTooLong: () => `metadata.annotations: Too long: must have at most ${limits.totalAnnotationSizeBytes} bytes`,
  negative: (path: string, value: number) => `${path}: Invalid value: ${value}: must be greater than or equal to 0`,
  tooManyReplicas: (path: string, value: number, max: number) =>
    `${path}: Invalid value: ${value}: the simulator runs at most ${max} pods in this cluster`,
};

/** kubectl's CheckErr: Invalid errors as "The Kind "name" is invalid: ...", others with the server's reason. */
export function formatApiError(error: ApiError): string {
  if (error.invalid) {
    const { kind, name, causes } = error.invalid;
    const detail = causes.length === 1 ? causes[0] : `\n${causes.map((cause) => `* ${cause}`).join('\n')}`;
    return `The ${kind} "${name}" is invalid: ${detail}`;
  }
  return error.reason ? `Error from server (${error.reason}): ${error.message}` : `Error from server: ${error.message}`;
}

export const kubectlErrors = {
  unknownCommand: (name: string) => `error: unknown command "${name}" for "kubectl"`,
  unknownFlag: (flag: string) => `error: unknown flag: ${flag}`,
  unknownShorthand: (letter: string, token: string) => `error: unknown shorthand flag: '${letter}' in ${token}`,
  flagNeedsArgument: (flag: string) => `error: flag needs an argument: ${flag}`,
  shorthandNeedsArgument: (letter: string) => `error: flag needs an argument: '${letter}' in -${letter}`,
  invalidFlagValue: (value: string, flag: string, detail: string) => `error: invalid argument "${value}" for "${flag}" flag: ${detail}`,
  unknownResource: (type: string) => `error: the server doesn't have a resource type "${type}"`,
  unreachable: (host: string) => `Unable to connect to the server: dial tcp ${host}:6443: connect: no route to host`,
  noResources: (namespace: string | undefined) => (namespace ? `No resources found in ${namespace} namespace.` : 'No resources found'),
  requiredResource: () =>
    'error: you must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
  forceDeleteWarning: () =>
    'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
  negativeScale: () => 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
  invalidDuration: (value: string, flag: string) =>
    kubectlErrors.invalidFlagValue(value, flag, `time: invalid duration ${JSON.stringify(value)}`),
  waitTooLong: (flag: string, ms: number) =>
    `error: ${flag} ${formatGoDuration(ms)} is longer than the simulator waits in one command (at most ${formatGoDuration(limits.maxAdvanceMs)})`,
  drainDaemonSet: 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
  drainUnmanaged: 'cannot delete Pods that declare no controller (use --force to override)',
  drainLocalStorage: 'cannot delete Pods with local storage (use --delete-emptydir-data to override)',
  // kubectl apply, delete --wait, drain --timeout, scale (issue 14).
  notSimulated: (path: string, note: string) => `Warning: ${path} is not simulated: ${note}`,
  /** apply.go warningNoLastAppliedConfigAnnotation; `object` is info.ObjectName() ("deployments/web"). */
  missingLastApplied: (object: string) =>
    `Warning: resource ${object} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
  requiredResourceName: () => 'error: resource(s) were provided, but no name was specified',
  // kubectl's resource builder (cli-runtime pkg/resource/builder.go).
  mixedResourceForms: () =>
    "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
  tooManySlashes: () => 'error: arguments in resource/name form may not have more than one slash',
  singleResourceAndName: () => 'error: arguments in resource/name form must have a single resource and name',
  invalidLabelSelector: (text: string) => `error: unable to parse requirement: invalid label selector "${text}"`,
  nameWithSelector: () => 'error: name cannot be provided when a selector is specified',
  allAndSelector: () => 'error: cannot set --all and --selector at the same time',
  /** The server checks field selectors per resource, when it lists. */
  badFieldSelector: (resource: string, labels: string, fields: string, detail: string) =>
    `Error from server (BadRequest): Unable to find "${resource}" that match label selector "${labels}", field selector "${fields}": ${detail}`,
  describeRequiresType: () =>
    'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
  describeUnsupported: (plural: string) => `error: describe ${plural} is not supported here (try node, pod or deployment)`,
  usage: (usage: string) => `error: USAGE: ${usage}`,
  requiredFlag: (flag: string) => `error: required flag(s) "${flag}" not set`,
  runNeedsName: () => 'error: NAME is required for run',
  invalidLabelSpec: (spec: string) => `error: invalid label spec: ${spec}`,
  exactlyOneName: () => 'error: exactly one NAME is required, got 0',
  /** RunDrain: the per-node line, the pending nodes, then the aggregate error as CheckErr prints it. */
  drainFailed: (node: string, errors: string) => [
    `error: unable to drain node "${node}" due to error: ${errors}, continuing command...`,
    'There are pending nodes to be drained:',
    ` ${node}`,
    `error: ${errors}`,
  ],
  eventsNotLabelled: () => 'error: labels cannot be changed on events here',
  eventsNotDeleted: () => 'error: events cannot be deleted here',
  requiredResourceNotSpecified: () => 'error: required resource not specified',
  noObjectsToScale: () => 'error: no objects passed to scale',
  noArgumentsForDelete: () => 'error: You must provide one or more resources by argument or filename.',
  noLastApplied: (name: string) => `error: no last-applied-configuration annotation found on resource: ${name}`,
  viewLastAppliedOutput: (format: string) => `error: Unexpected -o output mode: ${format}, the flag 'output' must be one of yaml|json`,
  podUpdateForbidden: (name: string) =>
    `The Pod "${name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`,
  /** kubectl wait's timeout (extendErrWaitTimeout over wait.ErrorInterrupted), as delete --wait prints it. */
  waitTimedOut: (resource: string, name: string) => `error: timed out waiting for the condition on ${resource}/${name}`,
  /** The simulator stands in for the learner's Ctrl+C when a wait would outlast what it simulates in one command. */
  waitInterrupted: (command: string, waitedMs: number, limit: string) =>
    `^C\n(simulator) ${command} was still waiting after ${formatGoDuration(waitedMs)} of simulated time. A real kubectl keeps waiting (${limit}) until you press Ctrl+C, so the simulator pressed it for you: what the command already did stays done.`,
  /** The scale subresource's 404: DaemonSets (and Pods, Services...) have none. */
  noScaleSubresource: () => 'Error from server (NotFound): the server could not find the requested resource',
  drainEvictTimeout: (pod: string, namespace: string, timeout: string) =>
    `error when evicting pods/"${pod}" -n "${namespace}": global timeout reached: ${timeout}`,
  drainWaitTimeout: (pod: string, namespace: string) =>
    `error when waiting for pod "${pod}" in namespace "${namespace}" to terminate: context deadline exceeded`,
};

export const simErrors = {
  advanceUsage: (text: string | undefined) =>
    `error: sim advance DURATION (like 30s, 5m, 1h, 1m30s)${text !== undefined ? `: invalid duration ${JSON.stringify(text)}` : ''}`,
  advanceTooLong: (ms: number) =>
    `error: sim advance ${formatGoDuration(ms)} is too long: the simulator advances at most ${formatGoDuration(limits.maxAdvanceMs)} at a time (run it again to go further)`,
  invalidFlag: (flag: string, detail: string) => `error: invalid --${flag}: ${detail}`,
  unexpectedArguments: (args: readonly string[]) => `error: unexpected arguments: ${args.join(' ')}`,
};
