// The slice of awk people use after kubectl: one rule, `[pattern] {print ...}`, where the
// pattern compares NR, a field or a /regex/ and print takes fields ($1, $NF, $0), NR, NF and
// "strings", comma-separated (joined by a space) or side by side (concatenated).
import { fail, ok } from '../kubectl/result';
import { shellErrors } from './errors';
import type { Filter } from './filters';
import { posixRegex } from './filters';

type Term = { field: number | 'NF' } | { variable: 'NR' | 'NF' } | { text: string };

interface Rule {
  test: (fields: string[], nr: number, line: string) => boolean;
  print: Term[][];
}

const unsupported = (program: string) =>
  fail(`awk: the program '${program}' is not supported here: use [pattern] {print $N, ...} with NR, NF, $N, /regex/ and "text"`, '', 2);

function parseTerms(text: string): Term[][] | undefined {
  const groups: Term[][] = [[]];
  const pattern = /\s*(?:(,)|\$(\d+|NF)|\b(NR|NF)\b|"((?:[^"\\]|\\.)*)")/y;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) return undefined;
    index = pattern.lastIndex;
    if (match[1]) groups.push([]);
    else if (match[2]) groups[groups.length - 1].push({ field: match[2] === 'NF' ? 'NF' : Number(match[2]) });
    else if (match[3]) groups[groups.length - 1].push({ variable: match[3] as 'NR' | 'NF' });
    else groups[groups.length - 1].push({ text: match[4].replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(.)/g, '$1') });
  }
  return groups.some((group) => group.length === 0) && groups.length > 1 ? undefined : groups;
}

const comparisons: Record<string, (a: string | number, b: string | number) => boolean> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

function parsePattern(text: string): Rule['test'] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return () => true;
  const regex = /^(?:\$(\d+|NF)\s*~\s*)?\/((?:[^/\\]|\\.)*)\/$/.exec(trimmed);
  if (regex) {
    const compiled = posixRegex(regex[2], true, '');
    if (!compiled) return undefined;
    const field = regex[1];
    return (fields, _nr, line) =>
      compiled.test(field === undefined ? line : (fields[field === 'NF' ? fields.length : Number(field)] ?? ''));
  }
  const compare = /^(NR|NF|\$(?:\d+|NF))\s*(==|!=|>=|<=|>|<)\s*(?:"([^"]*)"|(-?\d+(?:\.\d+)?))$/.exec(trimmed);
  if (!compare) return undefined;
  const [, left, operator, stringValue, numberValue] = compare;
  const check = comparisons[operator];
  return (fields, nr) => {
    const value =
      left === 'NR' ? nr : left === 'NF' ? fields.length - 1 : (fields[left === '$NF' ? fields.length - 1 : Number(left.slice(1))] ?? '');
    if (numberValue !== undefined) return check(Number(value), Number(numberValue));
    return check(String(value), stringValue ?? '');
  };
}

function parseProgram(program: string): Rule | undefined {
  const match = /^([^{]*)(?:\{\s*(?:print\s*(.*?))?\s*;?\s*\})?\s*$/s.exec(program.trim());
  if (!match) return undefined;
  const [, patternText, printText] = match;
  if (!program.includes('{') && patternText.trim() === '') return undefined;
  const test = parsePattern(patternText);
  if (!test) return undefined;
  if (program.includes('{') && printText === undefined && !/\{\s*\}/.test(program)) return undefined;
  const print = printText === undefined || printText.trim() === '' ? [[{ field: 0 } as Term]] : parseTerms(printText);
  if (!print) return undefined;
  return { test, print };
}

export const awk: Filter = (args, input) => {
  let separator: string | undefined;
  const rest = [...args];
  while (rest[0]?.startsWith('-F')) {
    const flag = rest.shift()!;
    separator = flag.length > 2 ? flag.slice(2) : rest.shift();
    if (separator === undefined) return fail(shellErrors.missingArgument('awk', 'F'), '', 2);
  }
  if (rest[0]?.startsWith('-') && rest[0] !== '-') return fail(shellErrors.unsupportedOption('awk', rest[0]), '', 2);
  const [program, ...files] = rest;
  if (program === undefined) return fail("usage: awk [-F fs] 'program' [file ...]", '', 2);
  const rule = parseProgram(program);
  if (!rule) return unsupported(program);
  let text: string | undefined;
  if (files.length === 0) text = input.stdin;
  else {
    text = '';
    for (const file of files) {
      const content = input.readFile(file);
      if (content === undefined) return fail(`awk: cannot open "${file}" (No such file or directory)`, '', 2);
      text += content.endsWith('\n') ? content : `${content}\n`;
    }
  }
  if (text === undefined) return fail(shellErrors.noInput('awk'), '', 2);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const split =
    separator === undefined || separator === ' '
      ? (line: string) => line.split(/[ \t]+/).filter(Boolean)
      : separator.length === 1
        ? (line: string) => line.split(separator)
        : (line: string) => line.split(new RegExp(separator));
  let out = '';
  lines.forEach((line, i) => {
    const fields = [line, ...split(line)];
    if (!rule.test(fields, i + 1, line)) return;
    const value = (term: Term) => {
      if ('text' in term) return term.text;
      if ('variable' in term) return String(term.variable === 'NR' ? i + 1 : fields.length - 1);
      return fields[term.field === 'NF' ? fields.length - 1 : term.field] ?? '';
    };
    out += `${rule.print.map((group) => group.map(value).join('')).join(' ')}\n`;
  });
  return ok(out);
};
