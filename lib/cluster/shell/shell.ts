// The line layer between a terminal and the programs: strips a pasted prompt, runs pipelines
// joined by && || ; and pipes each stage's stdout into the next, with bash's exit statuses
// (a pipeline's is its last command's; && and || look at the one before).
import { fail, ok, type CommandResult } from '../kubectl/result';
import { shellErrors } from './errors';
import { awk, cut, grep, head, sort, tail, uniq, wc, type Filter, type FilterInput } from './filters';
import { lex, parsePipelines, type Redirect } from './lexer';

/** A program the shell can start: its arguments and what is piped into it (undefined at the head). */
export type Program = (args: string[], input: FilterInput) => CommandResult;

export interface ShellHost {
  /** The programs of this machine, beyond the built-in text tools. */
  programs: Record<string, Program>;
  readFile: (path: string) => string | undefined;
  /** Stores what `> FILE` writes; without it, redirecting into a file is refused. */
  writeFile?: (path: string, text: string, append: boolean) => boolean;
  /** The environment's variables ($NAME); without them, a variable is refused as unsupported. */
  variables?: (name: string) => string | undefined;
  /** The status of the line before ($?) and the shell's pid ($$). */
  lastStatus?: number;
  pid?: number;
}

const filters: Record<string, Filter> = {
  grep,
  egrep: (args, input) => grep(['-E', ...args], input),
  head,
  tail,
  wc,
  sort,
  uniq,
  cut,
  awk,
};

const builtins: Record<string, Program> = {
  echo: (args) => {
    const newline = args[0] !== '-n';
    const words = newline ? args : args.slice(1);
    return ok(`${words.join(' ')}${newline ? '\n' : ''}`);
  },
  cat: (args, input) => {
    const files = args.filter((arg) => arg !== '--');
    if (files.length === 0) return input.stdin === undefined ? fail(shellErrors.noInput('cat')) : ok(input.stdin);
    let stdout = '';
    const errors: string[] = [];
    for (const file of files) {
      const text = file === '-' ? input.stdin : input.readFile(file);
      if (text === undefined) errors.push(shellErrors.noSuchFile('cat', file));
      else stdout += text;
    }
    return { stdout, stderr: errors.join('\n'), exitCode: errors.length > 0 ? 1 : 0 };
  },
  // The terminals clear their scrollback themselves; a script has nothing to clear.
  clear: () => ok(),
  true: () => ok(),
  false: () => fail(''),
};

/** Words split by an outer shell, joined back into one line, quoting those the shell would split or expand. */
export function shellQuote(words: readonly string[]): string {
  return words.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`)).join(' ');
}

/** Every command name the shell starts on this host, for messages and completion. */
export function programNames(host: ShellHost): string[] {
  return [...Object.keys(host.programs), ...Object.keys(builtins), ...Object.keys(filters)];
}

/**
 * A prompt pasted with the command: "$ ", "# " (root) or "user@host:~$ ". A "# " line is a root
 * prompt only when a known program follows; otherwise it is a comment.
 */
export function stripPrompt(line: string, known: (program: string) => boolean): string | undefined {
  const text = line.trim();
  const userPrompt = /^[\w.-]+@[\w.-]+:[^\s#$]*[#$]\s+/.exec(text);
  if (userPrompt) return text.slice(userPrompt[0].length);
  if (/^\$(\s|$)/.test(text)) return text.slice(1).trim();
  if (text.startsWith('#')) {
    const rest = text.slice(1).trim();
    const first = rest.split(/\s/, 1)[0];
    return first && known(first === 'sudo' ? (rest.split(/\s+/)[1] ?? '') : first) ? rest : undefined;
  }
  return text;
}

const joinResults = (a: CommandResult, b: CommandResult): CommandResult => ({
  stdout: a.stdout + b.stdout,
  stderr: [a.stderr, b.stderr].filter(Boolean).join(a.stderr.endsWith('\n') ? '' : '\n'),
  exitCode: b.exitCode,
});

/** Stands for $? until the command runs: bash expands it then, with the status before it. */
const statusMarker = '\u0000status\u0000';

function runStage(host: ShellHost, argv: string[], stdin: string | undefined, status: number): CommandResult {
  let [program, ...args] = argv;
  if (program === 'sudo') {
    [program, ...args] = args;
    if (program === undefined) return fail('usage: sudo COMMAND');
  }
  if (/^[A-Za-z_]\w*=/.test(program)) return fail(shellErrors.unsupported(`variable assignments (${program.split('=')[0]}=...)`));
  const input: FilterInput = { stdin, readFile: host.readFile };
  // Own properties only: a program named "valueOf" is not Object.prototype's.
  const found = [host.programs, builtins, filters].find((table) => Object.hasOwn(table, program))?.[program];
  if (!found) return fail(shellErrors.commandNotFound(program, Object.keys(host.programs).join(', ')), '', 127);
  const result = found(
    args.map((arg) => arg.replaceAll(statusMarker, String(status))),
    input,
  );
  // Programs end their error lines with a newline, as they reach a pipe or a file.
  return result.stderr && !result.stderr.endsWith('\n') ? { ...result, stderr: `${result.stderr}\n` } : result;
}

/** Applies a stage's redirections: into files (through the host), /dev/null, or the other stream. */
function redirect(host: ShellHost, result: CommandResult, redirects: Redirect[]): CommandResult {
  let { stdout, stderr } = result;
  let { exitCode } = result;
  for (const { fd, append, target } of redirects) {
    const streams = fd === 'both' ? [1, 2] : [fd];
    if (target === '&1' || target === '&2') {
      if (fd === 2 && target === '&1') {
        stdout += stderr;
        stderr = '';
      } else if (fd === 1 && target === '&2') {
        stderr += stdout;
        stdout = '';
      }
      continue;
    }
    const text = streams.map((stream) => (stream === 1 ? stdout : stderr)).join('');
    if (streams.includes(1)) stdout = '';
    if (streams.includes(2)) stderr = '';
    if (target === '/dev/null') continue;
    if (!host.writeFile) return fail(shellErrors.unsupported(`redirection into a file (> ${target})`), '', 1);
    if (!host.writeFile(target, text, append)) {
      stderr += shellErrors.cannotWrite(target);
      exitCode = 1;
    }
  }
  return { stdout, stderr, exitCode };
}

/** Runs one line; the result is what a terminal shows and the status of the last pipeline run. */
export function runLine(host: ShellHost, line: string): CommandResult {
  const known = (name: string) => [host.programs, builtins, filters].some((table) => Object.hasOwn(table, name));
  const text = stripPrompt(line, known);
  if (text === undefined || text === '') return ok();
  const tokens = lex(text, (name) => (name === '?' ? statusMarker : String(host.pid ?? 1104)), host.variables);
  if ('error' in tokens) return fail(tokens.error, '', 2);
  const pipelines = parsePipelines(tokens);
  if ('error' in pipelines) return fail(pipelines.error, '', 2);
  let result: CommandResult = { ...ok(), exitCode: host.lastStatus ?? 0 };
  for (const pipeline of pipelines) {
    if (pipeline.after === '&&' && result.exitCode !== 0) continue;
    if (pipeline.after === '||' && result.exitCode === 0) continue;
    let stdin: string | undefined;
    let stderr = '';
    let last: CommandResult = ok();
    for (const [index, stage] of pipeline.stages.entries()) {
      last = redirect(host, runStage(host, stage, index === 0 ? undefined : stdin, result.exitCode), pipeline.redirects[index]);
      stdin = last.stdout;
      if (last.stderr) stderr += last.stderr.endsWith('\n') ? last.stderr : `${last.stderr}\n`;
    }
    result = joinResults(
      { ...result, stderr: result.stderr },
      { stdout: last.stdout, stderr: stderr.replace(/\n$/, ''), exitCode: last.exitCode },
    );
  }
  return result;
}
