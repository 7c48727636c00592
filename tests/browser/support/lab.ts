import type { Locator, Page } from 'playwright-core';

/**
 * Scrolls to a lab and waits for its panel (the lab loads as it nears the viewport). A saved lab
 * resumes on its own after a reload and its section is replaced then, possibly mid-scroll: the
 * locator finds the new one on the next attempt.
 */
export async function openLab(page: Page, id: string): Promise<Locator> {
  const lab = page.locator(`section.lab[data-lab="${id}"]`);
  for (let attempt = 1; ; attempt++) {
    try {
      await lab.scrollIntoViewIfNeeded({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await lab.locator('.lab-diagram-svg').waitFor();
  return lab;
}

export const labClock = (lab: Locator) => lab.locator('span.lab-clock-time');

/** Types a command at the lab's prompt and waits for it to show in the scrollback. */
export async function runInLab(lab: Locator, command: string): Promise<void> {
  const input = lab.getByRole('textbox', { name: 'Command' });
  await input.fill(command);
  await input.press('Enter');
  await lab.locator('.lab-term-command', { hasText: command }).last().waitFor();
}

/** The terminal as the reader sees it: each command with what it printed under it. */
export function terminalEntries(lab: Locator): Promise<{ command: string; output: string }[]> {
  return lab.locator('.lab-term-scrollback').evaluate((root) => {
    const out: { command: string; output: string }[] = [];
    for (const element of root.querySelectorAll('.lab-term-command, .lab-term-stdout, .lab-term-stderr')) {
      if (element.classList.contains('lab-term-command'))
        out.push({ command: (element.textContent ?? '').replace(/^\$\s/, ''), output: '' });
      else if (out.length) out[out.length - 1].output += `${element.textContent}\n`;
    }
    return out;
  });
}

/** Everything a reload or a link must bring back, as text. */
export async function labState(lab: Locator) {
  return {
    clock: await labClock(lab).textContent(),
    terminal: await lab.getByRole('log', { name: 'Terminal output' }).textContent(),
    timeline: await lab.getByRole('group', { name: 'Timeline' }).getByRole('button').allTextContents(),
    hints: await lab.locator('.lab-hints li').allTextContents(),
    checks: await lab.locator('.lab-check').evaluateAll((items) => items.map((i) => `${i.className}: ${i.textContent}`)),
    nodes: await lab.locator('[data-node]').evaluateAll((items) => items.map((i) => i.getAttribute('data-node'))),
  };
}

/** Presses Share and reads the link it made (copied, or shown to copy by hand). */
export async function shareLink(page: Page, lab: Locator): Promise<string> {
  await lab.getByRole('button', { name: 'Share', exact: true }).click();
  const field = lab.getByRole('textbox', { name: 'Link to this lab' });
  await page.waitForFunction(
    () => document.querySelector('.lab-share-status')?.textContent !== '' || document.querySelector('.lab-share-url') !== null,
  );
  if (await field.count()) return field.inputValue();
  return page.evaluate(() => navigator.clipboard.readText());
}
