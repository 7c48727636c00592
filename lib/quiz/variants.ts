import type { SimulationQuestion } from './schema';
import { seededRandom } from './random';
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

/** Every combination of params (with the given cluster seed), for tests that try each variant. */
export function allVariants(question: Pick<SimulationQuestion, 'params'>, seed = 1): Variables[] {
  return Object.entries(question.params).reduce<Record<string, string | number>[]>(
    (combos, [name, values]) => combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value }))),
    [{ seed }],
  );
}
