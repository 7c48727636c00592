// What a container's own command writes to its log: the simple shell scripts of tutorials and
// docs (`echo hello`, `sh -c 'echo start; sleep 5; echo done'`, the logging docs' counter
// `i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done`), run on the virtual clock
// from the instance's start until `until`. Statements the model cannot read end the script's
// output there; nothing is guessed.
import { simulatedEpochMs } from '../kubectl/env';

/** At most this many lines per instance: a loop that prints every second for days stays cheap. */
const maxLines = 5_000;

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `date` as busybox and coreutils print it in a UTC container: "Mon Jan  6 09:00:27 UTC 2025". */
export function dateText(ms: number): string {
  const d = new Date(simulatedEpochMs + ms);
  const hms = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hms} UTC ${d.getUTCFullYear()}`;
}

/** Splits a script into statements at `;`, `&&` and newlines outside quotes and $(...). */
function statements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote = '';
  let depth = 0;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' && script[i - 1] === '$') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && (c === ';' || c === '\n' || (c === '&' && script[i + 1] === '&'))) {
      if (c === '&') i++;
      if (current.trim()) out.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Words of a statement, quotes removed; single quotes keep `$` literal (marked with \0). */
function words(statement: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote = '';
  let depth = 0;
  for (let i = 0; i < statement.length; i++) {
    const c = statement[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      else word += c === '$' ? '\0' : c;
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === '\\' && i + 1 < statement.length) word += statement[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c) && depth === 0) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      if (c === '(' && statement[i - 1] === '$') depth++;
      else if (c === ')' && depth > 0) depth--;
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** One line of the log and the instant it was written. */
export interface LogLine {
  at: number;
  text: string;
}

interface Run {
  t: number;
  vars: Map<string, string>;
  lines: LogLine[];
  hostname: string;
}

/** $((...)) over integers with + - *, * first; undefined for anything else. */
function arithmetic(expr: string): number | undefined {
  const tokens = expr.replace(/\s+/g, '').match(/\d+|[-+*]/g);
  if (!tokens || tokens.join('') !== expr.replace(/\s+/g, '')) return undefined;
  const terms: number[] = [];
  let sign = 1;
  let product: number | undefined;
  let expectNumber = true;
  for (const token of tokens) {
    if (expectNumber) {
      if (!/^\d+$/.test(token)) return undefined;
      product = product === undefined ? Number(token) : product * Number(token);
      expectNumber = false;
    } else if (token === '*') expectNumber = true;
    else {
      terms.push(sign * (product ?? 0));
      sign = token === '-' ? -1 : 1;
      product = undefined;
      expectNumber = true;
    }
  }
  if (expectNumber) return undefined;
  terms.push(sign * (product ?? 0));
  return terms.reduce((a, b) => a + b, 0);
}

/** $VAR, ${VAR}, $((expr)), $(date), $(hostname); undefined for a substitution the model cannot run. */
function expand(text: string, run: Run): string | undefined {
  let failed = false;
  const value = text
    .replace(/\$\(\(([^)]*)\)\)/g, (_, expr: string) => {
      const value = arithmetic(expr.replace(/\$?([A-Za-z_]\w*)/g, (__, name: string) => run.vars.get(name) ?? '0'));
      if (value === undefined) failed = true;
      return String(value ?? '');
    })
    .replace(/\$\(([^)]*)\)/g, (_, command: string) => {
      if (command.trim() === 'date') return dateText(run.t);
      if (command.trim() === 'hostname') return run.hostname;
      failed = true;
      return '';
    })
    .replace(/\$\{?([A-Za-z_]\w*)\}?/g, (_, name: string) => run.vars.get(name) ?? '')
    .replaceAll('\0', '$');
  return failed ? undefined : value;
}

/** Runs statements in order; false once one cannot be read (the rest of the output is unknown). */
function runAll(list: readonly string[], run: Run, until: number): boolean {
  for (let i = 0; i < list.length; i++) {
    if (run.t > until || run.lines.length >= maxLines) return true;
    const statement = list[i];
    const loop = /^while\s+(?:true|:)$/.exec(statement);
    if (loop && list[i + 1]?.startsWith('do ')) {
      const end = list.indexOf('done', i);
      if (end === -1) return false;
      const body = [list[i + 1].slice(3), ...list.slice(i + 2, end)];
      const start = run.t;
      while (run.t <= until && run.lines.length < maxLines) {
        if (!runAll(body, run, until)) return false;
        // A loop that lets no time pass would print without end: stop it here.
        if (run.t === start) return false;
      }
      return true;
    }
    if (!runOne(statement, run)) return false;
  }
  return true;
}

function runOne(statement: string, run: Run): boolean {
  const assignment = /^([A-Za-z_]\w*)=(.*)$/.exec(statement);
  if (assignment) {
    const value = expand(words(assignment[2]).join(' '), run);
    if (value === undefined) return false;
    run.vars.set(assignment[1], value);
    return true;
  }
  const [program, ...args] = words(statement);
  const expanded = args.map((arg) => expand(arg, run));
  if (expanded.some((arg) => arg === undefined)) return false;
  const text = expanded as string[];
  switch (program) {
    case 'echo': {
      const noNewline = text[0] === '-n';
      run.lines.push({ at: run.t, text: text.slice(noNewline ? 1 : 0).join(' ') });
      return true;
    }
    case 'printf':
      for (const line of (text[0] ?? '')
        .replace(/%s/g, () => text[1] ?? '')
        .replace(/\\n$/, '')
        .split('\\n'))
        run.lines.push({ at: run.t, text: line });
      return true;
    case 'sleep':
      if (!/^\d+$/.test(text[0] ?? '')) return false;
      run.t += Number(text[0]) * 1000;
      return true;
    case 'date':
      run.lines.push({ at: run.t, text: dateText(run.t) });
      return true;
    case 'hostname':
      run.lines.push({ at: run.t, text: run.hostname });
      return true;
    case 'whoami':
      run.lines.push({ at: run.t, text: 'root' });
      return true;
    case 'pwd':
      run.lines.push({ at: run.t, text: '/' });
      return true;
    case 'true':
    case ':':
      return true;
    default:
      return false;
  }
}

/**
 * The lines `argv` (the process's words, as kubelet/envvars.ts containerProcess gives them)
 * writes between `startedAt` and `until`, in the container's `environment` (HOSTNAME included).
 */
export function commandLog(argv: readonly string[], environment: ReadonlyMap<string, string>, startedAt: number, until: number): LogLine[] {
  if (argv.length === 0) return [];
  const shell = /^(?:\/bin\/)?(?:sh|ash|bash)$/.test(argv[0]) && argv[1] === '-c';
  const list = shell ? statements(argv[2] ?? '') : [argv.map((word) => (/\s/.test(word) ? `"${word}"` : word)).join(' ')];
  const run: Run = { t: startedAt, vars: new Map(environment), lines: [], hostname: environment.get('HOSTNAME') ?? '' };
  runAll(list, run, until);
  return run.lines;
}
