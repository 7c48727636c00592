// Site budgets, measured from the static export (run `npm run build` first):
//   npx tsx bench/site/run.ts [--runs 5] [--page chapters/namespaces] [--floor]
// Goals: a chapter page loads at most 150 kB gzip of JS, and scores at least 98 on Lighthouse performance.
// --floor also builds the smallest possible Next 16 page (bench/site/floor.ts) and scores it the
// same way: the best score any App Router page can reach on this machine.
import os from 'node:os';
import path from 'node:path';
import { buildFrameworkFloor } from './floor';
import { measurePageJs } from './js-size';
import { performanceScore } from './lighthouse';
import { serveExportInChild } from './serve-child';

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
  console.log(
    `  ${p.padEnd(40)} ${kb(size.gzip).padStart(9)} gzip  (${kb(size.raw)} raw, ${size.files.length} files; inline scripts ${kb(size.inlineGzip)} gzip)`,
  );
}

async function report(label: string, dir: string, page: string) {
  const server = await serveExportInChild(dir);
  try {
    for (const preset of ['mobile', 'desktop'] as const) {
      const scores = [];
      for (let i = 0; i < runs; i++) scores.push(await performanceScore(`${server.url}/${page}`, preset));
      console.log(`\nLighthouse performance on ${label} (${runs} runs, ${preset} preset):`);
      console.log(`  scores ${scores.map((s) => s.score).join(', ')}; median ${median(scores.map((s) => s.score))}`);
      console.log(
        `  median LCP ${median(scores.map((s) => s.lcp))} ms, TBT ${median(scores.map((s) => s.tbt))} ms, CLS ${median(scores.map((s) => s.cls))}`,
      );
    }
  } finally {
    await server.close();
  }
}

await report(`/${pageArg}`, outDir, pageArg);
if (process.argv.includes('--floor')) {
  const floorOut = buildFrameworkFloor();
  console.log(`\nframework floor page: ${kb((await measurePageJs(floorOut, 'index.html')).gzip)} gzip of JS`);
  await report('the framework floor page', floorOut, '');
}
