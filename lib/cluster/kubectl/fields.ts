// Field selectors (--field-selector): server-side filters on a few fields per resource, like
// `kubectl get events --field-selector involvedObject.name=web-1`. Only the fields the real API
// server supports for each type are accepted; others get its "field label not supported" error.
import { kubectlErrors } from '../api/errors';
import type { AnyObject, KubeEvent, Pod } from '../api/types';
import type { ResourceType } from './resources';

export interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

/** fields.ParseSelector: "a=b,c!=d" (also a==b). */
export function parseFieldSelector(text: string): FieldRequirement[] | { error: string } {
  const requirements: FieldRequirement[] = [];
  if (text.trim() === '') return requirements;
  for (const part of text.split(',')) {
    const match = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    if (!match?.[1]) return { error: kubectlErrors.invalidFieldSelector(text, part) };
    requirements.push({ field: match[1].trim(), value: match[3], negate: match[2] === '!=' });
  }
  return requirements;
}

type Fields = Record<string, string>;

const eventFields = (event: KubeEvent): Fields => ({
  'involvedObject.kind': event.involvedObject.kind,
  'involvedObject.namespace': event.involvedObject.namespace,
  'involvedObject.name': event.involvedObject.name,
  'involvedObject.uid': '',
  'involvedObject.apiVersion': event.involvedObject.kind === 'Deployment' || event.involvedObject.kind.endsWith('Set') ? 'apps/v1' : 'v1',
  'involvedObject.resourceVersion': '',
  'involvedObject.fieldPath': '',
  reason: event.reason,
  reportingComponent: '',
  source: event.source,
  type: event.type,
  'metadata.name': event.name,
  'metadata.namespace': event.namespace,
});

const podFields = (pod: Pod): Fields => ({
  'metadata.name': pod.metadata.name,
  'metadata.namespace': pod.metadata.namespace,
  'spec.nodeName': pod.spec.nodeName ?? '',
  'spec.restartPolicy': 'Always',
  'spec.schedulerName': 'default-scheduler',
  'spec.serviceAccountName': 'default',
  'spec.hostNetwork': String(pod.spec.hostNetwork),
  'status.phase': pod.status.phase,
  'status.podIP': pod.status.podIP ?? '',
  'status.nominatedNodeName': '',
});

/** The selectable fields of one object (ToSelectableFields of its registry strategy). */
export function selectableFields(object: AnyObject | KubeEvent): Fields {
  if (!('kind' in object)) return eventFields(object);
  switch (object.kind) {
    case 'Pod':
      return podFields(object);
    case 'Node':
      return { 'metadata.name': object.metadata.name, 'spec.unschedulable': String(object.spec.unschedulable) };
    case 'Namespace':
      return { 'metadata.name': object.metadata.name, 'status.phase': 'Active' };
    case 'ReplicaSet':
      return {
        'metadata.name': object.metadata.name,
        'metadata.namespace': object.metadata.namespace,
        'status.replicas': String(object.status.replicas),
      };
    default:
      return { 'metadata.name': object.metadata.name, 'metadata.namespace': object.metadata.namespace };
  }
}

const supported: Record<string, readonly string[]> = {
  Event: Object.keys(eventFields({ involvedObject: { kind: '', name: '', namespace: '' } } as KubeEvent)),
  Pod: [...Object.keys(podFields({ metadata: {}, spec: {}, status: {} } as Pod)), 'status.podIPs'],
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['metadata.name', 'status.phase'],
  ReplicaSet: ['metadata.name', 'metadata.namespace', 'status.replicas'],
};

/** The first field the server would refuse for this type, if any. */
export function unsupportedField(type: ResourceType, requirements: FieldRequirement[]): string | undefined {
  const allowed = supported[type.kind] ?? (type.namespaced ? ['metadata.name', 'metadata.namespace'] : ['metadata.name']);
  return requirements.find((requirement) => !allowed.includes(requirement.field))?.field;
}

export function matchesFields(requirements: FieldRequirement[], object: AnyObject | KubeEvent): boolean {
  if (requirements.length === 0) return true;
  const fields = selectableFields(object);
  return requirements.every(({ field, value, negate }) => {
    const actual = field === 'status.podIPs' ? fields['status.podIP'] : fields[field];
    return negate ? actual !== value : actual === value;
  });
}
