import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/fixture';

const b = useBrowser();

/** Collects every CSP violation the page reports, from before its first script runs. */
async function openWatched(route: string, options = {}) {
  const page = await b.open('/404-does-not-matter', options);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  await page.goto(b.baseUrl + route, { waitUntil: 'networkidle' });
  return page;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

describe('the Content-Security-Policy', () => {
  it('is a meta tag in every exported page, without unsafe-inline or unsafe-eval for scripts', async () => {
    const html = await readFile(path.join(process.cwd(), 'out/chapters/namespaces.html'), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toBeDefined();
    const scriptSrc = policy!.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it.each(['/', '/chapters/node-failure', '/glossary', '/chapters', '/quiz', '/review', '/search?q=kubelet', '/no-such-page'])(
    'lets %s run with no violation, labs, quiz and search included',
    async (route) => {
      const page = await openWatched(route);
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
    },
  );

  it('lets the quiz, the search palette and a lab run under the policy', async () => {
    const page = await openWatched('/chapters/node-failure');
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox').fill('kubelet');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.locator('#quiz').scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('#quiz fieldset, #quiz [role="radiogroup"], #quiz button').count()).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
  });

  it('is really watched: a script from outside the policy is reported', async () => {
    const page = await openWatched('/');
    await page.addScriptTag({ url: 'data:text/javascript,void 0' }).catch(() => undefined);
    await expect.poll(async () => (await violations(page)).length).toBeGreaterThan(0);
  });
});

describe('the server started by npm start', () => {
  it('sends nosniff, a referrer policy and frame-ancestors, and lists no directory', async () => {
    const response = await fetch(`${b.baseUrl}/chapters/namespaces`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const listing = await fetch(`${b.baseUrl}/_next/static/`);
    expect(listing.status).toBe(404);
  });
});
