import { useBrowser } from './support/fixture';

const b = useBrowser();

/** A term on the page that has a Korean entry: the glossary frontmatter's optional `ko`. */
const koreanTerm = '.prose .term:has(.term-tip [lang="ko"])';

describe('Korean glossary names', () => {
  it('are hidden for an English reader and shown by the toggle on the glossary, which remembers the choice', async () => {
    const page = await b.open('/glossary', { locale: 'en-US' });
    const korean = page.locator('.glossary-ko-short').first();
    await expect(page.locator('.glossary-ko-short').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(korean.isVisible()).resolves.toBe(false);
    const toggle = page.getByRole('button', { name: /Korean terms/ });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(korean.isVisible()).resolves.toBe(true);
    await expect(korean.getAttribute('lang')).resolves.toBe('ko');
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.locator('.glossary-ko-short').first().isVisible()).resolves.toBe(true);
  });

  it('are shown at once, and in chapter tooltips, when the browser language is Korean', async () => {
    const page = await b.open('/chapters/worker-nodes', { locale: 'ko-KR' });
    await expect(page.evaluate(() => document.documentElement.dataset.glossaryLanguage)).resolves.toBe('ko');
    const term = page.locator(koreanTerm).first();
    await term.locator('.term-link').hover();
    const tip = term.locator('.term-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    await expect(tip.locator('[lang="ko"]').last().isVisible()).resolves.toBe(true);
    await expect(tip.locator('.en-when-ko').isVisible()).resolves.toBe(false);
  });

  it('leave tooltips in English for an English reader', async () => {
    const page = await b.open('/chapters/worker-nodes', { locale: 'en-GB' });
    const term = page.locator(koreanTerm).first();
    await term.locator('.term-link').hover();
    const tip = term.locator('.term-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    await expect(tip.locator('.en-when-ko').isVisible()).resolves.toBe(true);
    await expect(tip.locator('[lang="ko"]').last().isVisible()).resolves.toBe(false);
  });
});
