// The resource types kubectl resolves its arguments to: the kind registry's entries.
import { kindInfo, resolveKind, type KindInfo } from '../api/kinds';
import { kubectlErrors } from '../api/errors';
import type { Kind } from '../api/types';

export type ResourceType = KindInfo;

export const resolveResource = (name: string): ResourceType | undefined => resolveKind(name);

export const resourceByKind = (kind: Kind | 'Event'): ResourceType => kindInfo(kind);

/**
 * Resource types a real API server serves that the model does not have, by every name kubectl
 * takes for them: asking for one says so, rather than that the server has no such type.
 */
const unmodelled: readonly (readonly string[])[] = [
  ['configmaps', 'configmap', 'cm'],
  ['secrets', 'secret'],
  ['serviceaccounts', 'serviceaccount', 'sa'],
  ['persistentvolumes', 'persistentvolume', 'pv'],
  ['persistentvolumeclaims', 'persistentvolumeclaim', 'pvc'],
  ['storageclasses', 'storageclass', 'sc'],
  ['ingresses', 'ingress', 'ing'],
  ['ingressclasses', 'ingressclass'],
  ['networkpolicies', 'networkpolicy', 'netpol'],
  ['jobs', 'job'],
  ['cronjobs', 'cronjob', 'cj'],
  ['horizontalpodautoscalers', 'horizontalpodautoscaler', 'hpa'],
  ['replicationcontrollers', 'replicationcontroller', 'rc'],
  ['resourcequotas', 'resourcequota', 'quota'],
  ['limitranges', 'limitrange', 'limits'],
  ['roles', 'role'],
  ['rolebindings', 'rolebinding'],
  ['clusterroles', 'clusterrole'],
  ['clusterrolebindings', 'clusterrolebinding'],
  ['customresourcedefinitions', 'customresourcedefinition', 'crd', 'crds'],
  ['componentstatuses', 'componentstatus', 'cs'],
  ['controllerrevisions', 'controllerrevision'],
  ['certificatesigningrequests', 'certificatesigningrequest', 'csr'],
  ['runtimeclasses', 'runtimeclass'],
];

const unmodelledByName = new Map(unmodelled.flatMap((names) => names.map((name) => [name, names[0]] as const)));

/** The plural of a resource type (by any of its names, or its kind) that a real server has and the model does not. */
export const unmodelledPlural = (name: string) => unmodelledByName.get(name.toLowerCase().split('.')[0]);

/** The error for a type name kubectl cannot resolve: not modelled here, or unknown to any server. */
export function unknownResourceError(typeName: string): string {
  const plural = unmodelledPlural(typeName);
  return plural ? kubectlErrors.unmodelledResource(plural) : kubectlErrors.unknownResource(typeName);
}
