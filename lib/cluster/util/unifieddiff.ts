// GNU diff -u over lines: the longest common subsequence, then hunks with 3 lines of context,
// each headed "@@ -start,count +start,count @@" (a count of 1 is left out, an empty side is N,0).

type Edit = { op: ' ' | '-' | '+'; line: string };

/** The edit script from `a` to `b`: kept, removed and added lines in order (removals first). */
function edits(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: ' ', line: a[i++] });
      j++;
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) out.push({ op: '-', line: a[i++] });
    else out.push({ op: '+', line: b[j++] });
  }
  return out;
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);

/** The hunks of `diff -u` between two texts split into lines; empty when they are the same. */
export function unifiedHunks(a: readonly string[], b: readonly string[], context = 3): string {
  const script = edits(a, b);
  const changed = script.map((edit, index) => (edit.op === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  let out = '';
  let at = 0;
  while (at < changed.length) {
    // A hunk runs from context before its first change to context after its last, merging changes
    // that are at most 2 x context lines apart.
    let last = at;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] - 1 <= 2 * context) last++;
    const from = Math.max(0, changed[at] - context);
    const to = Math.min(script.length, changed[last] + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (const edit of script.slice(0, from)) {
      if (edit.op !== '+') oldStart++;
      if (edit.op !== '-') newStart++;
    }
    const body = script.slice(from, to);
    const oldCount = body.filter((edit) => edit.op !== '+').length;
    const newCount = body.filter((edit) => edit.op !== '-').length;
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
    out += body.map((edit) => `${edit.op}${edit.line}\n`).join('');
    at = last + 1;
  }
  return out;
}
