import { useBrowser } from './support/fixture';

const b = useBrowser();

describe('glossary terms in a chapter', () => {
  it('show their definition when reached by keyboard and hide it on Escape', async () => {
    const page = await b.open('/chapters/namespaces');
    const term = page.locator('.prose .term-link').first();
    const tipId = (await term.getAttribute('aria-describedby'))!;
    const tip = page.locator(`[id="${tipId}"]`);
    await expect(tip.isVisible()).resolves.toBe(false);

    // Tab from the element just before the term, as a keyboard user would arrive.
    await term.evaluate((el) => {
      const links = [...document.querySelectorAll<HTMLElement>('a, button, [tabindex="0"]')];
      links[links.indexOf(el as HTMLElement) - 1]?.focus();
    });
    await page.keyboard.press('Tab');
    await expect(term.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect.poll(() => tip.isVisible()).toBe(true);
    await expect.poll(() => tip.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');

    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  it('link to their entry on /glossary, which lists every term', async () => {
    const page = await b.open('/chapters/namespaces');
    const term = page.locator('.prose .term-link').first();
    const href = (await term.getAttribute('href'))!;
    expect(href).toMatch(/^\/glossary#[a-z0-9-]+$/);
    await term.click();
    await page.waitForURL((url) => url.pathname === '/glossary');
    const entry = page.locator(`[id="${href.split('#')[1]}"]`);
    await expect(entry.isVisible()).resolves.toBe(true);
    expect(await page.locator('.glossary-entry').count()).toBeGreaterThanOrEqual(20);
  });
});
