import { loadSite } from '@/lib/content';
import { gradeAnswer } from '@/lib/quiz/grade';
import type { Prepared } from '@/lib/quiz/answers';
import type { QuestionOf, Quiz } from '@/lib/quiz/schema';
import { evaluateGoal } from '@/lib/quiz/simulation/checks';
import { runScenario } from '@/lib/quiz/simulation/grade';
import { answerKind } from '@/lib/quiz/simulation/queries';
import { loadClusterFactory } from '@/lib/quiz/simulation/realCluster';
import { advance, runScript } from '@/lib/quiz/simulation/scenario';
import { fillDeep } from '@/lib/quiz/template';
import { allVariants } from '@/lib/quiz/variants';
import { commandQuestion } from './support/builders';

/**
 * The quiz engine against the real mini-cluster: every simulation question in content/quizzes
 * works in every variant, and typed answers pass for every correct command, not just the sample.
 */
let quizzes: Quiz[] = [];
beforeAll(async () => {
  quizzes = (await loadSite()).quizzes;
}, 60_000);

const makeCluster = loadClusterFactory();
const context = { makeCluster: () => makeCluster };
const seeds = [1, 7, 42];

function prepared<T extends 'command' | 'prediction'>(question: QuestionOf<T>, variant: Record<string, string | number>) {
  const filled: QuestionOf<'command' | 'prediction'> = fillDeep(question, variant);
  return { type: filled.type, question: filled, seed: Number(variant.seed), variant } as Extract<Prepared, { type: T }>;
}

function variantsOf(question: QuestionOf<'command' | 'prediction'>) {
  return seeds.flatMap((seed) => allVariants(question, seed));
}

const simulationQuestions = (type: 'command' | 'prediction') =>
  quizzes.flatMap((quiz) =>
    quiz.questions.filter((q) => q.type === type).map((q) => ({ quiz: quiz.slug, question: q as QuestionOf<typeof type> })),
  );

describe('every simulation question in the content works in every variant', () => {
  it('there are simulation questions to check', () => {
    expect(simulationQuestions('command').length).toBeGreaterThan(0);
    expect(simulationQuestions('prediction').length).toBeGreaterThan(0);
  });

  it('typed answers: the goal is not met before the command, and the sample command meets it', async () => {
    for (const { quiz, question } of simulationQuestions('command')) {
      for (const variant of variantsOf(question)) {
        const p = prepared<'command'>(question as QuestionOf<'command'>, variant);
        const where = `${quiz}/${question.id} ${JSON.stringify(variant)}`;
        const untouched = await (await makeCluster)({ seed: p.seed, files: p.question.files });
        await runScript(untouched, p.question.setup);
        await advance(untouched, p.question.settle);
        expect(evaluateGoal(p.question.goal, await untouched.view()).reached, `${where}: already solved before any command`).toBe(false);
        const outcome = await gradeAnswer(p, { type: 'command', command: p.question.sample }, context);
        expect(outcome, `${where}: the sample does not pass`).toMatchObject({ correct: true });
      }
    }
  });

  it('predictions: the computed answer is always one of the choices (or a number)', async () => {
    for (const { quiz, question } of simulationQuestions('prediction')) {
      const answers = new Set<string>();
      for (const variant of variantsOf(question)) {
        const p = prepared<'prediction'>(question as QuestionOf<'prediction'>, variant);
        const run = await runScenario(p, await makeCluster);
        const where = `${quiz}/${question.id} ${JSON.stringify(variant)}`;
        if (answerKind(p.question.ask) === 'choice')
          expect('choices' in p.question.ask && p.question.ask.choices, where).toContain(run.expected);
        else expect(run.expected, where).toMatch(/^\d+$/);
        answers.add(run.expected!);
      }
      // A prediction whose answer never changes across variants is a fixed fact dressed up as a simulation.
      expect(answers.size, `${quiz}/${question.id} gives the same answer in every variant`).toBeGreaterThan(1);
    }
  });
});

describe('a typed answer passes for every correct command, in the real model', () => {
  const release = () =>
    quizzes.find((q) => q.slug === 'node-failure')!.questions.find((q) => q.id === 'release-statefulset-pod') as QuestionOf<'command'>;
  const grade = async (command: string, node = 'worker-2') =>
    gradeAnswer(prepared<'command'>(release(), { seed: 3, node }), { type: 'command', command }, context);

  it.each([
    'kubectl delete pod db-0 --grace-period=0 --force',
    'kubectl delete pod db-0 --force --grace-period=0',
    'kubectl delete pods db-0 --grace-period=0 --force',
    'kubectl delete node worker-2',
    'kubectl taint nodes worker-2 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute',
  ])('releasing db-0 from a dead node: %s passes', async (command) => {
    await expect(grade(command)).resolves.toMatchObject({ correct: true });
  });

  it.each([
    ['a graceful delete, which the dead kubelet never confirms', 'kubectl delete pod db-0'],
    ['deleting a pod that does not exist', 'kubectl delete pod db-1 --grace-period=0 --force'],
    ['force-deleting the wrong pod', 'kubectl delete pod debug --grace-period=0 --force'],
    ['only looking', 'kubectl get pods -o wide'],
    ['a taint that means nothing to PodGC', 'kubectl taint nodes worker-2 broken=true:NoExecute'],
    ['deleting a healthy node', 'kubectl delete node worker-1'],
  ])('releasing db-0: %s fails', async (_, command) => {
    await expect(grade(command)).resolves.toMatchObject({ correct: false });
  });

  const cordon = commandQuestion({
    prompt: 'Stop the scheduler from placing new pods on {{node}}; web must keep 3 pods running.',
    settle: '30s',
  });
  const gradeCordon = (command: string) =>
    gradeAnswer(prepared<'command'>(cordon, { seed: 5, node: 'worker-3' }), { type: 'command', command }, context);

  it.each(['kubectl cordon worker-3', 'kubectl   cordon   worker-3', 'kubectl drain worker-3 --ignore-daemonsets'])(
    'cordoning: %s passes',
    async (command) => {
      await expect(gradeCordon(command)).resolves.toMatchObject({ correct: true });
    },
  );

  it.each(['kubectl cordon worker-1', 'kubectl uncordon worker-3', 'kubectl delete deployment web', 'kubectl cordon'])(
    'cordoning: %s fails',
    async (command) => {
      await expect(gradeCordon(command)).resolves.toMatchObject({ correct: false });
    },
  );
});
