/** Every rule of the quiz engine that a person might want to tune, in one frozen table. */
export const quizPolicy = Object.freeze({
  /** Share of correct answers that passes a quiz (marks it passed in the sidebar). */
  passRatio: 0.8,
  /** A chapter quiz has at least this many questions (issue 6). */
  minQuestionsPerChapter: 8,
  /** At most this many combinations of params per question, so tests can try every variant. */
  maxVariants: 36,
  /** Simulated time the cluster gets after a reader's command, unless the question says otherwise. */
  defaultSettle: '0s',
  /** Typed answers must be one of these programs; `sim` lines would let a reader cheat. */
  allowedPrograms: ['kubectl'] as readonly string[],
  /** Maximum length of a typed command, so a pasted essay is not sent to the model. */
  maxCommandLength: 400,
  /** Answer value for a prediction about a pod or node that no longer exists. */
  absentValue: 'not listed',
});

/** The question types and how each is named to the reader. */
export const questionTypes = Object.freeze({
  single: { label: 'Single choice' },
  multiple: { label: 'Multiple select' },
  ordering: { label: 'Ordering' },
  matching: { label: 'Matching' },
  command: { label: 'Typed command' },
  prediction: { label: 'Prediction' },
} as const);

export type QuestionType = keyof typeof questionTypes;
