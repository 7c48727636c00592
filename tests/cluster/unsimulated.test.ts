import { createCluster } from '@/lib/cluster';
import { manifestSchemas, toObject, type ManifestKind } from '@/lib/cluster/kubectl/manifests';
import { scopeBase, unsimulatedFields, unsimulatedWarnings, type Scope } from '@/lib/cluster/kubectl/unsimulated';

type Value = unknown;
type Mutable = Record<string, Value>;

const podSpec = () => ({
  containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }],
  volumes: [{ name: 'v' }],
});
const template = () => ({ metadata: { labels: { app: 'a' } }, spec: podSpec() });
const selector = () => ({ matchLabels: { app: 'a' } });
const bases: Record<ManifestKind, () => Mutable> = {
  Namespace: () => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }),
  Pod: () => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: podSpec() }),
  Deployment: () => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'a' },
    spec: { selector: selector(), template: template() },
  }),
  ReplicaSet: () => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'a' },
    spec: { selector: selector(), template: template() },
  }),
  DaemonSet: () => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'a' },
    spec: { selector: selector(), template: template() },
  }),
  StatefulSet: () => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'a' },
    spec: { selector: selector(), template: template() },
  }),
  Service: () => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { selector: { app: 'a' }, ports: [{ port: 80 }] } }),
  PodDisruptionBudget: () => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'a' },
    spec: { minAvailable: 1, selector: selector() },
  }),
  PriorityClass: () => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'a' }, value: 1000 }),
};
const kinds = Object.keys(bases) as ManifestKind[];

/** Sets `path` ("a.b[].c": "[]" is the first element) in `root`, making missing parents; returns the concrete path. */
function setAt(root: Mutable, path: string, value: Value): string {
  const steps = path.split('.');
  let node = root;
  const concrete: string[] = [];
  steps.forEach((step, i) => {
    const each = step.endsWith('[]');
    const key = each ? step.slice(0, -2) : step;
    const last = i === steps.length - 1;
    concrete.push(each ? `${key}[0]` : key);
    if (last && !each) {
      node[key] = value;
      return;
    }
    if (each) {
      if (!Array.isArray(node[key])) node[key] = [{}];
      node = (node[key] as Mutable[])[0];
    } else {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Mutable;
    }
  });
  return concrete.join('.');
}

function deleteAt(root: Mutable, path: string): void {
  const steps = path.split('.');
  let node: Mutable = root;
  for (const step of steps.slice(0, -1)) node = (step.endsWith('[]') ? (node[step.slice(0, -2)] as Mutable[])[0] : node[step]) as Mutable;
  delete node[steps[steps.length - 1]];
}

function modelOf(kind: ManifestKind, manifest: Mutable) {
  const parsed = manifestSchemas[kind].safeParse(manifest);
  if (!parsed.success) throw new Error(`${kind} sample does not parse: ${parsed.error.issues[0].message}`);
  return toObject(kind, parsed.data as never, 'default');
}

/** The zod schema's declared keys along a path (optional, array and object steps); undefined where it cannot tell. */
function declared(schema: unknown, path: string): boolean {
  let node = schema as { def: { type: string; innerType?: unknown; element?: unknown; shape?: Record<string, unknown> } };
  const unwrap = () => {
    while (node.def.type === 'optional') node = node.def.innerType as typeof node;
  };
  const steps = path.split('.');
  for (const [i, step] of steps.entries()) {
    unwrap();
    if (node.def.type !== 'object') return false;
    const key = step.replace(/\[\]$/, '');
    const next = node.def.shape?.[key];
    if (next === undefined) return false;
    if (i === steps.length - 1) return true;
    node = next as typeof node;
    if (step.endsWith('[]')) {
      unwrap();
      node = node.def.element as typeof node;
    }
  }
  return false;
}

describe('fields the model does not simulate are warned about at apply time, never dropped silently', () => {
  const cases = unsimulatedFields.flatMap((entry) =>
    kinds.filter((kind) => scopeBase(kind, entry.scope) !== undefined).map((kind) => ({ ...entry, kind })),
  );

  it('#71 every scope applies to some manifest kind', () => {
    const scopes = new Set<Scope>(cases.map((c) => c.scope));
    expect([...new Set(unsimulatedFields.map((e) => e.scope))].filter((scope) => !scopes.has(scope))).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.kind} ${c.scope}.${c.field}`, c] as const))(
    '#71 %s: the parser ignores it and apply warns about it',
    (_, { kind, scope, field, sample }) => {
      const withField = bases[kind]();
      const path = setAt(withField, `${scopeBase(kind, scope)}.${field}`, structuredClone(sample));
      const without = structuredClone(withField);
      deleteAt(without, `${scopeBase(kind, scope)}.${field}`);
      // The model object is the same with and without the field: it really is not simulated.
      expect(modelOf(kind, withField)).toEqual(modelOf(kind, without));
      expect(unsimulatedWarnings(withField as never).some((w) => w.startsWith(`Warning: ${path} is not simulated: `))).toBe(true);
      expect(unsimulatedWarnings(without as never).some((w) => w.startsWith(`Warning: ${path} `))).toBe(false);
    },
  );

  it('#71 no listed field is one the manifest schemas declare (and so parse into the model)', () => {
    const pod = manifestSchemas.Pod.shape.spec;
    const schemaFor: Record<Scope, unknown> = {
      metadata: manifestSchemas.Pod.shape.metadata,
      selector: manifestSchemas.Deployment.shape.spec.shape.selector,
      podSpec: pod,
      container: pod.shape.containers.element,
      volume: pod.shape.volumes.unwrap().element,
      StatefulSet: manifestSchemas.StatefulSet.shape.spec,
      Service: manifestSchemas.Service.shape.spec,
      PodDisruptionBudget: manifestSchemas.PodDisruptionBudget.shape.spec,
    };
    const declaredFields = unsimulatedFields.filter((entry) => declared(schemaFor[entry.scope], entry.field));
    expect(declaredFields.map((entry) => `${entry.scope}.${entry.field}`)).toEqual([]);
  });

  it('#71 default values a real cluster fills in earn no warning', () => {
    const manifest = bases.Pod();
    Object.assign(manifest.spec as Mutable, { dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', securityContext: {} });
    expect(unsimulatedWarnings(manifest as never)).toEqual([]);
  });

  it('#71 kubectl apply prints the warnings on stderr and still creates the object', () => {
    const cluster = createCluster({
      seed: 1,
      workers: 1,
      files: {
        'p.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  initContainers: [{ name: i, image: busybox }]\n  containers: [{ name: a, image: nginx, env: [{ name: X, valueFrom: { secretKeyRef: { name: s, key: k } } }] }]\n',
      },
    });
    const result = cluster.exec('kubectl apply -f p.yaml');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('pod/p created\n');
    expect(result.stderr.trim().split('\n')).toEqual([
      'Warning: spec.initContainers is not simulated: init containers never run; the app containers start directly',
      'Warning: spec.containers[0].env[0].valueFrom.secretKeyRef is not simulated: there are no Secrets here: the variable is left out',
    ]);
  });
});
