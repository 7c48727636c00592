// Renders public/icons/*.png from public/icons/icon.svg (run from the repository root after editing the mark):
//   npx tsx tests/browser/support/make-icons.ts
import { chromium } from 'playwright-core';
import { chromiumFlags } from './browser';
import { readFileSync } from 'node:fs';
const svg = readFileSync('public/icons/icon.svg', 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
// any: the rounded mark on transparent; maskable: full-bleed colour with the mark inside the safe zone.
const jobs: [string, number, string][] = [
  ['icon-192.png', 192, `<div style="width:192px;height:192px">${svg.replace('<svg ', '<svg width="192" height="192" ')}</div>`],
  ['icon-512.png', 512, `<div style="width:512px;height:512px">${svg.replace('<svg ', '<svg width="512" height="512" ')}</div>`],
  [
    'apple-touch-icon.png',
    180,
    `<div style="width:180px;height:180px;background:#2453c7;display:grid;place-items:center">${svg.replace('<svg ', '<svg width="150" height="150" ')}</div>`,
  ],
  [
    'maskable-512.png',
    512,
    `<div style="width:512px;height:512px;background:#2453c7;display:grid;place-items:center">${svg.replace('<svg ', '<svg width="360" height="360" ')}</div>`,
  ],
];
for (const [name, size, html] of jobs) {
  const p = await b.newPage({ viewport: { width: size, height: size } });
  await p.setContent(`<style>html,body{margin:0;background:transparent}</style>${html}`);
  await p.screenshot({ path: `public/icons/${name}`, omitBackground: true });
  await p.close();
}
await b.close();
