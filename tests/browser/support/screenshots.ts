// Takes screenshots of the served export for a person to look at:
//   npx tsx tests/browser/support/screenshots.ts [path ...]
// Writes tests/.artifacts/screenshots/<name>-<theme>-<width>.png (light and dark, 390px and 1440px).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from './browser';
import { serveExport } from './server';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/chapters/containers-and-images', '/glossary'];
const widths = (process.env.WIDTHS ?? '390,1440').split(',').map(Number);
const themes = ['light', 'dark'] as const;
const fullPage = process.env.FULL === '1';

const outDir = path.join(process.cwd(), 'tests/.artifacts/screenshots');
await mkdir(outDir, { recursive: true });
const server = await serveExport();
const browser = await launchChromium();
try {
  for (const route of paths) {
    for (const theme of themes) {
      for (const width of widths) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(server.url + route, { waitUntil: 'networkidle' });
        const name = `${route.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${theme}-${width}.png`;
        await page.screenshot({ path: path.join(outDir, name), fullPage });
        console.log(path.join(outDir, name));
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
