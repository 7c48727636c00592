import type { Page } from 'playwright-core';

export interface FrameReport {
  /** Main-thread tasks of 50 ms or more that Chromium reported while the lab played. */
  longTasks: number[];
  /** The longest gap between two animation frames. */
  longestFrameMs: number;
  frames: number;
  /** Simulated time covered, read from the lab's clock. */
  simulated: string;
}

/**
 * Plays a lab at 60x on a 10-worker cluster with a Deployment of 20 replicas and one worker
 * powered off, for `seconds` of real time, and reports long tasks and frame gaps. The page must
 * show the cluster-tour lab (chapter nodes-and-clusters).
 */
export async function playAt60x(page: Page, seconds: number): Promise<FrameReport> {
  const lab = page.locator('section.lab[data-lab="cluster-tour"]');
  await lab.scrollIntoViewIfNeeded();
  await lab.locator('.lab-diagram-svg').waitFor();
  const input = lab.getByRole('textbox', { name: 'Command' });
  await input.fill('kubectl scale deployment web --replicas=20');
  await input.press('Enter');
  await lab.locator('[data-node="worker-5"] .lab-node-name').click();
  await lab.getByRole('radio', { name: '60x' }).check();
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    const record = { longTasks: [], gaps: [] };
    window.__labFrames = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    requestAnimationFrame(function frame(now) {
      record.gaps.push(now - last);
      last = now;
      requestAnimationFrame(frame);
    });
  })()`);
  await lab.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(seconds * 1000);
  await lab.getByRole('button', { name: 'Pause' }).click();
  const { longTasks, gaps } = (await page.evaluate('window.__labFrames')) as { longTasks: number[]; gaps: number[] };
  return {
    longTasks,
    // The first gap spans the click that started playing; frames are what follows.
    longestFrameMs: Math.max(...gaps.slice(1)),
    frames: gaps.length,
    simulated: (await lab.locator('output.lab-clock-time').textContent()) ?? '',
  };
}
