import type { Locator, Page } from 'playwright-core';
import { pageErrors, useBrowser } from './support/fixture';

const b = useBrowser();

/** Scrolls to a lab and waits for its panel; the card is replaced while a saved lab starts, so the scroll may need a second try. */
async function openLab(page: Page, id: string) {
  const lab = page.locator(`section.lab[data-lab="${id}"]`);
  await expect
    .poll(
      () =>
        lab
          .first()
          .scrollIntoViewIfNeeded({ timeout: 2000 })
          .then(() => true)
          .catch(() => false),
      // A reloaded lab replays its saved log in the worker first, which takes longer on a busy machine.
      { timeout: 60_000, interval: 250 },
    )
    .toBe(true);
  await lab.locator('.lab-diagram-svg').waitFor();
  return lab;
}

/** The clock's text as a number of seconds (1h2m3.4s -> 3723.4). */
const seconds = (text: string) => {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?$/.exec(text.trim());
  if (!match) throw new Error(`not a clock reading: ${text}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
};

const clockOf = (lab: Locator) => lab.locator('span.lab-clock-time');
const terminalOf = (lab: Locator) => lab.getByRole('log', { name: 'Terminal output' });

/** Starts `sim advance 24h` and waits until the progress bar shows it has got somewhere. */
async function startLongAdvance(lab: Locator) {
  const input = lab.getByRole('textbox', { name: 'Command' });
  await input.fill('sim advance 24h');
  await input.press('Enter');
  const progress = lab.locator('.lab-jump-progress');
  await progress.waitFor();
  await expect.poll(() => progress.textContent()).toMatch(/Advancing the clock: \S+ of 24h0m0s/);
  await expect.poll(async () => seconds((await clockOf(lab).textContent()) ?? '')).toBeGreaterThan(60);
  return { input, progress };
}

describe('the lab runs its cluster in a Web Worker', () => {
  it('the cluster lives in a worker, and the page answers while a 24h advance runs; Cancel stops it where the clock shows', async () => {
    const page = await b.open('/chapters/node-failure');
    const errors = pageErrors(page);
    const lab = await openLab(page, 'node-failure');
    await expect(lab.getAttribute('data-runs')).resolves.toBe('worker');
    expect(page.workers().length).toBeGreaterThan(0);

    const { input, progress } = await startLongAdvance(lab);
    // The page is free meanwhile: a toggle answers a click, and typing reaches the prompt.
    const toggle = lab.getByRole('button', { name: 'Show as a table' });
    await toggle.click();
    await expect(lab.getByRole('button', { name: 'Show the diagram' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await lab.getByRole('button', { name: 'Show the diagram' }).click();
    await input.fill('');
    await input.pressSequentially('kubectl get');
    await expect(input.inputValue()).resolves.toBe('kubectl get');
    await expect(progress.isVisible()).resolves.toBe(true);

    await lab.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'detached' });
    const stoppedAt = (await clockOf(lab).textContent()) ?? '';
    expect(seconds(stoppedAt)).toBeGreaterThan(60);
    expect(seconds(stoppedAt)).toBeLessThan(24 * 3600);
    // The note names where it stopped, to the clock's second, and the clock stays there.
    await expect.poll(() => terminalOf(lab).textContent()).toMatch(/stopped before the 24h0m0s had passed; now \S+/);
    const note = /now (\S+)/.exec((await lab.locator('.lab-term-note').last().textContent()) ?? '')![1];
    expect(Math.floor(seconds(note))).toBe(Math.floor(seconds(stoppedAt)));
    await page.waitForTimeout(300);
    await expect(clockOf(lab).textContent()).resolves.toBe(stoppedAt);
    expect(errors).toEqual([]);
  });

  it('Ctrl+C in the terminal stops a 24h advance too, and a reload replays to where it stopped', async () => {
    const page = await b.open('/chapters/node-failure');
    const lab = await openLab(page, 'node-failure');
    const { input, progress } = await startLongAdvance(lab);
    await input.press('Control+c');
    await progress.waitFor({ state: 'detached' });
    const stoppedAt = (await clockOf(lab).textContent()) ?? '';
    expect(seconds(stoppedAt)).toBeLessThan(24 * 3600);
    await expect.poll(() => terminalOf(lab).textContent()).toMatch(/\^C/);

    // The log saved what happened: after a reload the clock reads the same.
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    await page.reload();
    const again = await openLab(page, 'node-failure');
    await expect.poll(() => clockOf(again).textContent()).toBe(stoppedAt);
    await expect(terminalOf(again).textContent()).resolves.toMatch(/stopped before the 24h0m0s had passed/);
  });
});
