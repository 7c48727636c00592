import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { pageErrors, useBrowser } from './support/fixture';

const b = useBrowser();

async function openLab(page: Page, id: string) {
  const lab = page.locator(`section.lab[data-lab="${id}"]`);
  await lab.scrollIntoViewIfNeeded();
  await lab.locator('.lab-diagram-svg').waitFor();
  return lab;
}

async function run(lab: Locator, command: string) {
  const input = lab.getByRole('textbox', { name: /Command/ });
  await input.fill(command);
  await input.press('Enter');
  await lab.locator('.lab-term-command', { hasText: command }).first().waitFor();
}

/** node-failure with a Service over web and its workers labelled into two zones. */
async function zonedLabWithService(page: Page) {
  const lab = await openLab(page, 'node-failure');
  await run(lab, 'kubectl expose deployment web --port 80');
  for (const [node, zone] of [
    ['worker-1', 'zone-a'],
    ['worker-2', 'zone-b'],
    ['worker-3', 'zone-a'],
  ])
    await run(lab, `kubectl label node ${node} topology.kubernetes.io/zone=${zone}`);
  await lab.locator('[data-service="default/web"]').waitFor();
  await lab.locator('[data-zone="zone-b"]').waitFor();
  return lab;
}

describe('the lab diagram draws Services, zones and menus', () => {
  it('shows a Service with its endpoints, and a powered-off node’s pods move to not ready', async () => {
    const page = await b.open('/chapters/node-failure');
    const lab = await zonedLabWithService(page);
    const svc = lab.locator('[data-service="default/web"]');
    await expect(svc.locator('.lab-endpoint.is-ready').count()).resolves.toBe(3);
    // The default spreading places the replicas; whatever worker-3 holds leaves the ready set.
    const held = await lab.locator('[data-node="worker-3"] .lab-pod').count();
    expect(held).toBeGreaterThan(0);
    const send = lab.getByRole('button', { name: 'Send 10 requests to Service web' });
    await send.focus();
    await page.keyboard.press('Enter');
    await lab.locator('.lab-term-command', { hasText: 'sim curl web --count 10' }).waitFor();
    await expect(lab.getByRole('log', { name: 'Terminal output' }).textContent()).resolves.toMatch(/10\/10 requests succeeded/);
    await expect(lab.locator('[data-zone="zone-a"] .lab-zone-title').textContent()).resolves.toMatch(/zone zone-a · 2 of 2 nodes Ready/);
    await lab.getByRole('button', { name: /^Actions for worker-3 \(Ready/ }).click();
    await lab.getByRole('menuitem', { name: /^Power off/ }).click();
    await lab.getByRole('button', { name: /advance the clock 1 minute/ }).click();
    await expect.poll(() => svc.locator('.lab-endpoint.is-not-ready').count(), { timeout: 15_000 }).toBe(held);
    await expect(svc.locator('.lab-endpoint.is-ready').count()).resolves.toBe(3 - held);
    await expect(
      lab
        .getByRole('group', { name: 'Timeline' })
        .getByText(/svc\/web stops sending traffic to/)
        .count(),
    ).resolves.toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('reaches a pod’s menu by keyboard alone and runs a command from it', async () => {
    const page = await b.open('/chapters/node-failure');
    const lab = await openLab(page, 'node-failure');
    const chip = lab.getByRole('button', { name: /: actions for web-/ }).first();
    await chip.focus();
    await page.keyboard.press('Enter');
    const menu = lab.getByRole('menu');
    await menu.waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('menuitem');
    await page.keyboard.press('End');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^Delete the pod/);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^Describe the pod/);
    await page.keyboard.press('Enter');
    await expect(menu.count()).resolves.toBe(0);
    await expect(chip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await lab.locator('.lab-term-command', { hasText: 'kubectl describe pod web-' }).waitFor();
    await expect(lab.getByRole('log', { name: 'Terminal output' }).textContent()).resolves.toMatch(/Controlled By:\s+ReplicaSet\/web-/);
  });

  it('has no serious axe violations with Services, zones and an open menu, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await b.open('/chapters/node-failure', { colorScheme });
      const lab = await zonedLabWithService(page);
      await lab.getByRole('button', { name: /^Actions for worker-2/ }).click();
      await lab.getByRole('menu').waitFor();
      const violations = await seriousViolations(page);
      expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.context().close();
    }
  });

  it('full screen at 1280x720 shows the clock, the diagram and the prompt without scrolling', async () => {
    const page = await b.open('/chapters/node-failure', { viewport: { width: 1280, height: 720 } });
    const lab = await openLab(page, 'node-failure');
    await lab.getByRole('button', { name: 'Full screen' }).click();
    const inView = async (locator: Locator) => {
      const box = await locator.boundingBox();
      return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= 720 && box.x >= 0 && box.x + box.width <= 1280;
    };
    await expect(inView(lab.locator('.lab-clock-time'))).resolves.toBe(true);
    await expect(inView(lab.locator('.lab-diagram-svg'))).resolves.toBe(true);
    await expect(inView(lab.getByRole('textbox', { name: /Command/ }))).resolves.toBe(true);
    const diagram = (await lab.locator('.lab-diagram-svg').boundingBox())!;
    const prompt = (await lab.getByRole('textbox', { name: /Command/ }).boundingBox())!;
    expect(prompt.x).toBeGreaterThan(diagram.x + diagram.width - 1);
    // The lab covers the window and does not itself scroll (the page behind stays where it was).
    await expect(
      lab.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.getBoundingClientRect().height === window.innerHeight),
    ).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(lab.getByRole('button', { name: 'Full screen' }).getAttribute('aria-pressed')).resolves.toBe('false');
  });

  it('a Pending pod shows, node by node, the filter that turned it away', async () => {
    const page = await b.open('/chapters/control-plane');
    const lab = await openLab(page, 'pending-pod');
    const why = lab.locator('.lab-pending-group').first();
    await why.locator('summary').click();
    const rows = why.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(4);
    await expect(why.locator('tbody').textContent()).resolves.toMatch(/TaintToleration/);
    expect(pageErrors(page)).toEqual([]);
  });
});
