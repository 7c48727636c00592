import { inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser';

/** One Chromium per test file; each test gets a fresh context (clean storage) and page. */
export function useBrowser() {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    baseUrl,
    async open(route: string, options: BrowserContextOptions = {}): Promise<Page> {
      // The service worker precaches the whole course after load; tests that are not about it
      // block it, so their network goes quiet as soon as the page is ready (offline tests allow it).
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      (page as Page & { errors: string[] }).errors = errors;
      await page.goto(baseUrl + route, { waitUntil: 'networkidle' });
      return page;
    },
  };
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}
