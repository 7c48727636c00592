// The lab off the main thread, measured from the static export (run `npm run build` first):
//   node --expose-gc --import tsx bench/lab/advance.ts [--runs 3]
// 1. `sim advance 24h` in the node-failure lab: typed in Chromium's lab (the worker runs it in
//    slices) against the same script in Node (`clusterbook cluster --script`), wall clock.
// 2. The lab usable after navigation with the CPU throttled 4x: the prompt has answered a command.
// 3. Heap of a 1,000-replica, 130-command session: the page's and the worker's (CDP
//    Runtime.getHeapUsage after a collection), and the same session in Node for comparison.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { logOf, savedLabKey, scriptLines } from '../../lib/labs';
import { launchChromium } from '../../tests/browser/support/browser';
import { serveExport } from '../../tests/browser/support/server';
import { scenario, settleJump, startSession } from '../../tests/labs/support/labs';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', '3'));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, node ${process.version}, load average ${load()}\n`);

// 1a. The same script in Node, through the CLI (process start included, as a reader would run it).
const lab = await scenario('node-failure');
const dir = mkdtempSync(path.join(os.tmpdir(), 'advance-'));
for (const [name, text] of Object.entries(lab.files)) writeFileSync(path.join(dir, name), text);
const script = [`sim init --workers ${lab.cluster.workers}`, ...scriptLines(lab.setup), 'sim advance 24h'].join('\n');
writeFileSync(path.join(dir, 'script.sh'), `${script}\n`);
const cli = path.join(process.cwd(), 'bin/clusterbook.mjs');
const nodeTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  execFileSync('node', [cli, 'cluster', '--seed', String(lab.cluster.seed), '--script', 'script.sh'], { cwd: dir, stdio: 'pipe' });
  nodeTimes.push(performance.now() - start);
}
console.log(
  `Node, clusterbook cluster --script (setup + sim advance 24h): ${nodeTimes.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}`,
);

const server = await serveExport();
const browser = await launchChromium();

async function openLab(page: Page) {
  const section = page.locator('section.lab[data-lab="node-failure"]');
  await section.first().scrollIntoViewIfNeeded();
  await section.locator('.lab-diagram-svg').waitFor({ timeout: 120_000 });
  return section;
}

// 1b. The advance typed into the lab in Chromium: Enter to the "advanced 24h" note.
async function advanceInChromium(b: Browser): Promise<number> {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.url}/chapters/node-failure`, { waitUntil: 'networkidle' });
  const section = await openLab(page);
  const input = section.getByRole('textbox', { name: 'Command' });
  await input.fill('sim advance 24h');
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const log = document.querySelector('section.lab[data-lab="node-failure"] [role="log"]')!;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (/advanced 24h0m0s/.test(log.textContent ?? '')) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(log, { childList: true, subtree: true, characterData: true });
        const field = document.querySelector<HTMLInputElement>('section.lab[data-lab="node-failure"] .lab-term-input input')!;
        field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }),
  );
  await context.close();
  return ms;
}

const chromiumTimes: number[] = [];
for (let i = 0; i < runs; i++) chromiumTimes.push(await advanceInChromium(browser));
console.log(`Chromium lab, sim advance 24h (Enter to the done note): ${chromiumTimes.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}`);
console.log(
  `  median ${(median(chromiumTimes) / 1000).toFixed(2)} s against ${(median(nodeTimes) / 1000).toFixed(2)} s in Node: ${(median(chromiumTimes) / median(nodeTimes)).toFixed(2)}x (goal: within 2x); load ${load()}\n`,
);

// 2. Usable after navigation, CPU throttled 4x: navigation start to the answer of a first command.
async function usableAt(b: Browser): Promise<number> {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.url}/chapters/node-failure`, { waitUntil: 'commit' });
  const section = await openLab(page);
  const input = section.getByRole('textbox', { name: 'Command' });
  await input.fill('kubectl get nodes');
  await input.press('Enter');
  await section
    .getByText(/worker-3\s+Ready/)
    .first()
    .waitFor();
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}
const usable: number[] = [];
for (let i = 0; i < runs; i++) usable.push(await usableAt(browser));
console.log(
  `Lab usable after navigation, 4x CPU throttle (scroll to the lab, run kubectl get nodes, see its answer): ${usable.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} (goal: 2.5 s); load ${load()}\n`,
);

// 3. A 1,000-replica, 130-command session, built in Node and saved as the reader's lab, then
//    replayed by the page on load (the replay takes the same restore points a live session does).
const commands = ['kubectl scale deployment web --replicas=1000'];
for (let i = 1; i < 130; i++) {
  if (i === 40) commands.push('sim node fail worker-3');
  else if (i === 90) commands.push('sim node recover worker-3');
  else commands.push(['sim advance 20s', 'kubectl get deployment web', 'kubectl get nodes'][i % 3]);
}
const built = performance.now();
const session = startSession(lab);
for (const command of commands) {
  session.send({ type: 'RUN', command });
  settleJump(session, 1_000_000);
}
const context = session.getSnapshot().context;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
console.log(
  `Session: ${commands.length} commands, ${context.view.pods.length} pods, ${context.log.length} events, ${context.checkpoints.length} restore points (built in Node in ${((performance.now() - built) / 1000).toFixed(1)} s)`,
);
if (gc) console.log(`  Node heap with the session live: ${mb(process.memoryUsage().heapUsed)}`);
const saved = JSON.stringify({ ...logOf(context), hints: 0, solution: false });
session.stop();

async function heapOf(send: (method: string) => Promise<unknown>): Promise<number> {
  await send('HeapProfiler.enable');
  await send('HeapProfiler.collectGarbage');
  const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

for (let i = 0; i < runs; i++) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' })).newPage();
  await page.goto(`${server.url}/chapters/node-failure`, { waitUntil: 'networkidle' });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [savedLabKey('node-failure'), saved] as const);
  const replayStart = performance.now();
  await page.reload({ waitUntil: 'networkidle' });
  await openLab(page);
  const replayMs = performance.now() - replayStart;
  const pageCdp = await page.context().newCDPSession(page);
  const pageHeap = await heapOf((method) => pageCdp.send(method as 'Runtime.getHeapUsage'));
  // The worker's own isolate, through the browser's target list.
  const browserCdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await browserCdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
  const workers = targetInfos.filter((t) => t.type === 'worker');
  let workerHeap = 0;
  for (const target of workers) {
    const { sessionId } = (await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
      sessionId: string;
    };
    let nextId = 1;
    const pending = new Map<number, (result: unknown) => void>();
    browserCdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) pending.get(message.id)?.(message.result);
    });
    const send = (method: string) =>
      new Promise<unknown>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        void browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    workerHeap += await heapOf(send);
  }
  console.log(
    `Run ${i + 1}: replay to the panel ${(replayMs / 1000).toFixed(1)} s; heap: page ${mb(pageHeap)}, worker ${mb(workerHeap)} (${workers.length} worker), total ${mb(pageHeap + workerHeap)} (goal: under 100 MB); load ${load()}`,
  );
  await page.context().close();
}

await browser.close();
await server.close();
