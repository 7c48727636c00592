// Site budgets, measured from the static export (run `npm run build` first):
//   npx tsx bench/site/run.ts [--runs 5] [--page chapters/namespaces]
// Goals: a chapter page loads at most 150 kB gzip of JS, and scores at least 98 on Lighthouse performance.
import os from 'node:os';
import path from 'node:path';
import { measurePageJs } from './js-size';
import { performanceScore } from './lighthouse';
import { serveExport } from '../../tests/browser/support/server';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', '5'));
const pageArg = arg('page', 'chapters/containers-and-images');
const outDir = path.join(process.cwd(), 'out');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

const pages = ['index.html', `${pageArg}.html`, 'glossary.html'];
console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}\n`);
console.log('JS loaded at start (gzip -9 of every <script src> in the page HTML):');
for (const p of pages) {
  const size = await measurePageJs(outDir, p);
  console.log(`  ${p.padEnd(40)} ${kb(size.gzip).padStart(9)} gzip  (${kb(size.raw)} raw, ${size.files.length} files; inline scripts ${kb(size.inlineGzip)} gzip)`);
}

const server = await serveExport();
try {
  for (const preset of ['mobile', 'desktop'] as const) {
    const scores = [];
    for (let i = 0; i < runs; i++) scores.push(await performanceScore(`${server.url}/${pageArg}`, preset));
    console.log(`\nLighthouse performance on /${pageArg} (${runs} runs, ${preset} preset):`);
    console.log(`  scores ${scores.map((s) => s.score).join(', ')}; median ${median(scores.map((s) => s.score))}`);
    console.log(`  median LCP ${median(scores.map((s) => s.lcp))} ms, TBT ${median(scores.map((s) => s.tbt))} ms, CLS ${median(scores.map((s) => s.cls))}`);
  }
} finally {
  await server.close();
}
