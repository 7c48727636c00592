/**
 * Orders a review so neighbours differ: not two questions from the same chapter, or of the same
 * type, in a row when the queue allows it (interleaving beats blocked practice for telling
 * ideas apart). Greedy and stable: among the items that fit, the earliest in the given order
 * (most overdue first) goes next.
 */
export function interleave<T>(items: readonly T[], chapterOf: (item: T) => string, typeOf: (item: T) => string): T[] {
  const left = [...items];
  const out: T[] = [];
  while (left.length) {
    const prev = out.at(-1);
    const fits = (strict: boolean) => (item: T) =>
      prev === undefined || (chapterOf(item) !== chapterOf(prev) && (!strict || typeOf(item) !== typeOf(prev)));
    let i = left.findIndex(fits(true));
    if (i < 0) i = left.findIndex(fits(false));
    if (i < 0) i = 0;
    out.push(left.splice(i, 1)[0]);
  }
  return out;
}
