import { useBrowser } from './support/fixture';

const b = useBrowser();

describe('theme', () => {
  it('follows the system preference when the reader has not chosen', async () => {
    const page = await b.open('/', { colorScheme: 'dark' });
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
  });

  it('keeps the chosen theme across a reload, applied before the page paints', async () => {
    const page = await b.open('/chapters/containers-and-images', { colorScheme: 'light' });
    const toggle = page.getByRole('button', { name: /theme/ });
    await toggle.click(); // system -> light
    await toggle.click(); // light -> dark
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');

    // Record the theme at the first moment the document exists, before any app script runs.
    await page.addInitScript(() => {
      document.addEventListener(
        'readystatechange',
        () => {
          if (document.readyState === 'interactive') {
            (window as unknown as { firstTheme: string }).firstTheme = document.documentElement.dataset.theme ?? 'none';
          }
        },
        { once: true },
      );
    });
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.evaluate(() => (window as unknown as { firstTheme: string }).firstTheme)).resolves.toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(13, 17, 23)');
  });
});

describe('on a 390px wide phone', () => {
  it('hides the sidebar behind a menu button that opens, navigates and closes', async () => {
    const page = await b.open('/chapters/containers-and-images', { viewport: { width: 390, height: 844 }, hasTouch: true });
    await expect(page.locator('.docs-sidebar').isVisible()).resolves.toBe(false);
    const menu = page.getByRole('button', { name: 'Open menu' });
    await menu.click();
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    await expect(drawer.isVisible()).resolves.toBe(true);
    await drawer.getByRole('link', { name: 'Linux namespaces and cgroups' }).click();
    await page.waitForURL(/\/chapters\/namespaces$/);
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
  });

  it('closes the menu with Escape and returns focus to the button', async () => {
    const page = await b.open('/', { viewport: { width: 390, height: 844 } });
    const menu = page.getByRole('button', { name: 'Open menu' });
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Menu' }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Menu' }).isVisible()).toBe(false);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Open menu');
  });
});

describe('skip link', () => {
  it('is the first thing the keyboard reaches and moves focus to the content', async () => {
    const page = await b.open('/chapters/containers-and-images');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
  });
});
