import type { CountSpec, GoalCheck, PodFilter } from '../schema';
import { hasTaint, podsMatching } from './match';
import type { ClusterView } from './port';

/** One property of the goal, judged against the cluster: what was wanted and what was found. */
export interface CheckResult {
  ok: boolean;
  expected: string;
  actual: string;
}

const yesNo = (value: boolean, yes: string, no: string) => (value ? yes : no);

function countMatches(spec: CountSpec, n: number): boolean {
  if (typeof spec === 'number') return n === spec;
  return (spec.atLeast === undefined || n >= spec.atLeast) && (spec.atMost === undefined || n <= spec.atMost);
}

function describeCount(spec: CountSpec): string {
  if (typeof spec === 'number') return `exactly ${spec}`;
  if (spec.atLeast !== undefined && spec.atMost !== undefined) return `between ${spec.atLeast} and ${spec.atMost}`;
  return spec.atLeast !== undefined ? `at least ${spec.atLeast}` : `at most ${spec.atMost}`;
}

function describeFilter(filter: PodFilter): string {
  const parts = [
    filter.name && `named ${filter.name}`,
    filter.status && `with STATUS ${filter.status}`,
    filter.node && `on ${filter.node}`,
  ];
  return ['pods', ...parts.filter(Boolean), filter.namespace !== 'default' && `in namespace ${filter.namespace}`].filter(Boolean).join(' ');
}

const missing = (what: string, wanted: boolean): CheckResult => ({
  ok: !wanted,
  expected: `${what} ${wanted ? 'exists' : 'does not exist'}`,
  actual: `${what} does not exist`,
});

/** Judges one goal check; a check with several properties gives one result per property. */
export function evaluateCheck(check: GoalCheck, view: ClusterView): CheckResult[] {
  switch (check.expect) {
    case 'node': {
      const what = `node ${check.name}`;
      const node = view.nodes.find((n) => n.name === check.name);
      if (!node) return [missing(what, check.exists ?? true)];
      const results: CheckResult[] = [];
      if (check.exists === false) results.push({ ok: false, expected: `${what} does not exist`, actual: `${what} exists` });
      if (check.status !== undefined) {
        results.push({
          ok: node.status === check.status,
          expected: `${what} shows STATUS ${check.status}`,
          actual: `it shows ${node.status}`,
        });
      }
      if (check.schedulable !== undefined) {
        results.push({
          ok: node.schedulable === check.schedulable,
          expected: `${what} is ${yesNo(check.schedulable, 'schedulable', 'unschedulable (cordoned)')}`,
          actual: `it is ${yesNo(node.schedulable, 'schedulable', 'unschedulable')}`,
        });
      }
      const taintList = node.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join(', ') || 'none';
      if (check.taint !== undefined) {
        results.push({
          ok: hasTaint(node.taints, check.taint),
          expected: `${what} has the taint ${check.taint}`,
          actual: `its taints: ${taintList}`,
        });
      }
      if (check.noTaint !== undefined) {
        results.push({
          ok: !hasTaint(node.taints, check.noTaint),
          expected: `${what} does not have the taint ${check.noTaint}`,
          actual: `its taints: ${taintList}`,
        });
      }
      if (check.label !== undefined) {
        const [key, value] = check.label.split('=');
        results.push({
          ok: node.labels[key] === value,
          expected: `${what} has the label ${check.label}`,
          actual: key in node.labels ? `its label ${key} is ${node.labels[key]}` : `it has no label ${key}`,
        });
      }
      return results;
    }
    case 'pod': {
      const what = `pod ${check.name}`;
      const pod = view.pods.find((p) => p.name === check.name && p.namespace === check.namespace);
      if (!pod) return [missing(what, check.exists ?? true)];
      const results: CheckResult[] = [];
      if (check.exists === false) results.push({ ok: false, expected: `${what} does not exist`, actual: `${what} exists` });
      if (check.status !== undefined) {
        results.push({
          ok: pod.status === check.status,
          expected: `${what} shows STATUS ${check.status}`,
          actual: `it shows ${pod.status}`,
        });
      }
      if (check.node !== undefined) {
        results.push({
          ok: pod.node === check.node,
          expected: `${what} runs on ${check.node}`,
          actual: `it is on ${pod.node ?? 'no node'}`,
        });
      }
      return results;
    }
    case 'pods': {
      const n = podsMatching(view, check.where).length;
      return [
        {
          ok: countMatches(check.count, n),
          expected: `${describeCount(check.count)} ${describeFilter(check.where)}`,
          actual: `found ${n}`,
        },
      ];
    }
    case 'deployment': {
      const what = `deployment ${check.name}`;
      const deployment = view.deployments.find((d) => d.name === check.name && d.namespace === check.namespace);
      if (!deployment) return [missing(what, check.exists ?? true)];
      const results: CheckResult[] = [];
      if (check.exists === false) results.push({ ok: false, expected: `${what} does not exist`, actual: `${what} exists` });
      for (const field of ['replicas', 'ready', 'available'] as const) {
        const wanted = check[field];
        if (wanted !== undefined) {
          results.push({
            ok: deployment[field] === wanted,
            expected: `${what} has ${wanted} ${field}`,
            actual: `it has ${deployment[field]}`,
          });
        }
      }
      return results;
    }
  }
}

/** Judges a whole goal: every property of every check must hold. */
export function evaluateGoal(goal: GoalCheck[], view: ClusterView): { reached: boolean; results: CheckResult[] } {
  const results = goal.flatMap((check) => evaluateCheck(check, view));
  return { reached: results.every((r) => r.ok), results };
}
