// Remembers a function's results by argument. Event messages and timer owners repeat for every
// pod of a workload and every step on a node: one shared string is cheaper to build and to keep
// alive (through many collections) than a fresh one each time.

/** `build`, remembering its result for each argument it has seen (for small, bounded argument sets). */
export function remembered(build: (value: string) => string): (value: string) => string {
  const results = new Map<string, string>();
  return (value) => {
    let result = results.get(value);
    if (result === undefined) results.set(value, (result = build(value)));
    return result;
  };
}
