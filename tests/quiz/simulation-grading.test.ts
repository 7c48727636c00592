import { gradeAnswer } from '@/lib/quiz/grade';
import { prepareQuestion } from '@/lib/quiz/prepare';
import { quizErrors } from '@/lib/quiz/errors';
import { runScenario } from '@/lib/quiz/simulation/grade';
import { ScenarioError } from '@/lib/quiz/simulation/scenario';
import type { Prepared } from '@/lib/quiz/answers';
import { commandQuestion, predictionQuestion } from './support/builders';
import { recordingClusterFactory } from './support/recording-cluster';

type CommandPrepared = Extract<Prepared, { type: 'command' }>;
type PredictionPrepared = Extract<Prepared, { type: 'prediction' }>;

/** The attempt seed that draws `node` for the cordon question, so tests can name the right node. */
function preparedFor(node: string): CommandPrepared {
  for (let seed = 0; seed < 100; seed++) {
    const p = prepareQuestion(commandQuestion(), seed) as CommandPrepared;
    if (p.variant.node === node) return p;
  }
  throw new Error(`no seed draws ${node}`);
}

async function gradeCommand(prepared: CommandPrepared, command: string) {
  const factory = recordingClusterFactory();
  const outcome = await gradeAnswer(prepared, { type: 'command', command }, { makeCluster: async () => factory });
  return { outcome, cluster: factory.made[0] };
}

describe('a typed command is graded by the state it leaves in a fresh cluster', () => {
  it.each([['kubectl cordon worker-2'], ['kubectl cordon node/worker-2'], ['  kubectl   cordon   worker-2  ']])(
    'accepts %s: a command that reaches the goal',
    async (command) => {
      const { outcome } = await gradeCommand(preparedFor('worker-2'), command);
      expect(outcome).toMatchObject({ correct: true });
    },
  );

  it.each([
    ['kubectl cordon worker-1', 'node worker-2 is unschedulable (cordoned)'],
    ['kubectl uncordon worker-2', 'node worker-2 is unschedulable (cordoned)'],
    ['kubectl get pods', 'node worker-2 is unschedulable (cordoned)'],
    ['kubectl scale deployment web --replicas=0', 'node worker-2 is unschedulable (cordoned)'],
    ['kubectl cordon worker-9', 'node worker-2 is unschedulable (cordoned)'],
  ])('rejects %s: the cluster does not reach the goal', async (command, unmet) => {
    const { outcome } = await gradeCommand(preparedFor('worker-2'), command);
    expect(outcome).toMatchObject({ correct: false });
    const failed =
      'detail' in outcome && outcome.detail.type === 'command' ? outcome.detail.results.filter((r) => !r.ok).map((r) => r.expected) : [];
    expect(failed).toContain(unmet);
  });

  it('rejects drain: it cordons the node but also evicts the running web pods the question keeps', async () => {
    const { outcome } = await gradeCommand(preparedFor('worker-2'), 'kubectl drain worker-2 --ignore-daemonsets');
    expect(outcome).toMatchObject({ correct: false });
    const results = 'detail' in outcome && outcome.detail.type === 'command' ? outcome.detail.results : [];
    expect(results.filter((r) => r.ok).map((r) => r.expected)).toContain('node worker-2 is unschedulable (cordoned)');
    expect(results.some((r) => !r.ok)).toBe(true);
  });

  it('grades a patch that cordons the node as a cordon', async () => {
    const { outcome } = await gradeCommand(preparedFor('worker-2'), `kubectl patch node worker-2 -p '{"spec":{"unschedulable":true}}'`);
    expect(outcome).toMatchObject({ correct: true });
  });

  it.each([
    ['edit', 'kubectl edit node worker-2'],
    ['exec', 'kubectl exec deploy/web -- curl -s localhost'],
    ['top', 'kubectl top nodes'],
  ])('does not grade real kubectl the model lacks (%s), and says so instead of marking it wrong', async (verb, command) => {
    const { outcome } = await gradeCommand(preparedFor('worker-2'), command);
    expect(outcome).toEqual({ rejected: quizErrors.notSimulated(verb) });
  });

  it("marks a misspelt command wrong, with kubectl's own error in the output", async () => {
    const { outcome } = await gradeCommand(preparedFor('worker-2'), 'kubectl cordn worker-2');
    expect(outcome).toMatchObject({
      correct: false,
      detail: { type: 'command', output: { exitCode: 1, stderr: expect.stringContaining('unknown command "cordn" for "kubectl"') } },
    });
  });

  it('does not accept a command that reaches one part of the goal and breaks another', async () => {
    const prepared = preparedFor('worker-2');
    const { outcome } = await gradeCommand(prepared, 'kubectl cordon worker-2');
    expect(outcome).toMatchObject({ correct: true });
    const q = {
      ...prepared,
      question: {
        ...prepared.question,
        goal: [...prepared.question.goal, { expect: 'deployment' as const, name: 'web', namespace: 'default', replicas: 5 }],
      },
    };
    const { outcome: second } = await gradeCommand(q, 'kubectl cordon worker-2');
    expect(second).toMatchObject({ correct: false });
  });

  it('runs the setup, then the command, in a cluster made with the question seed', async () => {
    const prepared = preparedFor('worker-3');
    const { cluster } = await gradeCommand(prepared, 'kubectl cordon worker-3');
    expect(cluster.seed).toBe(prepared.seed);
    expect(cluster.log).toEqual(['kubectl create deployment web --image=nginx --replicas=3', 'sim advance 1m', 'kubectl cordon worker-3']);
  });

  it('lets the settle time pass after the command', async () => {
    const prepared = { ...preparedFor('worker-1') };
    prepared.question = { ...prepared.question, settle: '30s' };
    const { cluster } = await gradeCommand(prepared, 'kubectl cordon worker-1');
    expect(cluster.log.at(-1)).toBe('sim advance 30s');
  });

  it.each([
    ['', quizErrors.emptyCommand],
    ['sim node recover worker-2', quizErrors.notKubectl],
    ['rm -rf /', quizErrors.notKubectl],
    ['kubectl cordon worker-2\nkubectl get nodes', quizErrors.oneLineOnly],
    [`kubectl ${'x'.repeat(500)}`, quizErrors.notKubectl],
  ])('does not grade %j at all, and says why', async (command, message) => {
    const { outcome, cluster } = await gradeCommand(preparedFor('worker-2'), command);
    expect(outcome).toEqual({ rejected: message });
    expect(cluster).toBeUndefined();
  });

  it('reports a broken scenario as an authoring error, not as a wrong answer', async () => {
    const broken = prepareQuestion(commandQuestion({ setup: 'kubectl frobnicate' }), 1) as CommandPrepared;
    await expect(gradeCommand(broken, 'kubectl cordon worker-1')).rejects.toBeInstanceOf(ScenarioError);
  });
});

describe('a prediction is graded against the answer the model computes', () => {
  const variants = [
    { node: 'worker-1', wait: '30s', expected: 'Ready' },
    { node: 'worker-2', wait: '2m', expected: 'NotReady' },
  ];

  function preparedWith(node: string, wait: string): PredictionPrepared {
    for (let seed = 0; seed < 200; seed++) {
      const p = prepareQuestion(predictionQuestion(), seed) as PredictionPrepared;
      if (p.variant.node === node && p.variant.wait === wait) return p;
    }
    throw new Error('no seed draws that variant');
  }

  it.each(variants)('when $node fails and $wait pass, the answer is $expected', async ({ node, wait, expected }) => {
    const run = await runScenario(preparedWith(node, wait), recordingClusterFactory());
    expect(run.expected).toBe(expected);
    const outcome = await gradeAnswer(
      preparedWith(node, wait),
      { type: 'prediction', value: expected },
      { makeCluster: async () => recordingClusterFactory(), scenario: run },
    );
    expect(outcome).toMatchObject({ correct: true, detail: { expected } });
  });

  it('a wrong prediction shows the computed answer and the output at that moment', async () => {
    const prepared = preparedWith('worker-2', '2m');
    const run = await runScenario(prepared, recordingClusterFactory());
    const outcome = await gradeAnswer(
      prepared,
      { type: 'prediction', value: 'Ready' },
      { makeCluster: async () => recordingClusterFactory(), scenario: run },
    );
    expect(outcome).toMatchObject({ correct: false, detail: { given: 'Ready', expected: 'NotReady', revealed: run.revealed } });
  });

  it('draws different variants on different attempts', () => {
    const drawn = new Set(
      Array.from({ length: 30 }, (_, seed) => JSON.stringify((prepareQuestion(predictionQuestion(), seed) as PredictionPrepared).variant)),
    );
    expect(drawn.size).toBeGreaterThan(10);
  });

  it('fills the drawn variant into the prompt and the scenario', () => {
    const p = preparedWith('worker-2', '2m');
    expect(p.question.prompt).toBe('worker-2 loses power. What does kubectl get nodes show for it after 2m?');
    expect(p.question.setup).toBe('sim node fail worker-2');
  });

  it('counts pods for a numeric prediction and accepts only whole numbers', async () => {
    const q = predictionQuestion({
      params: { node: ['worker-2'] },
      setup: 'kubectl create deployment web --image=nginx --replicas=3\nsim node fail {{node}}',
      wait: '7m',
      ask: { query: 'podCount', where: { name: 'web-*', status: 'Running' } },
      prompt: 'How many web pods are Running after {{node}} fails?',
    });
    const prepared = prepareQuestion(q, 1) as PredictionPrepared;
    const run = await runScenario(prepared, recordingClusterFactory());
    expect(run.expected).toBe('3');
    const context = { makeCluster: async () => recordingClusterFactory(), scenario: run };
    await expect(gradeAnswer(prepared, { type: 'prediction', value: '3' }, context)).resolves.toMatchObject({ correct: true });
    await expect(gradeAnswer(prepared, { type: 'prediction', value: '2' }, context)).resolves.toMatchObject({ correct: false });
    await expect(gradeAnswer(prepared, { type: 'prediction', value: 'three' }, context)).resolves.toEqual({
      rejected: quizErrors.noNumber,
    });
  });
});
