import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { useBrowser } from './support/fixture';

const out = path.join(process.cwd(), 'out');
const b = useBrowser();

async function filesUnder(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => path.join(e.parentPath, e.name));
}

describe('the static export', () => {
  it('ships no code that evaluates strings in the browser (MDX runs only at build time)', async () => {
    const scripts = await filesUnder(path.join(out, '_next'), '.js');
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      const source = await readFile(file, 'utf8');
      expect(source, file).not.toMatch(/new Function\(|\beval\(/);
    }
  });

  it('prerenders every chapter as HTML that already contains its text', async () => {
    const pages = await filesUnder(path.join(out, 'chapters'), '.html');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const html = await readFile(page, 'utf8');
      expect(html, page).toMatch(/<h1>[^<]+<\/h1>/);
      expect(html, page).toContain('class="prose"');
    }
  });

  it('prints a chapter without the navigation around it', async () => {
    const page = await b.open('/chapters/namespaces');
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() =>
      ['.site-header', '.docs-sidebar', '.docs-aside', '.prev-next', '.copy-button'].map((s) => {
        const el = document.querySelector(s);
        return el ? getComputedStyle(el).display !== 'none' : false;
      }),
    );
    expect(visible).toEqual([false, false, false, false, false]);
    await expect(page.locator('.prose').isVisible()).resolves.toBe(true);
  });
});
