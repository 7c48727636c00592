import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { splitFrontmatter, parseYamlWith } from './frontmatter';
import { compileMdx, type CompiledMdx } from './mdx/compile';
import type { ContentProblem } from './errors';
import { displayPath } from './paths';

export interface LoadedMdx<T> {
  /** File name without extension: the slug or id. */
  name: string;
  file: string;
  data: T;
  /** The line of each top-level frontmatter field, for messages about its value. */
  keyLines: Record<string, number>;
  mdx: CompiledMdx;
}

/** Markdown-ish files in a folder, sorted so every build sees them in the same order. */
export async function listMdxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

type LoadResult<T> = { loaded: LoadedMdx<T> } | { problems: ContentProblem[] };

// Compiling is the slow part; keep each file's result until the file changes (dev reloads).
const compiledFiles = new Map<string, { mtimeMs: number; schema: z.ZodType; result: Promise<LoadResult<unknown>> }>();

/** Reads one file: frontmatter validated by `schema`, body compiled. Problems instead of throws. */
export async function loadMdxFile<S extends z.ZodType>(absolute: string, schema: S): Promise<LoadResult<z.infer<S>>> {
  const { mtimeMs } = await stat(absolute);
  const hit = compiledFiles.get(absolute);
  if (hit && hit.mtimeMs === mtimeMs && hit.schema === schema) return hit.result as Promise<LoadResult<z.infer<S>>>;
  const result = readAndCompile(absolute, schema);
  compiledFiles.set(absolute, { mtimeMs, schema, result });
  return result;
}

async function readAndCompile<S extends z.ZodType>(absolute: string, schema: S): Promise<LoadResult<z.infer<S>>> {
  const file = displayPath(absolute);
  const source = await readFile(absolute, 'utf8');
  const split = splitFrontmatter(source.replace(/\r\n/g, '\n'));
  if ('message' in split) return { problems: [{ ...split, file }] };
  const parsed = parseYamlWith(file, split.yaml, schema, 2, 'frontmatter field');
  const compiled = await compileMdx(file, split.body);
  const problems = [...('problems' in parsed ? parsed.problems : []), ...('problems' in compiled ? compiled.problems : [])];
  if ('problems' in parsed || 'problems' in compiled) return { problems };
  return {
    loaded: {
      name: path.basename(absolute).replace(/\.mdx?$/, ''),
      file,
      data: parsed.data,
      keyLines: parsed.keyLines,
      mdx: compiled.compiled,
    },
  };
}
