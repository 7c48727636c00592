import { appendFile, cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { serveExport } from './support/server';
import { useBrowser, pageErrors } from './support/fixture';

const b = useBrowser();

/** Waits until the service worker controls the page and has finished precaching. */
async function installed(page: Page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    return registration.active?.state;
  });
}

describe('after one visit, the course works offline', () => {
  it('navigates to another chapter, searches, answers a quiz question and runs a lab command with the network off', async () => {
    const page = await b.open('/chapters/containers-and-images', { serviceWorkers: 'allow' });
    await installed(page);
    await page.context().setOffline(true);

    // Another chapter, by the sidebar (client navigation) and by a full load.
    await page.getByRole('navigation', { name: 'Chapters', exact: true }).getByRole('link', { name: 'When a node fails' }).click();
    await page.waitForURL(/\/chapters\/node-failure$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('When a node fails');
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('When a node fails');

    // Search (the palette loads its code and the index from the cache).
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox').fill('kubelet');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    // A lab command.
    const lab = page.locator('section.lab[data-lab="node-failure"]');
    await lab.scrollIntoViewIfNeeded();
    const input = lab.getByRole('textbox', { name: 'Command' });
    await input.fill('kubectl get nodes');
    await input.press('Enter');
    await expect.poll(() => lab.getByRole('log', { name: 'Terminal output' }).textContent()).toMatch(/worker-3\s+Ready/);
    // The cluster ran in the lab's Web Worker, whose script came from the cache too.
    await expect(lab.getAttribute('data-runs')).resolves.toBe('worker');

    // A quiz question.
    await page.locator('#quiz').scrollIntoViewIfNeeded();
    await page.getByRole('heading', { name: /^Question 1 of \d+/ }).waitFor();
    const card = page.locator('.quiz-card').last();
    const choice = card.getByRole('radio').first();
    if ((await choice.count()) > 0) await choice.check();
    else await card.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => card.locator('.quiz-result').textContent()).toMatch(/(Correct|Not quite)\./);

    // The review page, by a full load.
    await page.goto(`${b.baseUrl}/review`, { waitUntil: 'load' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Review/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('precaches what reading needs and leaves out what only prefetching or link previews fetch', async () => {
    const worker = await readFile(path.join(process.cwd(), 'out/sw.js'), 'utf8');
    const urls = [...worker.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);
    expect(urls).toEqual(
      expect.arrayContaining(['chapters/node-failure.html', 'chapters/node-failure.txt', 'quiz/data/node-failure.json']),
    );
    expect(urls.filter((u) => /(^|\/)__next\.|^social\/|^llms-full\.txt$/.test(u))).toEqual([]);
  });

  it('says quietly that a new version is available after a deployment, and reloads into it when asked', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clusterbook-deploy-'));
    await cp(path.join(process.cwd(), 'out'), dir, { recursive: true });
    const server = await serveExport(0, dir);
    try {
      const page = await b.open('/', { serviceWorkers: 'allow' });
      await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
      await installed(page);
      await expect(page.getByText('A new version of Clusterbook is available.').count()).resolves.toBe(0);
      // A new deployment: the worker's precache list changes.
      await appendFile(path.join(dir, 'sw.js'), '\n// next deployment\n');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const notice = page.getByRole('status').filter({ hasText: 'A new version of Clusterbook is available.' });
      await notice.waitFor();
      const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
      await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
      await expect(page.getByText('A new version of Clusterbook is available.').count()).resolves.toBe(0);
      expect(before).toContain('/sw.js');
    } finally {
      await server.close();
    }
  });

  it('is installable: a manifest with a name, start URL and 192 and 512 px icons', async () => {
    const page = await b.open('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await fetch(new URL(href!, b.baseUrl))).json();
    expect(manifest).toMatchObject({ short_name: 'Clusterbook', start_url: '/', display: 'standalone' });
    const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await fetch(new URL(icon.src, b.baseUrl))).status).toBe(200);
  });
});

describe('progress storage', () => {
  it('asks the browser to keep progress and says whether it agreed', async () => {
    const page = await b.open('/quiz');
    await expect
      .poll(() => page.locator('.progress-persistence').textContent())
      .toMatch(/persistent storage (granted|not granted)|cannot promise/);
  });
});
