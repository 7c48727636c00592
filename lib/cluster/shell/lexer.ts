// Reads one line the way bash would before running it: words with quotes and backslashes, the
// operators | && || ; and a trailing # comment. What bash would expand or redirect (variables,
// $(...), > and <, globs of other files) is refused by name instead of being passed on as text,
// so `kubectl get pods > out.txt` never turns into a NotFound on "out.txt".
import { shellErrors } from './errors';

export type Operator = '|' | '&&' | '||' | ';';

export interface Redirect {
  /** 1 (stdout), 2 (stderr) or both (&>). */
  fd: 1 | 2 | 'both';
  append: boolean;
  /** A file path, or "&1" / "&2" to join the other stream. */
  target: string;
}

export type ShellToken = { type: 'word'; value: string } | { type: 'op'; op: Operator } | { type: 'redirect'; redirect: Redirect };

/** The special parameters a line may use: $? (last status) and $$ (the shell's pid). */
export type Expand = (name: '?' | '$') => string;

/** A shell's variables ($NAME, ${NAME}), when it has an environment: unset ones expand to nothing. */
export type Variables = (name: string) => string | undefined;

const nameStart = /[A-Za-z_{]/;

/** Splits a line into words and operators, or names the first construct it does not support. */
export function lex(line: string, expand?: Expand, variables?: Variables): ShellToken[] | { error: string } {
  const tokens: ShellToken[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  const endWord = () => {
    if (inWord) tokens.push({ type: 'word', value: current });
    current = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    const next = line[i + 1];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
      continue;
    }
    if (char === '`') return { error: shellErrors.unsupported('command substitution (`...`)') };
    if (char === '$' && next === '(') return { error: shellErrors.unsupported('command substitution ($(...))') };
    if (char === '$' && expand && (next === '?' || next === '$')) {
      current += expand(next);
      inWord = true;
      i++;
      continue;
    }
    const variable = variables && char === '$' ? /^(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})/.exec(line.slice(i + 1)) : null;
    if (variable) {
      current += variables!(variable[1] ?? variable[2]) ?? '';
      inWord = true;
      i += variable[0].length;
      continue;
    }
    if (char === '$' && next !== undefined && (nameStart.test(next) || /[0-9?#@*!$-]/.test(next))) {
      const name = next === '{' ? '{...}' : (/^[A-Za-z_]\w*/.exec(line.slice(i + 1))?.[0] ?? next);
      return { error: shellErrors.unsupported(`variables ($${name})`) };
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && next !== undefined && '"\\$`'.includes(next)) current += line[++i];
      else current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (char === '\\' && next !== undefined) {
      current += line[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      endWord();
    } else if (char === '#' && !inWord) {
      break;
    } else if (char === '>' || char === '<' || (char === '&' && next === '>')) {
      if (char === '<') return { error: shellErrors.unsupported('input redirection (<)') };
      let fd: Redirect['fd'] = 1;
      if (char === '&') {
        fd = 'both';
        i++;
      } else if (inWord && (current === '1' || current === '2')) {
        fd = current === '2' ? 2 : 1;
        current = '';
        inWord = false;
      }
      endWord();
      const append = line[i + 1] === '>';
      if (append) i++;
      let target = '';
      if (line[i + 1] === '&' && /[12]/.test(line[i + 2] ?? '')) {
        target = `&${line[i + 2]}`;
        i += 2;
      } else {
        while (/\s/.test(line[i + 1] ?? '')) i++;
        while (i + 1 < line.length && !/[\s|;&<>()]/.test(line[i + 1])) target += line[++i];
        if (!target) return { error: shellErrors.unexpectedEnd() };
      }
      tokens.push({ type: 'redirect', redirect: { fd, append, target } });
    } else if (char === '|' || char === ';' || char === '&') {
      endWord();
      if (char === '&' && next !== '&') return { error: shellErrors.unsupported('background jobs (&)') };
      if (char === ';' && next === ';') return { error: shellErrors.unsupported(';;') };
      const double = (char === '|' || char === '&') && next === char;
      if (double) i++;
      tokens.push({ type: 'op', op: (double ? char + char : char) as Operator });
    } else if (char === '(' || char === ')') {
      return { error: shellErrors.unsupported('subshells and ( )') };
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) return { error: shellErrors.unterminatedQuote() };
  endWord();
  return tokens;
}

export interface Pipeline {
  /** How this pipeline joins the one before it (the first has ';'). */
  after: Exclude<Operator, '|'>;
  stages: string[][];
  /** The redirections of each stage, in order. */
  redirects: Redirect[][];
}

/** Groups tokens into pipelines joined by && || ;, or says where the syntax breaks. */
export function parsePipelines(tokens: ShellToken[]): Pipeline[] | { error: string } {
  const pipelines: Pipeline[] = [];
  let pipeline: Pipeline = { after: ';', stages: [[]], redirects: [[]] };
  for (const token of tokens) {
    const stage = pipeline.stages[pipeline.stages.length - 1];
    if (token.type === 'redirect') {
      pipeline.redirects[pipeline.redirects.length - 1].push(token.redirect);
      continue;
    }
    if (token.type === 'word') {
      stage.push(token.value);
      continue;
    }
    if (stage.length === 0) return { error: shellErrors.unexpectedToken(token.op) };
    if (token.op === '|') {
      pipeline.stages.push([]);
      pipeline.redirects.push([]);
    } else {
      pipelines.push(pipeline);
      pipeline = { after: token.op, stages: [[]], redirects: [[]] };
    }
  }
  const last = pipeline.stages[pipeline.stages.length - 1];
  if (last.length > 0) pipelines.push(pipeline);
  else if (pipeline.stages.length > 1 || pipeline.after !== ';') return { error: shellErrors.unexpectedEnd() };
  return pipelines;
}
