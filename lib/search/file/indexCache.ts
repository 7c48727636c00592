// The CLI's copy of the search index: compiling every chapter takes seconds, reading this file
// milliseconds. It is rebuilt whenever a content file is newer than it, so it never answers from
// notes that have changed. Node only.
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchIndexFile } from '../types';
import { parseSearchIndex, SearchIndexError } from './parseSearchIndex';

/** The newest modification time of any file under `dir` (0 when it is missing). */
async function newestChange(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const times = await Promise.all(
    entries.map(async (e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? newestChange(full) : (await stat(full)).mtimeMs;
    }),
  );
  return Math.max(0, ...times);
}

/**
 * The index from `cacheFile` when it is newer than every file under `sources` (the content, and
 * the code that turns it into records) and still valid; otherwise `build()` makes it, and it is
 * written for next time (atomically, so two runs at once cannot leave half a file).
 */
export async function cachedSearchIndex(
  cacheFile: string,
  sources: readonly string[],
  build: () => Promise<SearchIndexFile>,
): Promise<SearchIndexFile> {
  const [cached, ...times] = await Promise.all([stat(cacheFile).catch(() => undefined), ...sources.map(newestChange)]);
  const changed = Math.max(0, ...times);
  if (cached && cached.mtimeMs >= changed) {
    try {
      return parseSearchIndex(JSON.parse(await readFile(cacheFile, 'utf8')));
    } catch (error) {
      // A damaged or outdated cache is rebuilt, not reported: the reader asked for a search.
      if (!(error instanceof SearchIndexError) && !(error instanceof SyntaxError)) throw error;
    }
  }
  const index = await build();
  await mkdir(path.dirname(cacheFile), { recursive: true });
  const partial = `${cacheFile}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(index));
  await rename(partial, cacheFile);
  return index;
}
