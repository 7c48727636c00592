// The text filters people pipe kubectl into, with GNU coreutils' and grep's behaviour for the
// options they use: what is printed, and the exit status (grep exits 1 when nothing matched).
import { fail, ok, type CommandResult } from '../kubectl/result';
import { shellErrors } from './errors';
import { getopt } from './getopt';

/** What a filter reads: its piped input, or undefined at the head of a pipeline. */
export interface FilterInput {
  stdin: string | undefined;
  readFile: (path: string) => string | undefined;
}

export type Filter = (args: string[], input: FilterInput) => CommandResult;

const linesOf = (text: string) => {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};
const joinLines = (lines: string[]) => lines.map((line) => `${line}\n`).join('');

/** The filter's input: named files concatenated, else stdin. */
function source(program: string, files: string[], input: FilterInput): string | CommandResult {
  if (files.length === 0 || (files.length === 1 && files[0] === '-')) return input.stdin ?? fail(shellErrors.noInput(program));
  let text = '';
  for (const file of files) {
    const content = input.readFile(file);
    if (content === undefined) return fail(shellErrors.noSuchFile(program, file), '', program === 'grep' ? 2 : 1);
    text += content.endsWith('\n') || content === '' ? content : `${content}\n`;
  }
  return text;
}

const posixClasses: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

/** A POSIX basic (BRE) or extended (ERE) regular expression as a JavaScript one. */
export function posixRegex(pattern: string, extended: boolean, flags: string): RegExp | undefined {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (inBracket) {
      const klass = /^\[:(\w+):\]/.exec(pattern.slice(i));
      if (klass && Object.hasOwn(posixClasses, klass[1])) {
        out += posixClasses[klass[1]];
        i += klass[0].length - 1;
      } else if (char === ']' && !out.endsWith('[') && !out.endsWith('[^')) {
        inBracket = false;
        out += char;
      } else out += char === '\\' ? '\\\\' : char;
      continue;
    }
    if (char === '[') {
      inBracket = true;
      out += char;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += `\\${pattern[++i]}`;
      continue;
    }
    if (extended) {
      out += char === '\\' && i + 1 < pattern.length ? `\\${pattern[++i]}` : char;
      continue;
    }
    // BRE: ( ) | + ? { } are literal unless escaped, the other way round from JavaScript.
    if (char === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      out += '()|+?{}'.includes(next) ? next : `\\${next}`;
    } else if ('()|+?{}'.includes(char)) out += `\\${char}`;
    else out += char;
  }
  try {
    return new RegExp(out, flags);
  } catch {
    return undefined;
  }
}

export const grep: Filter = (args, input) => {
  const parsed = getopt('grep', args, {
    flags: 'ivEwcnoqFhHlx',
    values: 'ABCem',
    numeric: 'C',
    repeat: 'e',
    long: {
      'ignore-case': 'i',
      'invert-match': 'v',
      'extended-regexp': 'E',
      'word-regexp': 'w',
      count: 'c',
      'line-number': 'n',
      'only-matching': 'o',
      quiet: 'q',
      'fixed-strings': 'F',
      'after-context': 'A',
      'before-context': 'B',
      context: 'C',
      regexp: 'e',
      'max-count': 'm',
      'line-regexp': 'x',
    },
  });
  if ('error' in parsed) return fail(`${parsed.error}\nUsage: grep [OPTION]... PATTERNS [FILE]...`, '', 2);
  const { options, operands } = parsed;
  const pattern = (options.get('e') as string | undefined) ?? operands.shift();
  if (pattern === undefined) return fail('Usage: grep [OPTION]... PATTERNS [FILE]...', '', 2);
  const number = (letter: string) => {
    const value = options.get(letter);
    return typeof value === 'string' ? (/^\d+$/.test(value) ? Number(value) : Number.NaN) : undefined;
  };
  const context = number('C');
  const after = number('A') ?? context ?? 0;
  const before = number('B') ?? context ?? 0;
  const max = number('m');
  for (const [value, letter] of [
    [after, 'A'],
    [before, 'B'],
    [max, 'm'],
  ] as const)
    if (Number.isNaN(value)) return fail(`grep: ${options.get(letter)}: invalid context length argument`, '', 2);
  const text = source('grep', operands, input);
  if (typeof text !== 'string') return text;
  const caseFlag = options.has('i') ? 'i' : '';
  // Each line of the pattern (or each -e) is an alternative, as grep reads them.
  const alternatives = pattern
    .split('\n')
    .map((part) =>
      options.has('F') ? new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), caseFlag) : posixRegex(part, options.has('E'), caseFlag),
    );
  let regex = alternatives.some((part) => part === undefined)
    ? undefined
    : new RegExp(alternatives.map((part) => `(?:${part!.source})`).join('|'), caseFlag);
  if (!regex) return fail(`grep: invalid regular expression: ${pattern}`, '', 2);
  if (options.has('w')) regex = new RegExp(`(?<![A-Za-z0-9_])(?:${regex.source})(?![A-Za-z0-9_])`, regex.flags);
  if (options.has('x')) regex = new RegExp(`^(?:${regex.source})$`, regex.flags);
  const lines = linesOf(text);
  const invert = options.has('v');
  const matched: number[] = [];
  for (let i = 0; i < lines.length && (max === undefined || matched.length < max); i++) {
    if (regex.test(lines[i]) !== invert) matched.push(i);
  }
  const status = matched.length > 0 ? 0 : 1;
  if (options.has('q')) return { stdout: '', stderr: '', exitCode: status };
  if (options.has('c')) return { stdout: `${matched.length}\n`, stderr: '', exitCode: status };
  const label = (i: number, separator: string) => (options.has('n') ? `${i + 1}${separator}` : '');
  if (options.has('o') && !invert) {
    const global = new RegExp(regex.source, `${regex.flags}g`);
    const out = matched.flatMap((i) => [...lines[i].matchAll(global)].filter((m) => m[0] !== '').map((m) => `${label(i, ':')}${m[0]}`));
    return { stdout: joinLines(out), stderr: '', exitCode: status };
  }
  const out: string[] = [];
  let printedUpTo = -1;
  const hasContext = ['A', 'B', 'C'].some((letter) => options.has(letter));
  const matchSet = new Set(matched);
  for (const i of matched) {
    const from = Math.max(i - before, printedUpTo + 1);
    if (hasContext && printedUpTo >= 0 && from > printedUpTo + 1) out.push('--');
    for (let j = from; j <= Math.min(i + after, lines.length - 1); j++) {
      if (j <= printedUpTo) continue;
      // Context after the last match stops where the next match would take over.
      if (j > i && matchSet.has(j)) break;
      out.push(`${label(j, matchSet.has(j) ? ':' : '-')}${lines[j]}`);
      printedUpTo = j;
    }
  }
  return { stdout: joinLines(out), stderr: '', exitCode: status };
};

function lineCount(program: string, value: string | true | undefined, fallback: number): { count: number; fromStart: boolean } | string {
  if (value === undefined) return { count: fallback, fromStart: false };
  const text = String(value);
  if (!/^[+-]?\d+$/.test(text)) return shellErrors.invalidNumber(program, 'number of lines', text);
  return { count: Math.abs(Number(text)), fromStart: text.startsWith('+') };
}

export const head: Filter = (args, input) => {
  const parsed = getopt('head', args, { flags: 'qv', values: 'nc', numeric: 'n', long: { lines: 'n' } });
  if ('error' in parsed) return fail(parsed.error);
  const n = lineCount('head', parsed.options.get('n'), 10);
  if (typeof n === 'string') return fail(n);
  if (parsed.options.has('c')) return fail(shellErrors.unsupportedOption('head', '-c'));
  const text = source('head', parsed.operands, input);
  if (typeof text !== 'string') return text;
  const negative = String(parsed.options.get('n') ?? '').startsWith('-');
  const lines = linesOf(text);
  return ok(joinLines(negative ? lines.slice(0, Math.max(0, lines.length - n.count)) : lines.slice(0, n.count)));
};

export const tail: Filter = (args, input) => {
  const parsed = getopt('tail', args, { flags: 'qvf', values: 'nc', numeric: 'n', long: { lines: 'n', follow: 'f' } });
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.options.has('f')) return fail(shellErrors.unsupportedOption('tail', '-f'));
  const first = args.find((arg) => /^\+\d+$/.test(arg));
  const n = lineCount('tail', first ?? parsed.options.get('n'), 10);
  if (typeof n === 'string') return fail(n);
  const text = source(
    'tail',
    parsed.operands.filter((operand) => operand !== first),
    input,
  );
  if (typeof text !== 'string') return text;
  const lines = linesOf(text);
  return ok(joinLines(n.fromStart ? lines.slice(Math.max(0, n.count - 1)) : n.count === 0 ? [] : lines.slice(-n.count)));
};

export const wc: Filter = (args, input) => {
  const parsed = getopt('wc', args, { flags: 'lwcm', values: '', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  if ('error' in parsed) return fail(parsed.error);
  const text = source('wc', parsed.operands, input);
  if (typeof text !== 'string') return text;
  const counts = {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    c: new TextEncoder().encode(text).length,
    m: [...text].length,
  };
  const chosen = (['l', 'w', 'm', 'c'] as const).filter((letter) => parsed.options.has(letter));
  const shown = chosen.length > 0 ? chosen : (['l', 'w', 'c'] as const);
  // GNU wc prints a lone count bare; several share a width of 7 when reading a pipe.
  const cells = shown.map((letter) => String(counts[letter]));
  const line = cells.length === 1 ? cells[0] : cells.map((cell) => cell.padStart(7)).join(' ');
  return ok(`${line}${parsed.operands.length === 1 ? ` ${parsed.operands[0]}` : ''}\n`);
};

/** Field N (1-based) to the end of the line, split the way sort -k splits without -t. */
function sortKey(line: string, field: number, endField: number | undefined, separator: string | undefined): string {
  if (separator !== undefined) {
    const parts = line.split(separator);
    return parts.slice(field - 1, endField ?? parts.length).join(separator);
  }
  const parts = line.match(/\s*\S+/g) ?? [];
  return parts
    .slice(field - 1, endField ?? parts.length)
    .join('')
    .trimStart();
}

export const sort: Filter = (args, input) => {
  const parsed = getopt('sort', args, {
    flags: 'rnuhfb',
    values: 'kt',
    long: { reverse: 'r', 'numeric-sort': 'n', unique: 'u', key: 'k', 'field-separator': 't', 'ignore-case': 'f' },
  });
  if ('error' in parsed) return fail(parsed.error, '', 2);
  const { options } = parsed;
  const keyText = options.get('k') as string | undefined;
  const key = keyText === undefined ? undefined : /^(\d+)(?:[a-z]*)?(?:,(\d+)[a-z]*)?$/.exec(keyText);
  if (keyText !== undefined && (!key || Number(key[1]) === 0))
    return fail(`sort: invalid number at field start: invalid count at start of '${keyText}'`, '', 2);
  const text = source('sort', parsed.operands, input);
  if (typeof text !== 'string') return text;
  const separator = options.get('t') as string | undefined;
  const keyOf = (line: string) => (key ? sortKey(line, Number(key[1]), key[2] ? Number(key[2]) : undefined, separator) : line);
  const numeric = options.has('n') || options.has('h');
  const fold = options.has('f');
  const compare = (a: string, b: string) => {
    const [ka, kb] = [keyOf(a), keyOf(b)];
    if (numeric) {
      const number = (value: string) => Number.parseFloat(/^\s*-?\d+(\.\d+)?/.exec(value)?.[0] ?? '0');
      const difference = number(ka) - number(kb);
      if (difference !== 0) return difference;
    } else {
      const [x, y] = fold ? [ka.toUpperCase(), kb.toUpperCase()] : [ka, kb];
      if (x !== y) return x < y ? -1 : 1;
    }
    // Equal keys fall back to the whole line, as sort does without -s.
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let lines = linesOf(text).sort(compare);
  if (options.has('r')) lines.reverse();
  if (options.has('u')) lines = lines.filter((line, i) => i === 0 || compare(lines[i - 1], line) !== 0);
  return ok(joinLines(lines));
};

export const uniq: Filter = (args, input) => {
  const parsed = getopt('uniq', args, { flags: 'cdui', values: '', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  if ('error' in parsed) return fail(parsed.error);
  const text = source('uniq', parsed.operands, input);
  if (typeof text !== 'string') return text;
  const same = (a: string, b: string) => (parsed.options.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; count: number }[] = [];
  for (const line of linesOf(text)) {
    const last = groups[groups.length - 1];
    if (last && same(last.line, line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  const kept = groups.filter((group) => (!parsed.options.has('d') || group.count > 1) && (!parsed.options.has('u') || group.count === 1));
  return ok(joinLines(kept.map((group) => (parsed.options.has('c') ? `${String(group.count).padStart(7)} ${group.line}` : group.line))));
};

/** A cut list such as 1,3 or 2-4 or 3- as a test on 1-based positions. */
function cutList(text: string): ((position: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of text.split(',')) {
    const match = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!match || (match[1] === '' && match[3] === '')) return undefined;
    const from = match[1] === '' ? 1 : Number(match[1]);
    const to = match[2] ? (match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3])) : from;
    if (from === 0) return undefined;
    ranges.push([from, to]);
  }
  return (position) => ranges.some(([from, to]) => position >= from && position <= to);
}

export const cut: Filter = (args, input) => {
  const parsed = getopt('cut', args, { flags: 's', values: 'dfc', long: { delimiter: 'd', fields: 'f', characters: 'c' } });
  if ('error' in parsed) return fail(parsed.error);
  const { options } = parsed;
  const fields = options.get('f') as string | undefined;
  const characters = options.get('c') as string | undefined;
  if ((fields === undefined) === (characters === undefined)) return fail('cut: you must specify a list of bytes, characters, or fields');
  const delimiter = (options.get('d') as string | undefined) ?? '\t';
  if (delimiter.length !== 1) return fail('cut: the delimiter must be a single character');
  const pick = cutList(fields ?? characters ?? '');
  if (!pick) return fail(`cut: invalid field value '${fields ?? characters}'`);
  const text = source('cut', parsed.operands, input);
  if (typeof text !== 'string') return text;
  const out: string[] = [];
  for (const line of linesOf(text)) {
    if (characters !== undefined) {
      out.push([...line].filter((_, i) => pick(i + 1)).join(''));
      continue;
    }
    // A line without the delimiter passes through whole unless -s.
    if (!line.includes(delimiter)) {
      if (!options.has('s')) out.push(line);
      continue;
    }
    out.push(
      line
        .split(delimiter)
        .filter((_, i) => pick(i + 1))
        .join(delimiter),
    );
  }
  return ok(joinLines(out));
};

export { awk } from './awk';
