// `clusterbook search` without tsx: starting tsx alone takes longer than the whole search should
// (about 0.4 s of the 0.5 s budget). search.ts and lib/search are bundled once with esbuild into
// node_modules/.cache/clusterbook, rebuilt when any of their files is newer than the bundle, and
// run as plain JavaScript. bin/clusterbook.mjs prefers this file to search.ts.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.join(import.meta.dirname, '..', '..');
const bundle = path.join(root, 'node_modules', '.cache', 'clusterbook', 'search-cli.mjs');
const sources = [
  path.join(root, 'lib', 'search'),
  path.join(root, 'lib', 'content', 'paths.ts'),
  path.join(import.meta.dirname, 'search.ts'),
];

async function newest(file) {
  const info = await stat(file).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const names = await readdir(file);
  return Math.max(0, ...(await Promise.all(names.map((n) => newest(path.join(file, n))))));
}

async function ensureBundle() {
  const [built, ...times] = await Promise.all([newest(bundle), ...sources.map(newest)]);
  if (built && built >= Math.max(...times)) return;
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'search.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    alias: { '@': root },
    // Loaded at run time, and only to rebuild the index: tsx, and through it lib/content.
    external: ['tsx', 'tsx/*'],
    logLevel: 'error',
  });
}

export async function run(args) {
  await ensureBundle();
  const { run: search } = await import(pathToFileURL(bundle).href);
  return search(args, root);
}
