// Screenshots of a lab at its start and after some commands, for a person to look at:
//   flock /tmp/clusterbook-build.lock npx tsx bench/lab/screenshots.ts [chapter] [lab-id] ["cmd; cmd; ..."]
// Defaults to the node-failure lab with worker-3 powered off and 6.5 minutes gone by. Writes
// tests/.artifacts/screenshots/lab-<lab>-<start|after>-<theme>-<width>.png in light and dark, at
// 390px and 1440px (WIDTHS=... to change).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from '../../tests/browser/support/browser';
import { serveExport } from '../../tests/browser/support/server';

const chapter = process.argv[2] ?? 'node-failure';
const labId = process.argv[3] ?? 'node-failure';
const commands = (process.argv[4] ?? 'sim node fail worker-3; sim advance 6m30s; kubectl get pods -o wide')
  .split(';')
  .map((c) => c.trim())
  .filter(Boolean);
const widths = (process.env.WIDTHS ?? '390,1440').split(',').map(Number);
const outDir = path.join(process.cwd(), 'tests/.artifacts/screenshots');

await mkdir(outDir, { recursive: true });
const server = await serveExport();
const browser = await launchChromium();
try {
  for (const theme of ['light', 'dark'] as const) {
    for (const width of widths) {
      const context = await browser.newContext({
        viewport: { width, height: 1000 },
        colorScheme: theme,
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/chapters/${chapter}`, { waitUntil: 'networkidle' });
      const lab = page.locator(`section.lab[data-lab="${labId}"]`);
      await lab.scrollIntoViewIfNeeded();
      await lab.locator('.lab-diagram-svg').waitFor();
      // The sticky site header would cover part of a tall element screenshot.
      await page.addStyleTag({ content: 'header.site-header, .site-header, .toc-inline { position: static !important; }' });
      const shot = async (stage: string) => {
        const file = path.join(outDir, `lab-${labId}-${stage}-${theme}-${width}.png`);
        await lab.screenshot({ path: file });
        console.log(file);
      };
      await shot('start');
      const input = lab.getByRole('textbox', { name: 'Command' });
      for (const command of commands) {
        await input.fill(command);
        await input.press('Enter');
        await page.waitForFunction((id) => !document.querySelector(`section.lab[data-lab="${id}"] .lab-jumping`), labId, {
          timeout: 20_000,
        });
      }
      await lab.getByRole('button', { name: /Show a hint/ }).click();
      await shot('after');
      // The diagram on its own, at full size, for a closer look.
      const stage = path.join(outDir, `lab-${labId}-stage-${theme}-${width}.png`);
      await lab.locator('.lab-stage').screenshot({ path: stage });
      console.log(stage);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
