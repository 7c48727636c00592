import type { PodFilter } from '../schema';
import type { ClusterView, ViewPod, ViewTaint } from './port';

/** `*` matches any run of characters; everything else is literal. */
export function globMatches(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(value);
}

export function podsMatching(view: ClusterView, filter: PodFilter): ViewPod[] {
  return view.pods.filter(
    (pod) =>
      pod.namespace === filter.namespace &&
      (filter.name === undefined || globMatches(filter.name, pod.name)) &&
      (filter.node === undefined || globMatches(filter.node, pod.node)) &&
      (filter.status === undefined || pod.status === filter.status),
  );
}

/** Parses `key`, `key:Effect`, `key=value` or `key=value:Effect`, the forms kubectl taint prints. */
export function parseTaint(spec: string): { key: string; value?: string; effect?: string } {
  const [keyValue, effect] = spec.split(':');
  const [key, value] = keyValue.split('=');
  return { key, value, effect };
}

export function hasTaint(taints: ViewTaint[], spec: string): boolean {
  const wanted = parseTaint(spec);
  return taints.some(
    (t) =>
      t.key === wanted.key &&
      (wanted.value === undefined || t.value === wanted.value) &&
      (wanted.effect === undefined || t.effect === wanted.effect),
  );
}
