// Run after `next build` (see package.json "build"): writes each exported page's
// Content-Security-Policy, with the hashes of that page's inline scripts, into its <head>; then
// generates the service worker over the final files.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeServiceWorker } from '../offline/generate-sw';
import { withPolicy } from './csp';

const outDir = path.resolve(process.argv[2] ?? 'out');
const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
const pages = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
for (const page of pages) await writeFile(page, withPolicy(await readFile(page, 'utf8')));
console.log(`Content-Security-Policy written into ${pages.length} pages of ${path.relative(process.cwd(), outDir) || '.'}`);
const { count, size, warnings } = await writeServiceWorker(outDir);
for (const warning of warnings) console.warn(`service worker: ${warning}`);
console.log(`Service worker precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`);
