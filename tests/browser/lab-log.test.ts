// A lab is its log: reloads, permalinks, rewind and redo, branches, and a lab that breaks while
// the chapter around it stays readable. Run against the built export.
import type { Page } from 'playwright-core';
import { pageErrors, useBrowser } from './support/fixture';
import { labClock, labState, openLab, runInLab, shareLink } from './support/lab';

const b = useBrowser();
const clipboard = { permissions: ['clipboard-read', 'clipboard-write'] };

/** A few minutes of the node-failure lab: a command, a node off, the clock moved, a hint. */
async function playSome(page: Page) {
  const lab = await openLab(page, 'node-failure');
  await runInLab(lab, 'kubectl get nodes');
  await lab.getByRole('button', { name: /^Power off worker-3/ }).click();
  await lab.getByRole('button', { name: /advance the clock 1 minute/ }).click();
  await expect.poll(() => labClock(lab).textContent(), { timeout: 15_000 }).toBe('1m30s');
  await lab.getByRole('button', { name: /Show a hint/ }).click();
  await expect.poll(() => lab.getByRole('group', { name: 'Timeline' }).getByText('worker-3 NotReady').count()).toBeGreaterThan(0);
  return lab;
}

describe('a lab is kept, shared and rewound as its log', () => {
  it('a reload mid-way brings back the clock, terminal, timeline, revealed hints and checks', async () => {
    const page = await b.open('/chapters/node-failure');
    const lab = await playSome(page);
    // Hints and checks follow the worker's post after the last action: wait for them.
    await expect.poll(async () => (await labState(lab)).hints).toHaveLength(1);
    await expect.poll(async () => (await labState(lab)).checks.some((c) => c.includes('is-passed'))).toBe(true);
    const before = await labState(lab);
    await page.reload({ waitUntil: 'networkidle' });
    const again = await openLab(page, 'node-failure');
    await expect.poll(() => labClock(again).textContent()).toBe('1m30s');
    await expect.poll(() => labState(again)).toEqual(before);
    expect(pageErrors(page)).toEqual([]);
  });

  it('a permalink opened in a fresh browser reaches the same state hash', async () => {
    const page = await b.open('/chapters/node-failure', clipboard);
    const lab = await playSome(page);
    const url = await shareLink(page, lab);
    expect(url).toMatch(/\?lab=node-failure\.[A-Za-z0-9_-]+#lab-node-failure$/);
    const before = await labState(lab);

    // A new context: no storage, no history of this reader.
    const other = await b.open(url.replace(/^https?:\/\/[^/]+/, ''));
    const shared = await openLab(other, 'node-failure');
    await expect.poll(() => shared.locator('.lab-notice').textContent()).toMatch(/this is the cluster exactly as it was shared/);
    // Hints are the reader's own: a link carries the cluster, not what its sender had revealed.
    await expect.poll(async () => ({ ...(await labState(shared)), hints: [] })).toEqual({ ...before, hints: [] });
    expect(pageErrors(other)).toEqual([]);
  });

  it('rewinds, redoes, and keeps the branch left behind reachable', async () => {
    const page = await b.open('/chapters/node-failure');
    const lab = await openLab(page, 'node-failure');
    const timeline = lab.getByRole('group', { name: 'Timeline' });
    await lab.getByRole('button', { name: /^Power off worker-3/ }).click();
    await lab.getByRole('button', { name: /advance the clock 1 minute/ }).click();
    await expect.poll(() => labClock(lab).textContent(), { timeout: 15_000 }).toBe('1m30s');
    await runInLab(lab, 'kubectl get nodes');

    await timeline.getByRole('button', { name: 'Rewind to 30s $ sim node fail worker-3' }).click();
    await expect.poll(() => labClock(lab).textContent()).toBe('30s');
    const redo = timeline.getByRole('button', { name: /^Redo to .*kubectl get nodes/ });
    await expect(redo.count()).resolves.toBe(1);
    await redo.click();
    await expect.poll(() => labClock(lab).textContent()).toBe('1m30s');
    await expect(lab.getByRole('button', { name: /^Power on worker-3 \(NotReady/ }).count()).resolves.toBe(1);

    // Something new after a rewind starts a branch; the old one is one button away.
    await timeline.getByRole('button', { name: 'Rewind to 30s $ sim node fail worker-3' }).click();
    await expect.poll(() => labClock(lab).textContent()).toBe('30s');
    await lab.getByRole('button', { name: /^Power on worker-3/ }).click();
    await expect.poll(() => timeline.getByRole('button', { name: /^Redo to/ }).count()).toBe(0);
    await expect.poll(() => lab.getByRole('button', { name: /^Power off worker-3 \(Ready/ }).count()).toBe(1);
    await lab.getByRole('button', { name: 'Go back to the branch you left' }).click();
    await expect.poll(() => labClock(lab).textContent()).toBe('1m30s');
    await expect(lab.getByRole('button', { name: /^Power on worker-3 \(NotReady/ }).count()).resolves.toBe(1);
    await expect(timeline.getByText('$ kubectl get nodes').count()).resolves.toBe(1);
    // And back again: the branch with worker-3 powered on again was kept in turn.
    await lab.getByRole('button', { name: 'Go back to the branch you left' }).click();
    await expect.poll(() => lab.getByRole('button', { name: /^Power off worker-3 \(Ready/ }).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('a lab that breaks leaves its chapter readable', () => {
  it('a throw inside the lab shows a message and a retry in its place; the retry brings the lab back', async () => {
    const page = await b.open('/chapters/node-failure');
    // The diagram measures itself with ResizeObserver: make the browser's one fail, as an old or
    // locked-down browser might, until the test lets it work again.
    await page.evaluate(() => {
      const Real = window.ResizeObserver;
      (window as unknown as { breakObserver: boolean }).breakObserver = true;
      window.ResizeObserver = class extends Real {
        constructor(callback: ResizeObserverCallback) {
          if ((window as unknown as { breakObserver: boolean }).breakObserver) throw new Error('ResizeObserver is not available');
          super(callback);
        }
      };
    });
    // Coming near the lab loads it, and the panel throws as it mounts its diagram.
    await page.locator('section.lab[data-lab="node-failure"]').scrollIntoViewIfNeeded();
    // Each lab has its own boundary: the node-failure lab's is the first (its neighbour below may have loaded too).
    const alert = page.getByRole('alert').filter({ hasText: 'The lab stopped working.' }).first();
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('ResizeObserver is not available');
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.locator('article h2').first().isVisible()).resolves.toBe(true);

    await page.evaluate(() => {
      (window as unknown as { breakObserver: boolean }).breakObserver = false;
    });
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('section.lab[data-lab="node-failure"] .lab-diagram-svg').waitFor();
  });

  it('a lab chunk that fails to load says so, and Start lab tries again', async () => {
    const page = await b.open('/chapters/node-failure');
    let blocked = true;
    // Only chunks asked for from now on: the chapter's own code has loaded already.
    await page.route('**/_next/static/chunks/**', (route) => (blocked ? route.abort('failed') : route.continue()));
    const card = page.locator('section.lab[data-lab="node-failure"]');
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('button', { name: /Start lab|Loading the lab/ }).click();
    await card.getByText('The lab could not load. Check your connection and press Start lab again.').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);

    blocked = false;
    await card.getByRole('button', { name: 'Start lab' }).click();
    await page.locator('section.lab[data-lab="node-failure"] .lab-diagram-svg').waitFor();
  });
});
