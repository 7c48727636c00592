// /playground against the built export: a cluster of the reader's shape, kept across reloads,
// exported as a script the CLI replays to the same transcript, imported back, and shared.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { run } from '@/bin/commands/cluster';
import { memoryIo } from '@/bin/commands/io';
import { playgroundErrors } from '@/lib/labs/playground/errors';
import { playgroundLimits } from '@/lib/labs/playground/limits';
import { pageErrors, useBrowser } from './support/fixture';
import { labClock, labState, runInLab, shareLink, terminalEntries } from './support/lab';
import { seriousViolations } from './support/axe';

const b = useBrowser();

async function openPlayground(page: Page) {
  const lab = page.locator('section.lab[data-lab="playground"]');
  await lab.locator('.lab-diagram-svg').waitFor();
  return lab;
}

async function build(page: Page, fields: Record<string, string>) {
  const form = page.getByRole('form', { name: 'Cluster shape' });
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(label, { exact: true });
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await form.getByRole('button', { name: 'Build this cluster' }).click();
}

const workers = (page: Page) =>
  page
    .locator('section.lab[data-lab="playground"] [data-node^="worker-"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node')));

/** The CLI in-process on a script file, one JSON step per command. */
async function cli(script: string) {
  const dir = mkdtempSync(join(tmpdir(), 'playground-browser-'));
  writeFileSync(join(dir, 'session.sh'), script);
  const { io, stdout } = memoryIo('', dir);
  expect(await run(['--script', 'session.sh', '--json'], io)).toBe(0);
  return stdout()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { command: string; stdout: string; stderr: string });
}

describe('the playground', () => {
  it('builds the shape the reader picks, refuses a wrong one with a message, and keeps it across a reload', async () => {
    const page = await b.open('/playground');
    await openPlayground(page);
    expect(await workers(page)).toEqual(['worker-1', 'worker-2', 'worker-3']);

    await build(page, { Workers: '0' });
    const field = page.getByLabel('Workers', { exact: true });
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByText(playgroundErrors.workers).isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('workers');
    expect(await workers(page)).toHaveLength(3);

    await build(page, { Workers: '5', Zones: '2', 'etcd members': '3', Seed: 'tide' });
    const lab = await openPlayground(page);
    await expect.poll(() => workers(page)).toHaveLength(5);
    await expect(lab.locator('.lab-goal').textContent()).resolves.toMatch(/^5 workers in 2 zones .*3 etcd members, seed tide, blank\.$/);
    await runInLab(lab, 'kubectl get node worker-5 -o yaml');
    await expect(lab.getByRole('log', { name: 'Terminal output' }).textContent()).resolves.toMatch(/topology.kubernetes.io\/zone: zone-a/);

    await page.reload({ waitUntil: 'networkidle' });
    const again = await openPlayground(page);
    await expect.poll(() => workers(page)).toHaveLength(5);
    await expect(again.getByRole('log', { name: 'Terminal output' }).textContent()).resolves.toMatch(
      /topology.kubernetes.io\/zone: zone-a/,
    );
    await expect(page.getByLabel('Seed', { exact: true }).inputValue()).resolves.toBe('tide');
    expect(pageErrors(page)).toEqual([]);
  });

  it('starts from a chapter lab’s set-up, and its exported script replays in the CLI to the same transcript', async () => {
    const page = await b.open('/playground', { acceptDownloads: true });
    await openPlayground(page);
    await build(page, { 'Start from': 'node-failure' });
    const lab = await openPlayground(page);
    await expect.poll(() => lab.locator('.lab-goal').textContent()).toMatch(/set-up of the lab/);
    await runInLab(lab, 'kubectl get deployments');
    await lab.getByRole('button', { name: /^Power off worker-3/ }).click();
    await lab.getByRole('button', { name: /advance the clock 1 minute/ }).click();
    await expect.poll(() => labClock(lab).textContent(), { timeout: 15_000 }).toBe('1m30s');
    await runInLab(lab, 'kubectl get nodes');
    await runInLab(lab, 'kubectl get pods -o wide');

    const [download] = await Promise.all([page.waitForEvent('download'), lab.getByRole('button', { name: 'Export script' }).click()]);
    expect(download.suggestedFilename()).toBe('clusterbook-playground.sh');
    const script = readFileSync((await download.path())!, 'utf8');
    expect(script).toMatch(/^sim init --workers 3 .* --seed \S+$/m);

    const steps = await cli(script);
    const typed = await terminalEntries(lab);
    // The CLI also ran the set-up and the sim init line; the reader's part is the script's tail.
    const tail = steps.slice(steps.length - typed.length);
    expect(tail.map((s) => s.command)).toEqual(typed.map((t) => t.command));
    for (const [i, entry] of typed.entries()) {
      // A sim advance prints when it is done: a note in the lab, its output in the CLI.
      if (entry.command.startsWith('sim advance')) continue;
      expect(tail[i].stdout + tail[i].stderr, entry.command).toBe(entry.output);
    }
    expect(pageErrors(page)).toEqual([]);
  });

  it('imports a script, and refuses a broken or oversized one without changing anything', async () => {
    const page = await b.open('/playground');
    const lab = await openPlayground(page);
    const input = page.getByLabel('Import a script');

    await input.setInputFiles({ name: 'big.sh', mimeType: 'text/plain', buffer: Buffer.alloc(playgroundLimits.scriptMaxBytes + 1, 'a') });
    await expect
      .poll(() => page.locator('.playground-import .playground-error').textContent())
      .toBe(playgroundErrors.tooBig(playgroundLimits.scriptMaxBytes + 1));
    await input.setInputFiles({ name: 'late.sh', mimeType: 'text/plain', buffer: Buffer.from('kubectl get pods\nsim init --workers 2\n') });
    await expect.poll(() => page.locator('.playground-import .playground-error').textContent()).toContain(playgroundErrors.lateInit(2));
    expect(await workers(page)).toHaveLength(3);

    const script =
      'sim init --workers 2 --seed 9\nkubectl create deployment web --image=nginx --replicas=2\nsim advance 30s\nkubectl get pods\n';
    await input.setInputFiles({ name: 'mine.sh', mimeType: 'text/plain', buffer: Buffer.from(script) });
    await expect.poll(() => workers(page)).toEqual(['worker-1', 'worker-2']);
    const imported = await openPlayground(page);
    await expect.poll(() => labClock(imported).textContent()).toBe('30s');
    const entries = await terminalEntries(imported);
    expect(entries.map((e) => e.command)).toEqual([
      'kubectl create deployment web --image=nginx --replicas=2',
      'sim advance 30s',
      'kubectl get pods',
    ]);
    const cliSteps = await cli(script);
    expect(entries[2].output).toBe(cliSteps[3].stdout + cliSteps[3].stderr);
    expect(entries[2].output).toMatch(/web-\S+\s+1\/1\s+Running/);
    void lab;
    expect(pageErrors(page)).toEqual([]);
  });

  it('shares a link that a fresh browser opens at the same cluster, checked by its state hash', async () => {
    const page = await b.open('/playground', { permissions: ['clipboard-read', 'clipboard-write'] });
    await openPlayground(page);
    await build(page, { Workers: '4', 'etcd members': '3', Seed: 'share-me' });
    const lab = await openPlayground(page);
    await expect.poll(() => workers(page)).toHaveLength(4);
    await runInLab(lab, 'kubectl create deployment web --image=nginx --replicas=3');
    await lab.getByRole('button', { name: /advance the clock 10 seconds/ }).click();
    await expect.poll(() => labClock(lab).textContent(), { timeout: 15_000 }).toBe('10s');
    const url = await shareLink(page, lab);
    expect(url).toMatch(/\/playground\?lab=playground\.[A-Za-z0-9_-]+#lab-playground$/);
    const before = await labState(lab);

    const other = await b.open(url.replace(/^https?:\/\/[^/]+/, ''));
    const shared = await openPlayground(other);
    await expect.poll(() => shared.locator('.lab-notice').textContent()).toMatch(/this is the cluster exactly as it was shared/);
    await expect.poll(() => labState(shared)).toEqual(before);
    await expect(other.getByLabel('Seed', { exact: true }).inputValue()).resolves.toBe('share-me');
    expect(pageErrors(other)).toEqual([]);
  });

  it('has no serious axe violations with an error on the form, light and dark, at 390px and 1440px', async () => {
    for (const colorScheme of ['light', 'dark'] as const)
      for (const width of [390, 1440]) {
        const page = await b.open('/playground', { colorScheme, viewport: { width, height: 900 } });
        await openPlayground(page);
        await build(page, { 'Memory per worker': '1Mi' });
        await page.getByText(playgroundErrors.memory).waitFor();
        expect(await seriousViolations(page), `${colorScheme} ${width}`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${colorScheme} ${width}`).toBeLessThanOrEqual(0);
      }
  });
});
