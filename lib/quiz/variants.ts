import type { SimulationQuestion } from './schema';
import { hashSeed, seededRandom } from './random';
import type { Variables } from './template';

/**
 * A variant is one choice of every param of a simulation question, plus the seed of its cluster.
 * Each attempt draws one, so retrying a question can show another node or replica count.
 */
export function drawVariant(question: Pick<SimulationQuestion, 'params'>, seed: number): Variables {
  const random = seededRandom(seed);
  const variables: Record<string, string | number> = { seed };
  for (const [name, values] of Object.entries(question.params)) variables[name] = values[Math.floor(random() * values.length)];
  return variables;
}

const paramsOnly = (v: Variables) => JSON.stringify(Object.entries(v).filter(([name]) => name !== 'seed'));

/**
 * A variant unlike `avoid` (the one the reader just saw), when the params allow another: seen again
 * in the same sitting, a prediction must not be answerable from memory of its last output.
 */
export function drawFreshVariant(question: Pick<SimulationQuestion, 'params'>, seed: number, avoid: Variables | undefined): Variables {
  let variant = drawVariant(question, seed);
  if (!avoid || allVariantsCount(question) < 2) return variant;
  for (let k = 1; k < 32 && paramsOnly(variant) === paramsOnly(avoid); k++) variant = drawVariant(question, hashSeed(seed, k));
  return variant;
}

const allVariantsCount = (question: Pick<SimulationQuestion, 'params'>) => Object.values(question.params).reduce((n, v) => n * v.length, 1);

/** Every combination of params (with the given cluster seed), for tests that try each variant. */
export function allVariants(question: Pick<SimulationQuestion, 'params'>, seed = 1): Variables[] {
  return Object.entries(question.params).reduce<Record<string, string | number>[]>(
    (combos, [name, values]) => combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value }))),
    [{ seed }],
  );
}
