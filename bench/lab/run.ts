// Lab budgets, measured from the static export (run `npm run build` first, under the shared lock):
//   flock /tmp/clusterbook-build.lock npx tsx bench/lab/run.ts [--runs 3] [--seconds 8]
// 1. The lab's own JS: gzip -9 of the chunks a chapter loads once its lab comes near, beyond what
//    the chapter loads at start. 2. The chapter's first-load JS, with and without a lab.
// 3. Responsiveness: long tasks and the longest frame while a 10-worker cluster plays at 60x.
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { measurePageJs } from '../site/js-size';
import { launchChromium } from '../../tests/browser/support/browser';
import { serveExport } from '../../tests/browser/support/server';
import { playAt60x } from './frames';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', '3'));
const seconds = Number(arg('seconds', '8'));
const outDir = path.join(process.cwd(), 'out');
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gzipOf = async (pathname: string) => gzipSync(await readFile(path.join(outDir, pathname.replace(/^\//, ''))), { level: 9 }).length;

console.log(
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, node ${process.version}\n`,
);

const withLab = await measurePageJs(outDir, 'chapters/node-failure.html');
const withoutLab = await measurePageJs(outDir, 'chapters/namespaces.html');
console.log('Chapter first-load JS (gzip -9 of every <script src> in the HTML):');
console.log(`  chapters/node-failure (4 labs)  ${kb(withLab.gzip).padStart(9)}  (${withLab.files.length} files)`);
console.log(`  chapters/namespaces (no lab)    ${kb(withoutLab.gzip).padStart(9)}  (${withoutLab.files.length} files)`);

const server = await serveExport();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) requested.push(url.pathname);
  });
  await page.goto(`${server.url}/chapters/node-failure`, { waitUntil: 'networkidle' });
  const atStart = new Set(requested);
  const lab = page.locator('section.lab[data-lab="node-failure"]');
  await lab.scrollIntoViewIfNeeded();
  await lab.locator('.lab-diagram-svg').waitFor();
  await page.waitForLoadState('networkidle');
  const labChunks = [...new Set(requested)].filter((src) => !atStart.has(src));
  const sizes = await Promise.all(labChunks.map(async (src) => ({ src, gzip: await gzipOf(src) })));
  const labGzip = sizes.reduce((n, s) => n + s.gzip, 0);
  console.log(`\nThe lab's own JS, loaded when the first lab nears the viewport: ${kb(labGzip)} gzip in ${sizes.length} chunks`);
  for (const s of sizes.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${s.src.padEnd(48)} ${kb(s.gzip).padStart(9)}`);
  await context.close();

  console.log(
    `\nPlaying cluster-tour (1 control plane + 10 workers, 20 replicas, worker-5 powered off) at 60x for ${seconds} s, ${runs} runs:`,
  );
  const reports = [];
  for (let i = 0; i < runs; i++) {
    const runContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const runPage = await runContext.newPage();
    await runPage.goto(`${server.url}/chapters/nodes-and-clusters`, { waitUntil: 'networkidle' });
    const report = await playAt60x(runPage, seconds);
    reports.push(report);
    console.log(
      `  run ${i + 1}: ${report.frames} frames to ${report.simulated}; longest frame ${report.longestFrameMs.toFixed(1)} ms; ` +
        `longest task ${report.longestTaskCpuMs.toFixed(1)} ms CPU; ` +
        `long tasks ${report.longTasks.length ? report.longTasks.map((t) => t.toFixed(0)).join(', ') + ' ms' : 'none'} (load ${os.loadavg()[0].toFixed(1)})`,
    );
    await runContext.close();
  }
  console.log(
    `  median longest frame ${median(reports.map((r) => r.longestFrameMs)).toFixed(1)} ms; ` +
      `longest task ${Math.max(...reports.map((r) => r.longestTaskCpuMs)).toFixed(1)} ms CPU; ` +
      `runs without a long task: ${reports.filter((r) => r.longTasks.length === 0).length} of ${runs}`,
  );
} finally {
  await browser.close();
  await server.close();
}
