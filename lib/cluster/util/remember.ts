// Remembers a function's results by argument. Event messages and timer owners repeat for every
// pod of a workload and every step on a node: one shared string is cheaper to build and to keep
// alive (through many collections) than a fresh one each time; an image's size is hashed once.

/** `build`, remembering its result for each argument it has seen (for small, bounded argument sets). */
export function remembered<T>(build: (value: string) => T): (value: string) => T {
  const results = new Map<string, T>();
  return (value) => {
    let result = results.get(value);
    if (result === undefined) results.set(value, (result = build(value)));
    return result;
  };
}
