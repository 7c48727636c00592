// Manifest fields real Kubernetes acts on but this model does not: apply warns about each one it
// finds, so a learner is never taught that a field "worked" when it was silently dropped. Policy
// as data: a field path, where it is found, a sample value (tests prove the model ignores it),
// the values that change nothing even in a real cluster, and what the learner should know.
// Fields the model implements must not be listed (tests/cluster/unsimulated.test.ts checks both ways).
import { kubectlErrors } from '../api/errors';
import type { Json } from './output/objects';
import { isJsonObject } from './output/json';
import { deepEqual } from './merge';

/** Where a field sits: object metadata, a label selector, a pod spec, a container, a volume, or one kind's spec. */
export type Scope = 'metadata' | 'selector' | 'podSpec' | 'container' | 'volume' | 'StatefulSet' | 'Service' | 'PodDisruptionBudget';

export interface UnsimulatedField {
  scope: Scope;
  /** Dotted path inside the scope; "[]" walks every element of a list. */
  field: string;
  sample: Json;
  /** Values a real cluster treats as the default, so nothing is lost: no warning for them. */
  harmless?: readonly Json[];
  note: string;
}

export const unsimulatedFields: readonly UnsimulatedField[] = [
  { scope: 'metadata', field: 'finalizers', sample: ['example.com/keep'], note: 'deletion never waits for finalizers here' },
  {
    scope: 'selector',
    field: 'matchExpressions',
    sample: [{ key: 'tier', operator: 'In', values: ['web'] }],
    note: 'only matchLabels selects pods here',
  },
  {
    scope: 'podSpec',
    field: 'initContainers',
    sample: [{ name: 'init', image: 'busybox:1.36' }],
    note: 'init containers never run; the app containers start directly',
  },
  {
    scope: 'podSpec',
    field: 'securityContext',
    sample: { runAsUser: 1000 },
    harmless: [{}],
    note: 'containers run without a pod security context',
  },
  {
    scope: 'podSpec',
    field: 'serviceAccountName',
    sample: 'builder',
    harmless: ['default'],
    note: 'every pod uses the default service account',
  },
  {
    scope: 'podSpec',
    field: 'serviceAccount',
    sample: 'builder',
    harmless: ['default'],
    note: 'every pod uses the default service account',
  },
  { scope: 'podSpec', field: 'automountServiceAccountToken', sample: false, note: 'no token is mounted either way' },
  { scope: 'podSpec', field: 'hostPID', sample: true, harmless: [false], note: 'pods always get their own PID namespace' },
  { scope: 'podSpec', field: 'hostIPC', sample: true, harmless: [false], note: 'pods always get their own IPC namespace' },
  { scope: 'podSpec', field: 'shareProcessNamespace', sample: true, harmless: [false], note: 'each container keeps its own PID namespace' },
  {
    scope: 'podSpec',
    field: 'dnsPolicy',
    sample: 'None',
    harmless: ['ClusterFirst', 'ClusterFirstWithHostNet'],
    note: 'every pod resolves names through cluster DNS with the default search list',
  },
  {
    scope: 'podSpec',
    field: 'dnsConfig',
    sample: { nameservers: ['1.1.1.1'] },
    note: 'every pod resolves names through cluster DNS with the default search list',
  },
  { scope: 'podSpec', field: 'hostAliases', sample: [{ ip: '10.0.0.9', hostnames: ['db'] }], note: 'no /etc/hosts is written' },
  { scope: 'podSpec', field: 'imagePullSecrets', sample: [{ name: 'registry-key' }], note: 'every registry here is public' },
  { scope: 'podSpec', field: 'runtimeClassName', sample: 'gvisor', note: 'every pod runs with runc' },
  {
    scope: 'podSpec',
    field: 'schedulerName',
    sample: 'my-scheduler',
    harmless: ['default-scheduler'],
    note: 'the default scheduler places every pod',
  },
  { scope: 'podSpec', field: 'activeDeadlineSeconds', sample: 60, note: 'pods are never failed for running too long' },
  {
    scope: 'podSpec',
    field: 'readinessGates',
    sample: [{ conditionType: 'example.com/ready' }],
    note: 'readiness comes from the containers only',
  },
  { scope: 'podSpec', field: 'os', sample: { name: 'windows' }, note: 'every node runs Linux' },
  { scope: 'podSpec', field: 'schedulingGates', sample: [{ name: 'example.com/hold' }], note: 'pods go to the scheduler at once' },
  {
    scope: 'container',
    field: 'env[].valueFrom.configMapKeyRef',
    sample: { name: 'settings', key: 'mode' },
    note: 'there are no ConfigMaps here: the variable is left out',
  },
  {
    scope: 'container',
    field: 'env[].valueFrom.secretKeyRef',
    sample: { name: 'credentials', key: 'password' },
    note: 'there are no Secrets here: the variable is left out',
  },
  {
    scope: 'container',
    field: 'env[].valueFrom.resourceFieldRef',
    sample: { resource: 'limits.memory' },
    note: 'the variable is left out',
  },
  {
    scope: 'container',
    field: 'envFrom',
    sample: [{ configMapRef: { name: 'settings' } }],
    note: 'there are no ConfigMaps or Secrets here to take variables from',
  },
  {
    scope: 'container',
    field: 'volumeMounts',
    sample: [{ name: 'data', mountPath: '/data' }],
    note: 'volumes are not mounted into containers',
  },
  {
    scope: 'container',
    field: 'securityContext',
    sample: { privileged: true },
    harmless: [{}],
    note: 'containers run without a security context',
  },
  { scope: 'container', field: 'workingDir', sample: '/app', note: 'containers have no file system to work in' },
  { scope: 'container', field: 'stdin', sample: true, harmless: [false], note: 'containers have no terminal' },
  { scope: 'container', field: 'tty', sample: true, harmless: [false], note: 'containers have no terminal' },
  {
    scope: 'container',
    field: 'lifecycle.postStart',
    sample: { exec: { command: ['true'] } },
    note: 'no hook runs after a container starts',
  },
  {
    scope: 'container',
    field: 'terminationMessagePath',
    sample: '/tmp/done',
    harmless: ['/dev/termination-log'],
    note: 'no termination message is read',
  },
  {
    scope: 'container',
    field: 'terminationMessagePolicy',
    sample: 'FallbackToLogsOnError',
    harmless: ['File'],
    note: 'no termination message is read',
  },
  {
    scope: 'container',
    field: 'resizePolicy',
    sample: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
    note: 'resources never change in place',
  },
  {
    scope: 'container',
    field: 'ports[].hostPort',
    sample: 8080,
    note: 'nothing listens on the node for it, and the scheduler does not check port conflicts',
  },
  { scope: 'container', field: 'ports[].hostIP', sample: '0.0.0.0', note: 'nothing listens on the node for it' },
  { scope: 'container', field: 'resources.requests.ephemeral-storage', sample: '1Gi', note: 'only cpu and memory are counted' },
  { scope: 'container', field: 'resources.limits.ephemeral-storage', sample: '1Gi', note: 'only cpu and memory are counted' },
  { scope: 'volume', field: 'configMap', sample: { name: 'settings' }, note: 'the volume stays empty: only emptyDir volumes are modelled' },
  { scope: 'volume', field: 'secret', sample: { secretName: 'keys' }, note: 'the volume stays empty: only emptyDir volumes are modelled' },
  { scope: 'volume', field: 'hostPath', sample: { path: '/var/log' }, note: 'the volume stays empty: only emptyDir volumes are modelled' },
  {
    scope: 'volume',
    field: 'persistentVolumeClaim',
    sample: { claimName: 'data' },
    note: 'there is no storage: only emptyDir volumes are modelled',
  },
  { scope: 'volume', field: 'projected', sample: { sources: [] }, note: 'the volume stays empty: only emptyDir volumes are modelled' },
  { scope: 'volume', field: 'downwardAPI', sample: { items: [] }, note: 'the volume stays empty: only emptyDir volumes are modelled' },
  {
    scope: 'volume',
    field: 'nfs',
    sample: { server: 'nfs.local', path: '/export' },
    note: 'there is no storage: only emptyDir volumes are modelled',
  },
  { scope: 'volume', field: 'emptyDir.medium', sample: 'Memory', harmless: [''], note: 'an emptyDir never uses memory here' },
  { scope: 'volume', field: 'emptyDir.sizeLimit', sample: '1Gi', note: 'an emptyDir has no size here' },
  {
    scope: 'StatefulSet',
    field: 'volumeClaimTemplates',
    sample: [{ metadata: { name: 'data' } }],
    note: 'no PersistentVolumeClaims are made',
  },
  {
    scope: 'StatefulSet',
    field: 'podManagementPolicy',
    sample: 'Parallel',
    harmless: ['OrderedReady'],
    note: 'pods are managed in the default order',
  },
  {
    scope: 'StatefulSet',
    field: 'persistentVolumeClaimRetentionPolicy',
    sample: { whenDeleted: 'Delete' },
    note: 'there are no claims to keep or delete',
  },
  { scope: 'StatefulSet', field: 'ordinals', sample: { start: 1 }, note: 'ordinals always start at 0' },
  {
    scope: 'Service',
    field: 'clusterIP',
    sample: '10.96.0.50',
    harmless: ['None', ''],
    note: 'the Service gets an allocated ClusterIP: chosen IPs are not modelled',
  },
  {
    scope: 'Service',
    field: 'clusterIPs',
    sample: ['10.96.0.50'],
    harmless: [['None'], []],
    note: 'the Service gets an allocated ClusterIP: chosen IPs are not modelled',
  },
  { scope: 'Service', field: 'externalIPs', sample: ['203.0.113.7'], note: 'no traffic arrives from outside the cluster' },
  { scope: 'Service', field: 'sessionAffinity', sample: 'ClientIP', harmless: ['None'], note: 'connections are not pinned to a pod' },
  {
    scope: 'Service',
    field: 'externalTrafficPolicy',
    sample: 'Local',
    harmless: ['Cluster'],
    note: 'no traffic arrives from outside the cluster',
  },
  {
    scope: 'Service',
    field: 'internalTrafficPolicy',
    sample: 'Local',
    harmless: ['Cluster'],
    note: 'endpoints are never filtered by node',
  },
  { scope: 'Service', field: 'loadBalancerIP', sample: '203.0.113.8', note: 'there is no cloud load balancer' },
  { scope: 'Service', field: 'loadBalancerSourceRanges', sample: ['10.0.0.0/8'], note: 'there is no cloud load balancer' },
  { scope: 'Service', field: 'ipFamilies', sample: ['IPv6'], harmless: [['IPv4']], note: 'every Service is IPv4 only' },
  { scope: 'Service', field: 'ipFamilyPolicy', sample: 'PreferDualStack', harmless: ['SingleStack'], note: 'every Service is IPv4 only' },
  { scope: 'Service', field: 'ports[].appProtocol', sample: 'http', note: 'ports carry no application protocol' },
  {
    scope: 'PodDisruptionBudget',
    field: 'unhealthyPodEvictionPolicy',
    sample: 'AlwaysAllow',
    harmless: ['IfHealthyBudget'],
    note: 'unhealthy pods count as the default policy says',
  },
];

const workloads = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet']);

/** Where each scope starts in a manifest of this kind ("[]": every element of a list), or undefined. */
export function scopeBase(kind: string, scope: Scope): string | undefined {
  const podSpec = kind === 'Pod' ? 'spec' : workloads.has(kind) ? 'spec.template.spec' : undefined;
  switch (scope) {
    case 'metadata':
      return 'metadata';
    case 'selector':
      return workloads.has(kind) || kind === 'PodDisruptionBudget' ? 'spec.selector' : undefined;
    case 'podSpec':
      return podSpec;
    case 'container':
      return podSpec && `${podSpec}.containers[]`;
    case 'volume':
      return podSpec && `${podSpec}.volumes[]`;
    default:
      return kind === scope ? 'spec' : undefined;
  }
}

interface Step {
  key: string;
  /** "[]": every element of the list at key. */
  each: boolean;
}

/** Per kind, each unsimulated field that can occur in it with its path split into steps (split once: apply runs this on every manifest). */
const fieldPlans = new Map<string, { entry: UnsimulatedField; steps: Step[] }[]>();

function plansFor(kind: string) {
  let plans = fieldPlans.get(kind);
  if (plans) return plans;
  plans = [];
  for (const entry of unsimulatedFields) {
    const base = scopeBase(kind, entry.scope);
    if (!base) continue;
    const steps = `${base}.${entry.field}`.split('.').map((step) => {
      const each = step.endsWith('[]');
      return { key: each ? step.slice(0, -2) : step, each };
    });
    plans.push({ entry, steps });
  }
  // Kinds come from manifests, so the cache is bounded like any cache of user input.
  if (fieldPlans.size >= 64) fieldPlans.clear();
  fieldPlans.set(kind, plans);
  return plans;
}

/** Calls found with every value at the steps and its concrete path ("spec.containers[0].env"); paths are built only for values found. */
function visitValuesAt(value: Json, steps: readonly Step[], index: number, path: string, found: (path: string, value: Json) => void): void {
  if (index === steps.length) {
    found(path, value);
    return;
  }
  const { key, each } = steps[index];
  if (!isJsonObject(value) || !Object.hasOwn(value, key)) return;
  const here = path ? `${path}.${key}` : key;
  const inner = value[key];
  if (!each) visitValuesAt(inner, steps, index + 1, here, found);
  else if (Array.isArray(inner)) for (const [i, item] of inner.entries()) visitValuesAt(item, steps, index + 1, `${here}[${i}]`, found);
}

/** The warnings a manifest earns: one per unsimulated field it sets to a value that matters. */
export function unsimulatedWarnings(manifest: Json): string[] {
  if (!isJsonObject(manifest) || typeof manifest.kind !== 'string') return [];
  const warnings: string[] = [];
  for (const { entry, steps } of plansFor(manifest.kind)) {
    visitValuesAt(manifest, steps, 0, '', (path, value) => {
      if (value === null || entry.harmless?.some((harmless) => deepEqual(harmless, value))) return;
      warnings.push(kubectlErrors.notSimulated(path, entry.note));
    });
  }
  return warnings;
}
