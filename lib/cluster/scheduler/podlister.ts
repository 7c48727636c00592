// The bound pods a selector matches, found through the scheduler cache's label index: the
// PreFilter and PreScore steps count only these, never every pod on every node.
import type { LabelSelector, Pod } from '../api/types';
import type { SimContext } from '../engine/context';
import type { SchedulerCache } from './cache';
import { labelSelectorMatches } from './selectors';

export function forEachMatchingPod(
  ctx: SimContext,
  cache: SchedulerCache,
  namespaces: readonly string[],
  selector: LabelSelector | undefined,
  visit: (pod: Pod, node: string) => void,
): void {
  if (!selector) return;
  let candidates: Iterable<string> | undefined;
  let smallest = Number.POSITIVE_INFINITY;
  for (const key in selector.matchLabels) {
    const set = cache.podsWithLabel(key, selector.matchLabels[key]);
    if (!set) return;
    if (set.size < smallest) {
      smallest = set.size;
      candidates = set;
    }
  }
  for (const key of candidates ?? cache.boundPods()) {
    const pod = ctx.listers.get('Pod', key);
    const node = cache.nodeOf(key);
    if (!pod || !node || !namespaces.includes(pod.metadata.namespace)) continue;
    if (labelSelectorMatches(selector, pod.metadata.labels)) visit(pod, node);
  }
}
