import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The originality check of issue 19: no run of SHINGLE words from the study notes may appear in
 * content/ unless every word of it sits inside a quotation.
 *
 * What counts as a quotation (and nothing else does):
 * - a Markdown blockquote: a line of an .mdx file whose first non-blank character is `>`;
 * - text between a pair of double quotation marks on one line, straight ("...") or curly (“...”).
 *
 * Quiz and part files are YAML: their string values are checked after parsing, so the quotes YAML
 * itself uses around a value are syntax, not a quotation. Code is checked like prose, because a
 * copied sentence in a code block is still copied.
 */
export const SHINGLE = 8;

export interface Token {
  word: string;
  quoted: boolean;
}

export interface CopiedRun {
  file: string;
  text: string;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const quotePairs = [/"[^"\n]*"/g, /“[^”\n]*”/g];

/** Character ranges of a text that are inside a quotation. */
function quotedRanges(text: string, blockquotes: boolean): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of quotePairs) for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  if (blockquotes) {
    let offset = 0;
    for (const line of text.split('\n')) {
      if (/^\s*>/.test(line)) ranges.push([offset, offset + line.length]);
      offset += line.length + 1;
    }
  }
  return ranges;
}

/** Lower-case words of a text, each marked with whether it lies inside a quotation. */
export function tokenize(text: string, { blockquotes }: { blockquotes: boolean }): Token[] {
  const ranges = quotedRanges(text, blockquotes);
  return [...text.matchAll(wordPattern)].map((m) => ({
    word: m[0].toLowerCase().replace(/’/g, "'"),
    quoted: ranges.some(([start, end]) => m.index >= start && m.index < end),
  }));
}

/** Every SHINGLE-word window of the notes, joined by spaces. */
export function shinglesOf(texts: string[]): Set<string> {
  const set = new Set<string>();
  for (const text of texts) {
    const words = tokenize(text, { blockquotes: false }).map((t) => t.word);
    for (let i = 0; i + SHINGLE <= words.length; i++) set.add(words.slice(i, i + SHINGLE).join(' '));
  }
  return set;
}

/** Runs of copied words (overlapping windows merged) that are not wholly inside quotations. */
export function copiedRuns(tokens: Token[], shingles: Set<string>): string[] {
  const copied = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const window = tokens.slice(i, i + SHINGLE);
    if (!shingles.has(window.map((t) => t.word).join(' '))) continue;
    if (window.every((t) => t.quoted)) continue;
    for (let j = i; j < i + SHINGLE; j++) copied[j] = true;
  }
  const runs: string[] = [];
  let current: string[] = [];
  for (const [i, isCopied] of copied.entries()) {
    if (isCopied) current.push(tokens[i].word);
    else if (current.length) {
      runs.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) runs.push(current.join(' '));
  return runs;
}

function yamlStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) yamlStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yamlStrings(v, out);
  return out;
}

/** The checkable text units of one content file: the whole file for MDX, each string value for YAML. */
export function unitsOf(file: string, source: string): { text: string; blockquotes: boolean }[] {
  if (file.endsWith('.mdx') || file.endsWith('.md')) return [{ text: source, blockquotes: true }];
  if (file.endsWith('.yaml') || file.endsWith('.yml')) {
    const strings = parseAllDocuments(source).flatMap((doc) => yamlStrings(doc.toJS()));
    return strings.map((text) => ({ text, blockquotes: false }));
  }
  return [];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** Every copied run in a content folder, against the notes in a seeds folder. */
export function findCopies(contentDir: string, seedTexts: string[]): CopiedRun[] {
  const shingles = shinglesOf(seedTexts);
  const found: CopiedRun[] = [];
  for (const file of walk(contentDir).sort()) {
    for (const unit of unitsOf(file, readFileSync(file, 'utf8'))) {
      for (const text of copiedRuns(tokenize(unit.text, unit), shingles)) found.push({ file: path.relative(contentDir, file), text });
    }
  }
  return found;
}

/**
 * Where the study notes are: CLUSTERBOOK_SEEDS if set, else shared/seeds beside the repository
 * (CI keeps a read-only copy of shared/ next to the checkout), else one level further up, which is
 * where it sits for a git worktree under /work/wt.
 */
export function seedsDir(repoRoot: string): string | undefined {
  const candidates = [
    process.env.CLUSTERBOOK_SEEDS,
    path.resolve(repoRoot, '../shared/seeds'),
    path.resolve(repoRoot, '../../shared/seeds'),
  ];
  return candidates.find((dir): dir is string => !!dir && existsSync(dir));
}
