import { questionSchema, quizSchema, type Question, type QuestionOf, type Quiz } from '@/lib/quiz/schema';

/** Small builders for questions and quizzes, parsed through the real schema so defaults apply. */
const base = (id: string) => ({ id, prompt: `Prompt of ${id}?`, explanation: `Explanation of ${id}.`, section: '#a-section' });

export function singleQuestion(id = 'shared-kernel'): QuestionOf<'single'> {
  return questionSchema.parse({
    ...base(id),
    type: 'single',
    options: [{ text: 'A VM' }, { text: 'The host kernel', correct: true, feedback: 'Yes.' }, { text: 'A hypervisor' }],
  }) as QuestionOf<'single'>;
}

export function multipleQuestion(id = 'what-images-hold'): QuestionOf<'multiple'> {
  return questionSchema.parse({
    ...base(id),
    type: 'multiple',
    options: [
      { text: 'Libraries', correct: true },
      { text: 'A kernel' },
      { text: 'The start command', correct: true },
      { text: 'Virtual hardware' },
    ],
  }) as QuestionOf<'multiple'>;
}

export function orderingQuestion(id = 'workflow'): QuestionOf<'ordering'> {
  return questionSchema.parse({ ...base(id), type: 'ordering', items: ['build', 'push', 'pull', 'run'] }) as QuestionOf<'ordering'>;
}

export function matchingQuestion(id = 'where-it-runs'): QuestionOf<'matching'> {
  return questionSchema.parse({
    ...base(id),
    type: 'matching',
    pairs: [
      { item: 'etcd', match: 'control plane' },
      { item: 'kubelet', match: 'every node' },
      { item: 'kube-scheduler', match: 'control plane' },
    ],
    distractors: ['the registry'],
  }) as QuestionOf<'matching'>;
}

export function commandQuestion(overrides: Record<string, unknown> = {}): QuestionOf<'command'> {
  return questionSchema.parse({
    ...base('cordon-a-node'),
    type: 'command',
    prompt: 'Stop new pods from landing on {{node}}, leaving running pods alone.',
    params: { node: ['worker-1', 'worker-2', 'worker-3'] },
    setup: 'kubectl create deployment web --image=nginx --replicas=3\nsim advance 1m',
    goal: [
      { expect: 'node', name: '{{node}}', schedulable: false },
      { expect: 'pods', where: { name: 'web-*', status: 'Running' }, count: 3 },
    ],
    sample: 'kubectl cordon {{node}}',
    ...overrides,
  }) as QuestionOf<'command'>;
}

export function predictionQuestion(overrides: Record<string, unknown> = {}): QuestionOf<'prediction'> {
  return questionSchema.parse({
    ...base('failed-node-status'),
    type: 'prediction',
    prompt: '{{node}} loses power. What does kubectl get nodes show for it after {{wait}}?',
    params: { node: ['worker-1', 'worker-2'], wait: ['30s', '2m'] },
    setup: 'sim node fail {{node}}',
    observe: 'kubectl get nodes',
    wait: '{{wait}}',
    ask: { query: 'nodeStatus', name: '{{node}}', choices: ['Ready', 'NotReady', 'Unknown'] },
    ...overrides,
  }) as QuestionOf<'prediction'>;
}

export function quizOf(questions: Question[], slug = 'containers-and-images'): Quiz {
  const padded = [...questions];
  for (let i = 0; padded.length < 8; i++) padded.push(singleQuestion(`filler-${i}`));
  return quizSchema.parse({ slug, chapterTitle: 'Containers and images', questions: padded });
}
