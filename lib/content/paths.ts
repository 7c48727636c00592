import path from 'node:path';

/** Where content lives; tests point this at fixture folders. */
export function defaultContentRoot(): string {
  return process.env.CLUSTERBOOK_CONTENT_DIR ?? path.join(process.cwd(), 'content');
}

/** Paths in messages are relative to the project so they can be clicked in a terminal. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
