import { evaluateChecks, reachedChecks } from '@/lib/labs/checks';
import { labErrors } from '@/lib/labs/errors';
import { lintLab } from '@/lib/labs/lint';
import { labScenarioSchema, type LabScenarioFile } from '@/lib/labs/schema';
import { createLabWorld } from '@/lib/labs/world';

/** A small scenario as its file says it: one Deployment on three workers, a powered-off worker as the goal. */
function labFile(overrides: Record<string, unknown> = {}) {
  return {
    title: 'A test lab',
    summary: 'Power off a worker.',
    setup: 'kubectl create deployment web --image=nginx:1.27 --replicas=3\nsim advance 30s',
    goal: 'Power off worker-1.',
    checks: [
      { check: 'node', node: 'worker-1', status: 'NotReady', label: 'worker-1 is NotReady', failure: 'worker-1 is {status}' },
      {
        check: 'workload',
        workload: 'deployment/web',
        available: 3,
        label: 'web has three available replicas again',
        failure: 'web has {available}',
        after: 0,
      },
    ],
    hints: ['Run sim node fail worker-1.'],
    solution: 'sim node fail worker-1\nsim advance 7m',
    debrief: 'The node went NotReady and web healed.',
    ...overrides,
  };
}

const lab = (overrides: Record<string, unknown> = {}): LabScenarioFile => labScenarioSchema.parse(labFile(overrides));

describe('the lab lint', () => {
  it('accepts a lab whose checks all fail at the start and whose solution works for three seeds', () => {
    expect(lintLab(lab())).toEqual([]);
  });

  it('rejects a check that already passes on the set-up state', () => {
    const scenario = lab();
    const { after: _gate, ...ungated } = scenario.checks[1];
    const problems = lintLab({ ...scenario, checks: [scenario.checks[0], ungated] });
    expect(problems).toEqual([{ at: { check: 1 }, message: labErrors.passesAtStart('web has three available replicas again') }]);
  });

  it('lets a lab mark a check that passes at the start on purpose', () => {
    const scenario = lab();
    const { after: _gate, ...ungated } = scenario.checks[1];
    expect(lintLab({ ...scenario, checks: [scenario.checks[0], { ...ungated, initially: true }] })).toEqual([]);
  });

  it('rejects a solution that does not reach the goal, naming the seed', () => {
    const problems = lintLab(lab({ solution: 'kubectl get nodes' }));
    expect(problems.filter((p) => p.at === 'solution')).toHaveLength(3);
    expect(problems[0].message).toContain('seed 1');
  });

  it('rejects an after that does not name an earlier check', () => {
    const file = labFile();
    const result = labScenarioSchema.safeParse({ ...file, checks: [{ ...file.checks[0], after: 0 }, file.checks[1]] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(labErrors.afterItself(0));
  });
});

describe('a check gated with after', () => {
  it('waits for the earlier check, then passes on its own condition while the earlier one no longer does', () => {
    const scenario = lab();
    const { cluster } = createLabWorld(scenario);
    const read = (reached: number[]) =>
      evaluateChecks(scenario.checks, { view: cluster.view(), transcript: [], reached: new Set(reached) });
    const start = read([]);
    expect(start[1]).toMatchObject({ passed: false, reason: labErrors.notYet('worker-1 is NotReady') });
    expect(reachedChecks([], start)).toEqual([]);
    cluster.exec('sim node fail worker-1');
    cluster.advance('1m');
    const failed = read([]);
    expect(failed[0].passed).toBe(true);
    const reached = reachedChecks([], failed);
    expect(reached).toEqual([0]);
    cluster.exec('sim node recover worker-1');
    cluster.advance('2m');
    const healed = read(reached);
    expect(healed[0].passed).toBe(false);
    expect(healed[1].passed).toBe(true);
  });
});
