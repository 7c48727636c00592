// Go's strconv.ParseInt(s, 0, bitSize), which pflag uses for integer flags: base prefixes 0x, 0o,
// 0b and a bare leading 0 (octal), underscores only between digits, and Go's error texts. BigInt
// keeps the range checks exact for 64-bit flags.
export type ParseIntResult = { ok: true; value: number } | { ok: false; error: string };

const lower = (c: string) => c.toLowerCase();

/** strconv.Quote for the inputs flags see: JSON's escaping matches Go's for printable text. */
const quote = (s: string) => JSON.stringify(s);

const syntaxError = (s: string): ParseIntResult => ({ ok: false, error: `strconv.ParseInt: parsing ${quote(s)}: invalid syntax` });
const rangeError = (s: string): ParseIntResult => ({ ok: false, error: `strconv.ParseInt: parsing ${quote(s)}: value out of range` });

/** underscoreOK: underscores only between digits, or between a base prefix and a digit. */
function underscoreOK(text: string): boolean {
  let s = text;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

export function parseGoInt(text: string, bitSize: 32 | 64): ParseIntResult {
  if (text === '') return syntaxError(text);
  let s = text;
  let negative = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    negative = true;
    s = s.slice(1);
  }
  // ParseUint(s, 0, bitSize)
  if (s === '') return syntaxError(text);
  let base = 10;
  let digits = s;
  if (s[0] === '0') {
    if (s.length >= 3 && lower(s[1]) === 'b') [base, digits] = [2, s.slice(2)];
    else if (s.length >= 3 && lower(s[1]) === 'o') [base, digits] = [8, s.slice(2)];
    else if (s.length >= 3 && lower(s[1]) === 'x') [base, digits] = [16, s.slice(2)];
    else [base, digits] = [8, s.slice(1)];
  }
  const limit = 1n << BigInt(bitSize);
  let n = 0n;
  let underscores = false;
  for (const c of digits) {
    let d: number;
    if (c === '_') {
      underscores = true;
      continue;
    }
    if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
    else if (lower(c) >= 'a' && lower(c) <= 'z' && lower(c).length === 1) d = lower(c).charCodeAt(0) - 87;
    else return syntaxError(text);
    if (d >= base) return syntaxError(text);
    n = n * BigInt(base) + BigInt(d);
    // ParseUint stops at the first digit that overflows, before any later syntax problem.
    if (n >= limit) return rangeError(text);
  }
  if (underscores && !underscoreOK(s)) return syntaxError(text);
  const cutoff = 1n << BigInt(bitSize - 1);
  if ((!negative && n >= cutoff) || (negative && n > cutoff)) return rangeError(text);
  return { ok: true, value: Number(negative ? -n : n) };
}
