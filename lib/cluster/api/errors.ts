// Every error text the cluster prints, defined once (tests import these instead of repeating them).
export interface ApiError {
  code: number;
  /** The StatusReason kubectl shows in parentheses; absent for raw storage errors. */
  reason?: string;
  message: string;
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
};

export function formatApiError(error: ApiError): string {
  return error.reason ? `Error from server (${error.reason}): ${error.message}` : `Error from server: ${error.message}`;
}

export const kubectlErrors = {
  unknownCommand: (name: string) => `error: unknown command "${name}" for "kubectl"`,
  unknownFlag: (flag: string) => `error: unknown flag: ${flag}`,
  unknownShorthand: (letter: string, token: string) => `error: unknown shorthand flag: '${letter}' in ${token}`,
  flagNeedsArgument: (flag: string) => `error: flag needs an argument: ${flag}`,
  invalidFlagValue: (value: string, flag: string, detail: string) => `error: invalid argument "${value}" for "${flag}" flag: ${detail}`,
  unknownResource: (type: string) => `error: the server doesn't have a resource type "${type}"`,
  unreachable: (host: string) => `Unable to connect to the server: dial tcp ${host}:6443: connect: no route to host`,
  noResources: (namespace: string | undefined) => (namespace ? `No resources found in ${namespace} namespace.` : 'No resources found'),
  requiredResource: () =>
    'error: you must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
  forceDeleteWarning: () =>
    'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
  drainDaemonSet: 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
  drainUnmanaged: 'cannot delete Pods that declare no controller (use --force to override)',
  drainLocalStorage: 'cannot delete Pods with local storage (use --delete-emptydir-data to override)',
};
