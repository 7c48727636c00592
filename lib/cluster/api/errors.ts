// Every error text the cluster prints, defined once (tests import these instead of repeating them).
import { limits } from './limits';
import { formatGoDuration } from '../util/duration';
import { dns1123SubdomainFormat } from '../util/validation';

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
  /** Optimistic concurrency: a write whose resourceVersion is not the stored one. */
  conflict: (resource: string, name: string): ApiError => ({
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  }),
  namespaceNotFound: (namespace: string): ApiError => ({ code: 404, reason: 'NotFound', message: `namespaces "${namespace}" not found` }),
  /** The NamespaceLifecycle admission plugin: nothing new goes into a namespace being deleted. */
  namespaceTerminating: (resource: string, name: string, namespace: string): ApiError => ({
    code: 403,
    reason: 'Forbidden',
    message: `${resource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
  }),
  /** The NamespaceLifecycle admission plugin: default, kube-system and kube-public always exist. */
  immortalNamespace: (name: string): ApiError => ({
    code: 403,
    reason: 'Forbidden',
    message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
  }),
  /** A real cluster lets kube-node-lease go and brings it back; the simulator keeps it. */
  leaseNamespaceKept: (): ApiError => ({
    code: 403,
    reason: 'Forbidden',
    message:
      'namespaces "kube-node-lease" is forbidden: the simulator keeps this namespace (the kubelets\' heartbeat Leases live in it); a real cluster would recreate it within a minute',
  }),
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
  /** A client cut off from the API server (a partitioned node's kubelet, #46): the dial times out. */
  dialTimeout: (host: string): ApiError => ({ code: 504, message: `dial tcp ${host}:6443: i/o timeout` }),
};

/** Field errors, as apimachinery's field.Error prints them. */
export const fieldErrors = {
  /** ValidateResourceRequirements: a request may not be above its limit. */
  requestOverLimit: (path: string, request: string, resource: string, limit: string) =>
    `${path}.resources.requests: Invalid value: "${request}": must be less than or equal to ${resource} limit of ${limit}`,
  /** ValidateDNS1123Label: a namespace's name, a pod's hostname and subdomain (no dots, at most 63 characters). */
  dnsLabel: (path: string, value: string) =>
    `${path}: Invalid value: ${JSON.stringify(value)}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
  dnsLabelTooLong: (path: string, value: string) => `${path}: Invalid value: ${JSON.stringify(value)}: must be no more than 63 characters`,
  /** validateEnv (#120), with RelaxedEnvironmentVariableValidation (on by default since v1.30). */
  envNameRequired: (path: string) => `${path}.name: Required value`,
  envName: (path: string, name: string) =>
    `${path}.name: Invalid value: ${JSON.stringify(name)}: a valid environment variable name must consist only of printable ASCII characters other than '='`,
  envFieldPath: (path: string, fieldPath: string, supported: readonly string[]) =>
    `${path}.valueFrom.fieldRef.fieldPath: Unsupported value: ${JSON.stringify(fieldPath)}: supported values: ${supported.map((each) => `"${each}"`).join(', ')}`,
  /** ValidateService (#119): only a ClusterIP Service may be headless; only a headless one may have no ports. */
  headlessType: (type: string) => `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for ${type} services`,
  portsRequired: () => 'spec.ports: Required value',
  /** ValidateService for ExternalName (#121): an RFC 1123 name to alias, and no ClusterIP. */
  externalNameRequired: () => 'spec.externalName: Required value',
  externalName: (name: string) => `spec.externalName: Invalid value: ${JSON.stringify(name)}: ${dns1123SubdomainFormat}`,
  externalNameClusterIP: () => 'spec.clusterIPs: Forbidden: may not be set for ExternalName services',
  /** ValidateServiceUpdate: the primary ClusterIP (or None) is kept for the Service's life. */
  clusterIPChanged: (next: string) => `spec.clusterIPs[0]: Invalid value: []string{${JSON.stringify(next)}}: may not change once set`,
  annotationsTooLong: () => `metadata.annotations: Too long: must have at most ${limits.totalAnnotationSizeBytes} bytes`,
  negative: (path: string, value: number) => `${path}: Invalid value: ${value}: must be greater than or equal to 0`,
  userPriorityTooHigh: (max: number) => `value: Forbidden: maximum allowed value of a user defined priority is ${max}`,
  reservedPriorityClassName: () => "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only",
  tooManyReplicas: (path: string, value: number, max: number) =>
    `${path}: Invalid value: ${value}: the simulator runs at most ${max} pods in this cluster`,
  /** The Service REST storage's NodePort checks (#32). */
  nodePortOutOfRange: (index: number, port: number, range: string) =>
    `spec.ports[${index}].nodePort: Invalid value: ${port}: provided port is not in the valid range. The range of valid ports is ${range}`,
  nodePortAllocated: (index: number, port: number) =>
    `spec.ports[${index}].nodePort: Invalid value: ${port}: provided port is already allocated`,
  nodePortForbidden: (index: number, type: string) =>
    `spec.ports[${index}].nodePort: Forbidden: may not be used when \`type\` is '${type}'`,
  nodePortsExhausted: () => 'spec.ports: Internal error: failed to allocate a nodePort: range is full',
  /** #39 validation of a workload's pod template (ValidatePodTemplateSpecForReplicaSet and friends). */
  unsupportedValue: (path: string, value: string, supported: string[]) =>
    `${path}: Unsupported value: "${value}": supported values: ${supported.map((each) => `"${each}"`).join(', ')}`,
  /** #35 validateHandler / validateProbe. */
  noHandler: (path: string) => `${path}: Required value: must specify a handler type`,
  tooManyHandlers: (path: string, handler: string) => `${path}.${handler}: Forbidden: may not specify more than 1 handler type`,
  mustBeOne: (path: string, value: number) => `${path}: Invalid value: ${value}: must be 1`,
  portName: (path: string) =>
    `${path}: Invalid value: 0: must name a containerPort of the container (the simulator resolves named ports against ports[].name)`,
  /** apps validation of a Deployment's strategy (ValidateRollingUpdateDeployment and friends). */
  notPercent: (path: string, value: string) =>
    `${path}: Invalid value: ${JSON.stringify(value)}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
  over100Percent: (path: string, value: string) => `${path}: Invalid value: ${JSON.stringify(value)}: must not be greater than 100%`,
  bothZero: (path: string, value: number | string) =>
    `${path}: Invalid value: ${JSON.stringify(value)}: may not be 0 when \`maxSurge\` is 0`,
  rollingUpdateWithRecreate: () => "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
  deadlineNotAboveMinReady: (value: number) =>
    `spec.progressDeadlineSeconds: Invalid value: ${value}: must be greater than minReadySeconds`,
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
  /** The resource builder with nothing to find (no argument, no -f). */
  resourcesRequired: () =>
    "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  /** A real kubectl command this simulator does not offer, with why and what to use instead. */
  unsimulatedCommand: (name: string, why: string) => `error: kubectl ${name} is not available in this simulator: ${why}`,
  invalidEventType: (type: string) => `error: valid --types are Normal or Warning, not ${JSON.stringify(type)}`,
  invalidEventsFor: (text: string) => `error: --for must be TYPE/NAME of a resource kubectl knows, not ${JSON.stringify(text)}`,
  /** kubectl scale's PreconditionError for --current-replicas. */
  scalePrecondition: (expected: number, actual: number) => `error: Expected replicas to be ${expected}, was ${actual}`,
  canIUsage: () => 'error: you must specify two or three arguments: verb, resource, and optional resourceName',
  canIUnknownResource: (type: string) => `Warning: the server doesn't have a resource type '${type}'`,
  unknownAuthSubcommand: (sub: string) => `error: unknown command "${sub}" for "kubectl auth"`,
  authUsage: () => 'error: kubectl auth takes can-i or whoami here',
  interactiveRun: () =>
    'error: kubectl run -i, -t, --attach and --rm are not available in this simulator: containers here run no processes to attach a terminal to; run the pod without them and read it with kubectl logs',
  /** kubectl top against a cluster without metrics-server (kubeadm installs none). */
  metricsUnavailable: () => 'error: Metrics API not available',
  unknownFlag: (flag: string) => `error: unknown flag: ${flag}`,
  unknownShorthand: (letter: string, token: string) => `error: unknown shorthand flag: '${letter}' in ${token}`,
  flagNeedsArgument: (flag: string) => `error: flag needs an argument: ${flag}`,
  shorthandNeedsArgument: (letter: string) => `error: flag needs an argument: '${letter}' in -${letter}`,
  invalidFlagValue: (value: string, flag: string, detail: string) => `error: invalid argument "${value}" for "${flag}" flag: ${detail}`,
  unknownResource: (type: string) => `error: the server doesn't have a resource type "${type}"`,
  unmodelledResource: (plural: string) =>
    `error: ${plural} are not part of this simulated cluster: kubectl api-resources lists the kinds it has`,
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
  describeUnsupported: (plural: string, described: readonly string[]) =>
    `error: describe ${plural} is not supported here (it describes ${described.slice(0, -1).join(', ')} and ${described.at(-1)})`,
  usage: (usage: string) => `error: USAGE: ${usage}`,
  requiredFlag: (flag: string) => `error: required flag(s) "${flag}" not set`,
  runNeedsName: () => 'error: NAME is required for run',
  invalidRestartPolicy: (value: string) => `error: invalid restart policy: ${value}`,
  invalidLabelSpec: (spec: string) => `error: invalid label spec: ${spec}`,
  exactlyOneName: (got = 0) => `error: exactly one NAME is required, got ${got}`,
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
  noScaleSubresource: () => kubectlErrors.resourceNotFound(),
  /** The API server's 404 for a path it does not serve. */
  resourceNotFound: () => 'Error from server (NotFound): the server could not find the requested resource',
  drainEvictTimeout: (pod: string, namespace: string, timeout: string) =>
    `error when evicting pods/"${pod}" -n "${namespace}": global timeout reached: ${timeout}`,
  drainWaitTimeout: (pod: string, namespace: string) =>
    `error when waiting for pod "${pod}" in namespace "${namespace}" to terminate: context deadline exceeded`,
  // More of the resource builder (builder.go visitBySelector, visitByResource, resourceMappings).
  selectorWithTuples: () => 'error: selectors and the all flag cannot be used when passing resource/name arguments',
  singleResourceType: () => 'error: you may only specify a single resource type',
  nameAcrossNamespaces: () => 'error: a resource cannot be retrieved by name across all namespaces',
  fieldLabelNotSupported: (field: string) => `field label not supported: ${field}`,
  /** GetResourcesAndPairs (label, annotate) and taint's own loop: every resource before the first change. */
  resourcesBeforeChanges: (what: string, arg: string) => `error: all resources must be specified before ${what} changes: ${arg}`,
  /** CheckErr's prefix for an error that does not carry one. */
  prefixed: (message: string) => `error: ${message}`,
  filenameRequired: () => 'error: must specify one of -f and -k',
  pathNotExist: (path: string) => `error: the path "${path}" does not exist`,
  noObjectsPassedTo: (verb: string) => `error: no objects passed to ${verb}`,
  invalidName: (kind: string, name: string) =>
    `error: invalid ${kind} name "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
  unknownCreateSubcommand: (sub: string) => `error: unknown command "${sub}" for "kubectl create"`,
  failedToCreate: (what: string, detail: string) => `error: failed to create ${what}: ${detail}`,
  clusterInfoArgs: () => 'error: cluster-info takes no arguments here',
  unknownHelpTopic: (topic: string) => `Unknown help topic [\`${topic}\`]`,
  versionOutput: () => "error: --output must be 'yaml' or 'json'",
  contextNotFound: (name: string) => `error: context ${name} not found`,
  unexpectedArgs: (args: readonly string[]) => `error: Unexpected args: [${args.join(' ')}]`,
  /** resource.Builder's visitByPaths, given -f and resource arguments too. */
  resourcesWithPaths: () => 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
  tuplesWithPaths: () => 'error: resource/name arguments cannot be provided when a path is specified',
  noContext: (name: string) => `error: no context exists with the name: "${name}"`,
  unknownConfigSubcommand: (sub: string) => `error: unknown command "${sub}" for "kubectl config"`,
  explainRequiresType: () =>
    'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
  noSuchField: (field: string) => `error: field "${field}" does not exist`,
  /** fields.ParseSelector. */
  invalidFieldSelector: (text: string, part: string) => `invalid selector: '${text}'; can't understand '${part}'`,
  unterminatedQuote: () => 'unterminated quote',
  drainEvictRetry: (pod: string, namespace: string, detail: string) =>
    `error when evicting pods/"${pod}" -n "${namespace}" (will retry after 5s): ${detail}`,
  drainIgnoringDaemonSet: 'ignoring DaemonSet-managed Pods',
  drainDeletingLocalStorage: 'deleting Pods with local storage',
  drainDeletingUnmanaged: 'deleting Pods that declare no controller',
  warning: (text: string) => `Warning: ${text}`,
  /** resource.Result.Watch: one TYPE/NAME, or one type. */
  watchOneSource: () => 'error: you may only watch a single resource or type of resource at a time',
};

/** kubectl's client-side reading and validation of manifests (apply -f): ValidationError(Kind.path): ... */
export const manifestErrors = {
  /** resource.RequireNamespace: an explicit -n guards against applying a file meant for another namespace. */
  namespaceMismatch: (declared: string, given: string) =>
    `error: the namespace from the provided object "${declared}" does not match the namespace "${given}". You must pass '--namespace=${declared}' to perform this operation.`,
  yaml: (file: string, detail: string) => `error: error parsing ${file}: error converting YAML to JSON: yaml: ${detail}`,
  validating: (file: string, detail: string) => `error: error validating "${file}": error validating data: ${detail}`,
  noMapping: (name: string, file: string, kind: string, apiVersion: string) =>
    `error: resource mapping not found for name: "${name}" namespace: "" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
  /** A kind a real API server has and the model does not: nothing in the file is applied. */
  unmodelledKind: (file: string, kind: string, plural: string) =>
    `error: ${kind} in "${file}": ${plural} are not part of this simulated cluster, so nothing in the file was applied: kubectl api-resources lists the kinds it has`,
  selectorMismatch: (kind: string, name: string, labels: Record<string, string>) =>
    `The ${kind} "${name}" is invalid: spec.template.metadata.labels: Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\``,
  missingField: (field: string) => `missing required field "${field}"`,
  invalidType: (field: string, got: string, expected: string) => `invalid type for field "${field}": got "${got}", expected "${expected}"`,
  unsupportedValue: (field: string, value: unknown, supported: readonly unknown[]) =>
    `Unsupported value for field "${field}": ${JSON.stringify(value)}: supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}`,
  tooFewItems: (field: string, minimum: string) => `field "${field}" must have at least ${minimum} item(s)`,
  empty: (field: string) => `field "${field}" must not be empty`,
  invalidValue: (field: string, detail: string) => `invalid value for field "${field}": ${detail}`,
};

export const simErrors = {
  advanceUsage: (text: string | undefined) =>
    `error: sim advance DURATION (like 30s, 5m, 1h, 1m30s)${text !== undefined ? `: invalid duration ${JSON.stringify(text)}` : ''}`,
  advanceTooLong: (ms: number) =>
    `error: sim advance ${formatGoDuration(ms)} is too long: the simulator advances at most ${formatGoDuration(limits.maxAdvanceMs)} at a time (run it again to go further)`,
  invalidFlag: (flag: string, detail: string) => `error: invalid --${flag}: ${detail}`,
  unexpectedArguments: (args: readonly string[]) => `error: unexpected arguments: ${args.join(' ')}`,
  networkUsage: () => 'error: sim network partition|heal NODE',
  networkControlPlane: (node: string) =>
    `error: ${node} runs the API server itself: partition a worker (to cut the control plane off, use sim node fail ${node})`,
  alreadyPartitioned: (node: string) => `error: ${node} is already partitioned`,
  notPartitioned: (node: string) => `error: ${node} is not partitioned`,
  zoneUsage: () => 'error: sim zone fail|recover ZONE',
  noZones: () => 'error: this cluster has no zones (create one with sim init --workers N --zones Z)',
  unknownZone: (zone: string, zones: readonly string[]) => `error: no zone "${zone}" (zones: ${zones.join(', ')})`,
  zoneAlreadyDown: (zone: string) => `error: every machine in ${zone} is already powered off`,
  zoneAlreadyUp: (zone: string) => `error: no machine in ${zone} is powered off`,
  tooManyZones: (zones: number, workers: number) =>
    `${zones} zones for ${workers} worker(s): every zone needs at least one worker, and names run from zone-a to zone-z`,
};

// The texts of single commands (taint, cordon, logs, patch, wait, expose, label, jsonpath, rollout).
export * from './errors.commands';
