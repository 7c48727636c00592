import { quizErrors } from '@/lib/quiz/errors';
import { questionSchema, quizFileSchema } from '@/lib/quiz/schema';
import { commandQuestion, predictionQuestion, singleQuestion } from './support/builders';

const messagesOf = (value: unknown) => {
  const result = quizFileSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const eight = (question: object) => Array.from({ length: 8 }, (_, i) => ({ ...singleQuestion(`q-${i}`), ...(i === 0 ? question : {}) }));

describe('the quiz file schema', () => {
  it('accepts a quiz of eight valid questions and fills in the defaults', () => {
    const quiz = quizFileSchema.parse({ questions: eight({}) });
    expect(quiz.title).toBe('Check your understanding');
    expect(quiz.passRatio).toBe(0.8);
  });

  it('rejects a chapter quiz with fewer than eight questions', () => {
    expect(messagesOf({ questions: [singleQuestion()] })).toEqual([`questions: ${quizErrors.tooFewQuestions(1, 8)}`]);
  });

  it('rejects a single-choice question with two correct options', () => {
    const options = [
      { text: 'a', correct: true },
      { text: 'b', correct: true },
    ];
    expect(messagesOf({ questions: eight({ options }) })).toEqual([`questions.0.options: ${quizErrors.exactlyOneCorrect(2)}`]);
  });

  it('rejects a multiple-select question where every option is correct', () => {
    const q = {
      type: 'multiple',
      options: [
        { text: 'a', correct: true },
        { text: 'b', correct: true },
        { text: 'c', correct: true },
      ],
    };
    expect(messagesOf({ questions: eight(q) })).toEqual([`questions.0.options: ${quizErrors.atLeastOneWrong}`]);
  });

  it('rejects two questions with the same id', () => {
    const questions = eight({});
    questions[3] = { ...questions[3], id: 'q-0' };
    expect(messagesOf({ questions })).toEqual([`questions.3.id: ${quizErrors.duplicateQuestionId('q-0')}`]);
  });

  it('rejects duplicate items in an ordering question', () => {
    const q = { type: 'ordering', items: ['build', 'push', 'build'] };
    const { options: _options, ...rest } = singleQuestion('q-0');
    expect(messagesOf({ questions: [{ ...rest, ...q }, ...eight({}).slice(1)] })).toEqual([
      `questions.0.items.2: ${quizErrors.duplicateText('build')}`,
    ]);
  });

  it('rejects a placeholder that no param declares', () => {
    const result = questionSchema.safeParse({ ...commandQuestion(), sample: 'kubectl cordon {{nod}}' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path, i.message])).toEqual([[['sample'], quizErrors.unknownVariable('nod')]]);
  });

  it('rejects params that allow too many variants', () => {
    const params = { a: [1, 2, 3, 4, 5, 6], b: [1, 2, 3, 4, 5, 6, 7] };
    const result = questionSchema.safeParse({ ...predictionQuestion(), params: { ...params, node: ['worker-1'], wait: ['1m'] } });
    expect(result.error!.issues.map((i) => i.message)).toEqual([quizErrors.tooManyVariants(42, 36)]);
  });

  it('rejects a goal check with an unknown kind, naming the kinds it knows', () => {
    const result = questionSchema.safeParse({ ...commandQuestion(), goal: [{ expect: 'service', name: 'x' }] });
    expect(result.error!.issues[0].path).toEqual(['goal', 0, 'expect']);
    expect(result.error!.issues[0].message).toMatch(/node.*pod.*pods.*deployment/);
  });

  it('rejects a section link that is not an anchor', () => {
    const result = questionSchema.safeParse({ ...singleQuestion(), section: 'https://example.com' });
    expect(result.error!.issues[0].path).toEqual(['section']);
  });

  it('accepts a duration param in wait', () => {
    expect(predictionQuestion().wait).toBe('{{wait}}');
  });
});
