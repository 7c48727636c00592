import type { Page } from 'playwright-core';
import { errorMessages } from '@/lib/search';
import { seriousViolations } from './support/axe';
import { pageErrors, useBrowser } from './support/fixture';
import { styleRulesPresent } from './support/stylesheets';

const b = useBrowser();

/** Records whether the page has asked for the search index. */
function watchIndexRequests(page: Page) {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/search-index.json') requests.push(r.url());
  });
  return requests;
}

async function openPalette(page: Page) {
  const combobox = page.getByRole('combobox', { name: 'Search the notes' });
  // The shortcut works once the page has hydrated; on a busy machine that can trail the network going idle.
  await expect
    .poll(
      async () => {
        if ((await page.locator('dialog.search-dialog[open]').count()) === 0) await page.keyboard.press('Control+k');
        return combobox.evaluate((el) => el === document.activeElement, undefined, { timeout: 2_000 }).catch(() => false);
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(true);
  return combobox;
}

describe('searching from the command palette', () => {
  it('opens with Ctrl+K, corrects a typo, and lands on the chosen heading, highlighted', async () => {
    const page = await b.open('/chapters/namespaces');
    const indexRequests = watchIndexRequests(page);
    await page.waitForTimeout(300);
    expect(indexRequests).toEqual([]);
    // The palette's styles, like its code and the index, arrive when it first opens.
    const paletteSelectors = ['.search-dialog', '.search-option'];
    expect(await styleRulesPresent(page, paletteSelectors)).toEqual([]);

    const combobox = await openPalette(page);
    await expect.poll(() => styleRulesPresent(page, paletteSelectors)).toEqual(paletteSelectors);
    await combobox.fill('kublet');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Showing results for “kubelet”');
    expect(indexRequests).toHaveLength(1);

    const target = page.getByRole('option', { name: /^The kubelet The kubelet is/ });
    for (let i = 0; i < 10 && (await target.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
    await expect(combobox.getAttribute('aria-activedescendant')).resolves.toBe(await target.getAttribute('id'));
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/chapters\/worker-nodes#the-kubelet$/);
    const heading = page.locator('#the-kubelet');
    await expect.poll(() => heading.evaluate((el) => el.classList.contains('search-target'))).toBe(true);
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeLessThan(200);
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await expect(page.locator('dialog.search-dialog[open]').count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('opens with "/" and closes with Escape, giving focus back', async () => {
    const page = await b.open('/glossary');
    const link = page.getByRole('link', { name: 'Glossary', exact: true }).first();
    await link.focus();
    await page.keyboard.press('/');
    await expect.poll(() => page.getByRole('combobox').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.search-dialog[open]').count()).toBe(0);
    await expect.poll(() => link.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('opens from the header button and goes to a result chosen with the mouse', async () => {
    const page = await b.open('/');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('combobox').fill('etcd quorum');
    await page.getByRole('option', { name: /^etcd and its quorum / }).click();
    await page.waitForURL(/\/chapters\/control-plane-failures#etcd-and-its-quorum$/);
    await expect.poll(() => page.locator('#etcd-and-its-quorum').evaluate((el) => el.classList.contains('search-target'))).toBe(true);
  });

  it('offers to search the words as typed, and finds Korean names', async () => {
    const page = await b.open('/chapters/namespaces');
    const combobox = await openPalette(page);
    await combobox.fill('kublet');
    const status = page.locator('dialog.search-dialog').getByRole('status');
    await expect.poll(() => status.textContent()).toContain('Showing results for “kubelet”. Search instead for “kublet”');
    await status.getByRole('button', { name: '“kublet”' }).click();
    await expect.poll(() => status.textContent()).toContain('No results for “kublet”.');
    await expect(page.getByRole('group', { name: errorMessages.suggestChapters }).getByRole('option').count()).resolves.toBeGreaterThan(0);

    await combobox.fill('파드가');
    await expect(page.getByRole('option', { name: /^pod \(파드\) 쿠버네티스가 배치하는/ }).count()).resolves.toBe(1);
  });

  it('opens a quiz question found by search at that question, fetching the quiz index alongside the notes', async () => {
    const page = await b.open('/chapters/namespaces');
    const quizRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/search-quiz.json') quizRequests.push(r.url());
    });
    const combobox = await openPalette(page);
    await combobox.fill('unprivileged user UID 1000 runs unshare map-root-user');
    const option = page
      .getByRole('option')
      .filter({ has: page.locator('.search-option-title', { hasText: 'Quiz' }) })
      .first();
    await option.waitFor();
    expect(quizRequests).toHaveLength(1);
    await option.click();
    await page.waitForURL(/\/chapters\/namespaces#quiz-root-in-a-user-namespace$/);
  });

  it('has no serious accessibility violations while open with results', async () => {
    const page = await b.open('/chapters/control-plane');
    const combobox = await openPalette(page);
    await combobox.fill('scheduler');
    await page.getByRole('option').first().waitFor();
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('says clearly when the index is missing', async () => {
    const page = await b.open('/chapters/namespaces');
    await page.route('**/search-index.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await openPalette(page);
    const alert = page.locator('dialog.search-dialog').getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain(errorMessages.indexUnavailable('HTTP 404'));
    await expect(alert.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(1);
  });

  it('says clearly when the index is damaged', async () => {
    const page = await b.open('/chapters/namespaces');
    await page.route('**/search-index.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"version":1,"records":[{"kind"' }),
    );
    await openPalette(page);
    await expect
      .poll(() => page.locator('dialog.search-dialog').getByRole('alert').textContent())
      .toContain(errorMessages.indexInvalid('not valid JSON'));
  });
});

describe('the /search page', () => {
  it('shows the results of a shared URL and keeps the URL in step with the query', async () => {
    const page = await b.open('/search?q=drain%20a%20node');
    await expect(page.getByRole('searchbox', { name: 'Search the notes' }).inputValue()).resolves.toBe('drain a node');
    const link = page.getByRole('link', { name: 'Drain: cordon, then evict' });
    await link.waitFor();
    await page.getByRole('searchbox').fill('static pods');
    await page.waitForURL(/\/search\?q=static%20pods$/);
    await page.getByRole('link', { name: 'Static pods are skipped' }).click();
    await page.waitForURL(/\/chapters\/maintenance#static-pods-are-skipped$/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('suggests glossary terms to start from when nothing matches', async () => {
    const page = await b.open('/search?q=xylophone');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('No results for “xylophone”');
    const suggestions = page.getByRole('region', { name: 'Start with a glossary term' });
    await expect(suggestions.getByRole('link', { name: 'kubelet', exact: true }).count()).resolves.toBe(1);
  });
});
