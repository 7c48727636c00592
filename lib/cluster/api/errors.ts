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
  /** The Priority admission plugin: a pod naming a class that does not exist. */
  noPriorityClass: (pod: string, className: string): ApiError => ({
    code: 403,
    reason: 'Forbidden',
    message: `pods "${pod}" is forbidden: no PriorityClass with name ${className} was found`,
  }),
  priorityMismatch: (pod: string, given: number, computed: number): ApiError => ({
    code: 403,
    reason: 'Forbidden',
    message: `pods "${pod}" is forbidden: the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${computed} from the given PriorityClass name`,
  }),
  secondDefaultPriorityClass: (name: string, existing: string): ApiError => ({
    code: 403,
    reason: 'Forbidden',
    message: `priorityclasses.scheduling.k8s.io "${name}" is forbidden: PriorityClass ${existing} is already marked as default. Only one default can exist`,
  }),
  /** etcd's request limit (--max-request-bytes), reached before the API server's own. */
  etcdRequestTooLarge: (): ApiError => ({ code: 500, message: 'etcdserver: request is too large' }),
};

/** Field errors, as apimachinery's field.Error prints them. */
export const fieldErrors = {
  annotationsTooLong: () => `metadata.annotations: Too long: must have at most ${limits.totalAnnotationSizeBytes} bytes`,
  negative: (path: string, value: number) => `${path}: Invalid value: ${value}: must be greater than or equal to 0`,
  userPriorityTooHigh: (max: number) => `value: Forbidden: maximum allowed value of a user defined priority is ${max}`,
  reservedPriorityClassName: () => "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only",
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
};

export const simErrors = {
  advanceUsage: (text: string | undefined) =>
    `error: sim advance DURATION (like 30s, 5m, 1h, 1m30s)${text !== undefined ? `: invalid duration ${JSON.stringify(text)}` : ''}`,
  advanceTooLong: (ms: number) =>
    `error: sim advance ${formatGoDuration(ms)} is too long: the simulator advances at most ${formatGoDuration(limits.maxAdvanceMs)} at a time (run it again to go further)`,
  invalidFlag: (flag: string, detail: string) => `error: invalid --${flag}: ${detail}`,
  unexpectedArguments: (args: readonly string[]) => `error: unexpected arguments: ${args.join(' ')}`,
};
