import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { pageErrors, useBrowser } from './support/fixture';
import { styleRulesPresent } from './support/stylesheets';

const b = useBrowser();

/** Scrolls to a lab and waits for its panel (the lab loads as it nears the viewport). */
async function openLab(page: Page, id: string) {
  const lab = page.locator(`section.lab[data-lab="${id}"]`);
  await lab.scrollIntoViewIfNeeded();
  await lab.locator('.lab-diagram-svg').waitFor();
  return lab;
}

/** Serious axe violations, split into those inside a lab and those elsewhere on the chapter. */
async function violationsByPlace(page: Page) {
  const violations = await seriousViolations(page);
  const inside = await Promise.all(
    violations.map((v) =>
      page.evaluate(
        (targets) => targets.some((t) => document.querySelector(t)?.closest('section.lab') != null),
        v.nodes.map((n) => n.target[0]),
      ),
    ),
  );
  return { inLab: violations.filter((_, i) => inside[i]), elsewhere: violations.filter((_, i) => !inside[i]) };
}

const clock = (page: Page, id: string) => page.locator(`section.lab[data-lab="${id}"] span.lab-clock-time`);

describe('a reader does the node-failure lab in Chromium', () => {
  it('fails a node by clicking it, moves the clock on, watches the replacements appear and the checks turn green', async () => {
    const page = await b.open('/chapters/node-failure');
    const lab = await openLab(page, 'node-failure');
    await expect(lab.getByText('0 of 4 pass').isVisible()).resolves.toBe(true);
    const held = await lab.locator('[data-node="worker-3"] .lab-pod').count();
    expect(held).toBeGreaterThan(0);
    await lab.locator('[data-node="worker-3"] .lab-node-name').click();
    await expect.poll(() => lab.getByRole('button', { name: /^Power on worker-3 \(Ready, powered off/ }).count()).toBe(1);

    await lab.getByRole('button', { name: /advance the clock 1 minute/ }).click();
    await expect.poll(() => clock(page, 'node-failure').textContent(), { timeout: 10_000 }).toBe('1m30s');
    await expect.poll(() => lab.getByRole('button', { name: /^Power on worker-3 \(NotReady, powered off/ }).count()).toBe(1);
    await expect(lab.getByText('2 of 4 pass').isVisible()).resolves.toBe(true);
    const timeline = lab.getByRole('group', { name: 'Timeline' });
    await expect(timeline.getByText('worker-3 NotReady').isVisible()).resolves.toBe(true);

    await lab.getByRole('button', { name: /advance the clock 5 minutes/ }).click();
    await expect.poll(() => clock(page, 'node-failure').textContent(), { timeout: 15_000 }).toBe('6m30s');
    await lab.getByRole('button', { name: /advance the clock 10 seconds/ }).click();
    await expect.poll(() => lab.getByText('4 of 4 pass').count(), { timeout: 10_000 }).toBe(1);
    await expect(lab.getByText('Lab complete', { exact: true }).isVisible()).resolves.toBe(true);
    const chips = await lab.locator('.lab-pod.lab-phase--Running').count();
    expect(chips).toBeGreaterThanOrEqual(3);
    await expect(lab.locator('[data-node="worker-3"] .lab-pod.lab-phase--Terminating').count()).resolves.toBe(held);
    const saved = await page.evaluate(() =>
      Object.keys(JSON.parse(localStorage.getItem('clusterbook.progress') ?? '{"labs":{}}').labs ?? {}),
    );
    expect(saved).toContain('node-failure');
    expect(pageErrors(page)).toEqual([]);
  });

  it('uses the terminal: a command with its output, history with Up, tab completion and a kubectl error', async () => {
    const page = await b.open('/chapters/node-failure');
    const lab = await openLab(page, 'node-failure');
    const input = lab.getByRole('textbox', { name: 'Command' });
    await input.fill('kubectl get nodes');
    await input.press('Enter');
    const output = lab.getByRole('log', { name: 'Terminal output' });
    await expect.poll(() => output.textContent()).toMatch(/worker-3\s+Ready\s+<none>/);
    await input.pressSequentially('kubectl get po');
    await input.press('Tab');
    await expect(input.inputValue()).resolves.toBe('kubectl get pod');
    await input.fill('kubectl describe node worker-');
    await input.press('Tab');
    await expect(lab.locator('.lab-term-candidates').textContent()).resolves.toContain('worker-1   worker-2   worker-3');
    await input.fill('kubectl drian worker-1');
    await input.press('Enter');
    await expect
      .poll(() => output.locator('.lab-term-stderr').last().textContent())
      .toMatch(/^error: unknown command "drian" for "kubectl"\s+Did you mean this\?\s+drain/);
    await input.press('ArrowUp');
    await expect(input.inputValue()).resolves.toBe('kubectl drian worker-1');
    await input.press('Control+l');
    await expect.poll(() => output.textContent()).toBe('');
  });

  it('rewinds to an earlier moment on the timeline, then resets', async () => {
    const page = await b.open('/chapters/node-failure');
    const lab = await openLab(page, 'node-failure');
    await lab.getByRole('button', { name: /^Power off worker-3/ }).click();
    // The speed is the session's state: it shows as checked once the worker posts it back.
    await lab.getByRole('radio', { name: '60x' }).click();
    await lab.locator('input[type="radio"][value="60"]:checked').waitFor();
    await lab.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => lab.getByRole('button', { name: /^Power on worker-3 \(NotReady/ }).count(), { timeout: 15_000 }).toBe(1);
    await lab.getByRole('button', { name: 'Pause' }).click();
    await lab.getByRole('button', { name: 'Rewind to 30s $ sim node fail worker-3' }).click();
    await expect.poll(() => clock(page, 'node-failure').textContent()).toBe('30s');
    // The worker posts the rewound session: the diagram and the controls follow the clock.
    await expect.poll(() => lab.getByRole('button', { name: /^Power on worker-3 \(Ready, powered off/ }).count()).toBe(1);
    await expect.poll(() => lab.getByRole('button', { name: 'Play' }).count()).toBe(1);
    await lab.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => lab.getByRole('button', { name: /^Power off worker-3 \(Ready, \d+ pods?\)$/ }).count()).toBe(1);
    await expect.poll(() => lab.getByRole('group', { name: 'Timeline' }).getByRole('button').count()).toBe(1);
  });

  it('is usable by keyboard alone: Tab reaches a node, Enter powers it off', async () => {
    const page = await b.open('/chapters/node-failure');
    const lab = await openLab(page, 'node-failure');
    await lab.getByRole('button', { name: 'Reset' }).focus();
    let focused = '';
    for (let i = 0; i < 12 && !focused.startsWith('Power off worker-1'); i++) {
      await page.keyboard.press('Tab');
      focused = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '';
    }
    expect(focused).toMatch(/^Power off worker-1 \(Ready/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/^Power on worker-1 \(Ready, powered off/);
  });

  it('has no serious or critical axe violations with the lab loaded, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await b.open('/chapters/node-failure', { colorScheme });
      const lab = await openLab(page, 'node-failure');
      await lab.getByRole('button', { name: /^Power off worker-3/ }).click();
      await lab.getByRole('button', { name: /Show a hint/ }).click();
      await lab.getByRole('button', { name: 'Show the solution' }).click();
      const { inLab, elsewhere } = await violationsByPlace(page);
      expect(inLab, colorScheme).toEqual([]);
      // Problems outside the lab belong to other parts of the page; they are listed, not judged, here.
      if (elsewhere.length) console.warn(`axe, outside the lab (${colorScheme}):`, elsewhere.map((v) => v.id).join(', '));
    }
  });

  it('fits a 390px phone without widening the page, and switches to the table view', async () => {
    const page = await b.open('/chapters/node-failure', { viewport: { width: 390, height: 844 } });
    const lab = await openLab(page, 'node-failure');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await lab.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    // Completed, the header holds a badge beside Share and Full screen: they wrap, none runs off the lab.
    const input = lab.getByRole('textbox', { name: 'Command' });
    for (const command of ['sim node fail worker-3', 'sim advance 6m30s']) {
      await input.fill(command);
      await input.press('Enter');
    }
    await lab.locator('.lab-badge').waitFor();
    const outside = await lab.evaluate((section) => {
      const { left, right } = section.getBoundingClientRect();
      return [...section.querySelectorAll('.lab-header *')]
        .map((e) => ({ text: e.textContent, box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.right > right + 0.5 || box.left < left - 0.5))
        .map(({ text }) => text);
    });
    expect(outside).toEqual([]);
    await lab.getByRole('button', { name: 'Show as a table' }).click();
    await expect(lab.getByRole('table', { name: 'Nodes and pods' }).isVisible()).resolves.toBe(true);
  });

  it('turns animations off for readers who ask for reduced motion', async () => {
    const page = await b.open('/chapters/node-failure', { reducedMotion: 'reduce' });
    const lab = await openLab(page, 'node-failure');
    const transition = await lab
      .locator('.lab-pod')
      .first()
      .evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(transition).toBe('0s');
  });
});

describe('labs cost nothing where they are not used', () => {
  /** Strings only the lab panel's code holds (its progress bar, its event explanations). */
  const panelMarkers = ['Advancing the clock', 'Why these events?'];
  /** Strings only the session machine, xstate and the cluster model hold: they belong in the lab's worker. */
  const modelMarkers = ['labSession', 'xstate.init', 'Kubernetes control plane is running at'];
  const labMarkers = [...panelMarkers, ...modelMarkers];

  async function loadedScripts(page: Page): Promise<string[]> {
    const urls = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.endsWith('.js')),
    );
    return Promise.all(urls.map(async (url) => (await fetch(url)).text()));
  }

  async function scriptBodies(route: string, scroll: boolean): Promise<string[]> {
    const page = await b.open(route);
    if (scroll) await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(500);
    return loadedScripts(page);
  }

  it('a chapter without a lab loads no lab, cluster or xstate code, even scrolled to the end', async () => {
    // Whichever chapter has no lab today (chapters gain labs over time).
    const dir = path.join(process.cwd(), 'content/chapters');
    const plain = readdirSync(dir).find((file) => !readFileSync(path.join(dir, file), 'utf8').includes('<ClusterLab'));
    expect(plain).toBeDefined();
    const bodies = await scriptBodies(`/chapters/${plain!.replace(/\.mdx$/, '')}`, true);
    expect(bodies.length).toBeGreaterThan(0);
    for (const marker of labMarkers)
      expect(
        bodies.some((body) => body.includes(marker)),
        marker,
      ).toBe(false);
  });

  it('a chapter with a lab loads the panel only once the lab is near, and never the model its worker runs', async () => {
    const before = await scriptBodies('/chapters/control-plane-failures', false);
    for (const marker of labMarkers)
      expect(
        before.some((body) => body.includes(marker)),
        marker,
      ).toBe(false);
    const page = await b.open('/chapters/control-plane-failures');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    // The lab's chunks arrive a moment after it comes near; on a busy machine that moment varies.
    const missing = async () => {
      const bodies = await loadedScripts(page);
      return labMarkers.filter((marker) => !bodies.some((body) => body.includes(marker)));
    };
    await expect.poll(missing, { timeout: 20_000, interval: 500 }).toEqual(modelMarkers);
    // The session machine and the cluster run in the lab's worker, which the lab now uses: the page never loads them.
    await page.locator('section.lab[data-runs="worker"]').first().waitFor({ timeout: 30_000 });
    expect(await missing()).toEqual(modelMarkers);
  });

  it("a chapter's stylesheets leave out the running lab's styles until a lab loads, which then arrive with it", async () => {
    // Rules only the running lab uses: one from each of its stylesheets.
    const panelSelectors = ['.lab-checks', '.lab-node-frame', '.lab-tl-track', '.lab-term-scrollback'];
    const present = (page: Page) => styleRulesPresent(page, panelSelectors);
    const page = await b.open('/chapters/control-plane-failures');
    expect(await present(page)).toEqual([]);
    const lab = await openLab(page, 'etcd-quorum');
    await expect.poll(() => present(page)).toEqual(panelSelectors);
    const scrollback = lab.locator('.lab-term-scrollback');
    await expect(scrollback.evaluate((el) => getComputedStyle(el).overflowY)).resolves.toBe('auto');
  });
});
