import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { defaultContentRoot } from './paths';

/** A number that changes whenever any content file changes: the newest mtime plus the file count. */
export async function contentRevision(root = defaultContentRoot()): Promise<string> {
  let newest = 0;
  let count = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        count++;
        newest = Math.max(newest, (await stat(full)).mtimeMs);
      }
    }
  };
  await walk(root);
  return `${Math.round(newest)}-${count}`;
}
