// A memo for pure functions that run for every pod (image references, how a container's
// process ends): the same few inputs recur thousands of times. The table is bounded, so a learner
// typing a thousand different images cannot grow it without end: when full it starts over.

/**
 * Wraps `compute`, pure in what `keyOf` names: inputs with the same key get the same answer,
 * shared, so callers must not change it.
 */
export function memoBy<A, T>(keyOf: (input: A) => string, compute: (input: A) => T, limit = 512): (input: A) => T {
  let table = new Map<string, T>();
  return (input) => {
    const key = keyOf(input);
    const known = table.get(key);
    if (known !== undefined || table.has(key)) return known as T;
    const value = compute(input);
    if (table.size >= limit) table = new Map();
    table.set(key, value);
    return value;
  };
}

export const asKey = (text: string) => text;
