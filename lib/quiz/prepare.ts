import type { Answer, Prepared } from './answers';
import type { Question } from './schema';
import { hashSeed, seededRandom, shuffle } from './random';
import { fillDeep } from './template';
import { drawFreshVariant } from './variants';

const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A shuffle that never returns the identity when it can avoid it, so an ordering is never pre-solved. */
function scrambled(n: number, random: () => number): number[] {
  for (let tries = 0; tries < 20; tries++) {
    const order = shuffle(indices(n), random);
    if (order.some((value, i) => value !== i)) return order;
  }
  return indices(n).reverse();
}

/**
 * Readies a question for one attempt. The seed comes from the attempt and the question id, so
 * a retry (new attempt seed) reshuffles the options and draws a new simulation variant: unlike
 * `previous`, when given (the same question served again in one sitting) and the params allow.
 */
export function prepareQuestion(question: Question, attemptSeed: number, previous?: Prepared): Prepared {
  const seed = hashSeed(attemptSeed, question.id);
  const random = seededRandom(seed);
  switch (question.type) {
    case 'single':
      return { type: 'single', question, seed, order: shuffle(indices(question.options.length), random) };
    case 'multiple':
      return { type: 'multiple', question, seed, order: shuffle(indices(question.options.length), random) };
    case 'ordering':
      return { type: 'ordering', question, seed, order: scrambled(question.items.length, random) };
    case 'matching': {
      const choices = [...new Set(question.pairs.map((p) => p.match)), ...question.distractors].sort((a, b) => a.localeCompare(b));
      return { type: 'matching', question, seed, itemOrder: shuffle(indices(question.pairs.length), random), choices };
    }
    case 'command':
    case 'prediction': {
      const avoid = previous && (previous.type === 'command' || previous.type === 'prediction') ? previous.variant : undefined;
      const variant = drawFreshVariant(question, seed, avoid);
      // A question is one type or the other; fillDeep keeps the shape, so the pairing holds.
      return { type: question.type, question: fillDeep(question, variant), seed, variant } as Prepared;
    }
  }
}

/** The answer a reader starts from: nothing chosen, an ordering as shuffled, empty text. */
export function blankAnswer(prepared: Prepared): Answer {
  switch (prepared.type) {
    case 'single':
      return { type: 'single', choice: -1 };
    case 'multiple':
      return { type: 'multiple', choices: [] };
    case 'ordering':
      return { type: 'ordering', order: prepared.order };
    case 'matching':
      return { type: 'matching', matches: prepared.question.pairs.map(() => '') };
    case 'command':
      return { type: 'command', command: '' };
    case 'prediction':
      return { type: 'prediction', value: '' };
  }
}
