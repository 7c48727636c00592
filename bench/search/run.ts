// Search speed and size, over the real notes and a synthetic corpus ten times larger:
//   npx tsx bench/search/run.ts [--runs 5] [--rounds 10]
// Goals: p95 query time under 2 ms (real) and 16 ms (10x, one frame), index under 100 kB gzip.
// Results go, by hand, into bench/RESULTS.md under "## Search".
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { loadSite } from '@/lib/content';
import { createSearchEngine, searchIndexOfSite, splitSearchIndex, type SearchRecord } from '@/lib/search/node';
import { benchQueries } from './queries';
import { syntheticCorpus } from './syntheticCorpus';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 5);
const rounds = arg('rounds', 10);
const goals = { realP95: 2, tenfoldP95: 16, indexGzipKb: 100 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const ms = (n: number) => `${n.toFixed(2)} ms`;
const verdict = (value: number, goal: number) => (value < goal ? 'goal met' : 'GOAL MISSED');

/** One run: build the engine, warm it up, then time every query `rounds` times. */
function measure(records: readonly SearchRecord[]) {
  const started = performance.now();
  const engine = createSearchEngine(records);
  const buildMs = performance.now() - started;
  for (const q of benchQueries) engine.search(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of benchQueries) {
      const t = performance.now();
      engine.search(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { buildMs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1] };
}

const site = await loadSite();
const index = await searchIndexOfSite(site);
const json = JSON.stringify(index);
const gzipKb = gzipSync(json, { level: 9 }).length / 1024;
// What the browser fetches: the notes' file and the quiz questions' file (see searchConfig.quizIndexUrl).
const files = splitSearchIndex(index);
const fileKb = Object.fromEntries(
  Object.entries(files).map(([name, file]) => [name, gzipSync(JSON.stringify(file), { level: 9 }).length / 1024]),
);
const corpora = { real: index.records, tenfold: syntheticCorpus(index.records, 10) };

console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, node ${process.version}`);
console.log(`runs: ${runs} x ${rounds} rounds of ${benchQueries.length} queries; figures are the median over runs\n`);
console.log(
  `index: ${index.records.length} records, ${(json.length / 1024).toFixed(1)} kB raw, ${gzipKb.toFixed(1)} kB gzip -9 in one file`,
);
for (const [name, kb] of Object.entries(fileKb)) {
  console.log(
    `  ${name} file: ${files[name as keyof typeof files].records.length} records, ${kb.toFixed(1)} kB gzip -9 (${verdict(kb, goals.indexGzipKb)}: < ${goals.indexGzipKb} kB)`,
  );
}
console.log(
  `loadavg: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const [name, records] of Object.entries(corpora)) {
  const results = Array.from({ length: runs }, () => measure(records));
  const p95 = median(results.map((r) => r.p95));
  const goal = name === 'real' ? goals.realP95 : goals.tenfoldP95;
  console.log(
    `${name.padEnd(8)} ${String(records.length).padStart(5)} records: p50 ${ms(median(results.map((r) => r.p50)))}, p95 ${ms(p95)} ` +
      `(${verdict(p95, goal)}: < ${goal} ms), max ${ms(median(results.map((r) => r.max)))}, engine built in ${ms(median(results.map((r) => r.buildMs)))}`,
  );
}
