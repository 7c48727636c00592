import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser, pageErrors } from './support/fixture';
import { violationsOf } from './support/axe';

const b = useBrowser();

/** Where a heading should sit after a jump: below the root's scroll padding and its own scroll margin. */
function landing(page: Page, id: string) {
  return page.evaluate((target) => {
    const el = document.getElementById(target);
    if (!el) return Number.NaN;
    const want =
      Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) +
      Number.parseFloat(getComputedStyle(el).scrollMarginTop || '0');
    return Math.round(el.getBoundingClientRect().top - want) + 0;
  }, id);
}

/** Waits until every lab on the page has replaced its placeholder and the quiz has loaded. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('the header on every width', () => {
  it.each([320, 360, 375, 390, 414, 768, 1440])('keeps every item a 44px target and never scrolls sideways at %ipx', async (width) => {
    for (const route of ['/', '/chapters/node-failure', '/glossary', '/chapters', '/quiz']) {
      const page = await b.open(route, { viewport: { width, height: 800 } });
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.site-header a, .site-header button')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent?.trim(), box: el.getBoundingClientRect().toJSON() })),
      );
      expect(sizes.length, route).toBeGreaterThanOrEqual(4);
      for (const { name, box } of sizes) {
        expect(box.width, `${route} ${name} at ${width}px`).toBeGreaterThanOrEqual(44);
        expect(box.height, `${route} ${name} at ${width}px`).toBeGreaterThanOrEqual(44);
        expect(box.right, `${route} ${name} at ${width}px`).toBeLessThanOrEqual(width);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${route} at ${width}px`).toBe(0);
      await page.context().close();
    }
  });

  it('offers Chapters, Quizzes, Glossary and Playground on the desktop; Chapters opens the overview with the reader progress', async () => {
    const page = await b.open('/chapters/namespaces');
    const site = page.getByRole('navigation', { name: 'Site' });
    await expect(site.getByRole('link').allTextContents()).resolves.toEqual(['Chapters', 'Quizzes', 'Glossary', 'Playground']);
    await page.evaluate(() => {
      localStorage.setItem(
        'clusterbook.progress',
        JSON.stringify({ version: 2, chapters: { 'containers-and-images': { readAt: 1 } }, quizzes: {}, labs: {}, cards: {} }),
      );
    });
    await site.getByRole('link', { name: 'Chapters' }).click();
    await page.waitForURL((url) => url.pathname === '/chapters');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Chapters');
    const first = page.locator('.overview-part').first();
    await expect.poll(() => first.locator('.part-progress-words').textContent()).toMatch(/^1 of \d+ read/);
    // Read the first chapter: the next one in reading order is where to continue.
    const second = await page.locator('.overview-chapter-link').nth(1).getAttribute('href');
    await expect(page.locator('.continue-reading-link').getAttribute('href')).resolves.toBe(second);
  });
});

describe('deep links', () => {
  it.each([
    [390, 'why-pods-stay-terminating'],
    [1440, 'why-pods-stay-terminating'],
    [390, 'quiz'],
    [1440, 'recap'],
  ])('at %ipx land on #%s and stay there while the labs and the quiz load', async (width, id) => {
    const page = await b.open(`/chapters/node-failure#${id}`, { viewport: { width, height: 800 } });
    await settle(page);
    await expect.poll(() => landing(page, id)).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('let go once the reader scrolls', async () => {
    const page = await b.open('/chapters/node-failure#why-pods-stay-terminating', { viewport: { width: 390, height: 800 } });
    await settle(page);
    await page.mouse.wheel(0, 600);
    await expect.poll(() => landing(page, 'why-pods-stay-terminating')).toBeLessThan(-400);
  });

  it('jump to a far glossary entry instead of smooth-scrolling thousands of pixels', async () => {
    const page = await b.open('/glossary', { viewport: { width: 1280, height: 800 } });
    const last = page.locator('.letter-nav a').last();
    const id = (await last.getAttribute('href'))!.slice(1);
    await last.click();
    // Two frames after the click: a smooth scroll would still be far from the target.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(Math.abs(await landing(page, id))).toBeLessThan(400);
  });
});

describe('glossary tooltips', () => {
  it('open above a term near the bottom of the viewport and stay inside it', async () => {
    const page = await b.open('/chapters/containers-and-images', { viewport: { width: 1280, height: 800 } });
    const term = page.locator('.prose .term').nth(3);
    await term.evaluate((el) => window.scrollBy({ top: el.getBoundingClientRect().top - (window.innerHeight - 40), behavior: 'instant' }));
    await term.locator('.term-link').hover();
    const tip = term.locator('.term-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const tipBox = (await tip.boundingBox())!;
    const linkBox = (await term.locator('.term-link').boundingBox())!;
    expect(tipBox.y + tipBox.height).toBeLessThanOrEqual(linkBox.y);
    expect(tipBox.y).toBeGreaterThanOrEqual(0);
  });

  it('on a touch screen, show the definition on tap with a link to the entry, instead of leaving the chapter', async () => {
    const page = await b.open('/chapters/containers-and-images', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const term = page.locator('.prose .term').first();
    await term.locator('.term-link').tap();
    const tip = term.locator('.term-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/chapters/containers-and-images');
    const more = tip.getByRole('link', { name: 'Open the glossary entry' });
    const href = (await term.locator('.term-link').getAttribute('href'))!;
    await expect(more.getAttribute('href')).resolves.toBe(href);
    await more.tap();
    await page.waitForURL((url) => url.pathname === '/glossary');
  });
});

describe('the page around the chapter', () => {
  it('scrolls the sidebar to the current chapter', async () => {
    const page = await b.open('/chapters/node-failure', { viewport: { width: 1280, height: 600 } });
    const box = (await page.locator('.docs-sidebar').boundingBox())!;
    const link = page.locator('.docs-sidebar [aria-current="page"]');
    await expect
      .poll(async () => {
        const l = (await link.boundingBox())!;
        return l.y >= box.y && l.y + l.height <= box.y + box.height;
      })
      .toBe(true);
  });

  it.each(['/', '/chapters/node-failure', '/glossary', '/chapters', '/quiz'])('has landmarks with unique names on %s', async (route) => {
    const page = await b.open(route);
    await settle(page);
    expect(await violationsOf(page, ['landmark-unique', 'region'])).toEqual([]);
  });

  it('has a favicon and no console errors', async () => {
    const page = await b.open('/');
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.reload({ waitUntil: 'networkidle' });
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(href).toBeTruthy();
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    expect(errors).toEqual([]);
  });

  it('keeps the active "On this page" entry the same size (no bold, no rewrap)', async () => {
    const page = await b.open('/chapters/namespaces', { viewport: { width: 1440, height: 900 } });
    const links = page.locator('.toc a');
    const before = await links.evaluateAll((els) => els.map((e) => [getComputedStyle(e).fontWeight, e.getBoundingClientRect().height]));
    const target = links.nth(4);
    await target.click();
    await expect.poll(() => target.getAttribute('aria-current')).toBe('location');
    const after = await links.evaluateAll((els) => els.map((e) => [getComputedStyle(e).fontWeight, e.getBoundingClientRect().height]));
    expect(after).toEqual(before);
  });

  it('fits "Terminating" inside its chip in the home diagram', async () => {
    const page = await b.open('/', { viewport: { width: 390, height: 844 } });
    const fits = await page.evaluate(() =>
      [...document.querySelectorAll('.hero-figure text')]
        .filter((t) => t.textContent === 'Terminating')
        .map((t) => {
          const chip = t.previousElementSibling!.getBoundingClientRect();
          const text = t.getBoundingClientRect();
          return text.left >= chip.left && text.right <= chip.right;
        }),
    );
    expect(fits.length).toBeGreaterThan(0);
    expect(fits.every(Boolean)).toBe(true);
  });

  it('keeps "On this page" one tap away from anywhere in a chapter on a phone', async () => {
    const page = await b.open('/chapters/node-failure', { viewport: { width: 390, height: 844 } });
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' }));
    const outline = page.locator('.toc-inline');
    const box = (await outline.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(150);
    await outline.locator('summary').click();
    const link = outline.getByRole('link').last();
    const id = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    await expect.poll(() => outline.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await expect.poll(() => landing(page, id)).toBe(0);
  });

  it('ships no live-reload endpoint in the export', () => {
    expect(existsSync(path.join(process.cwd(), 'out/dev-content-revision'))).toBe(false);
  });
});
