import type { Page } from 'playwright-core';

export interface FrameReport {
  /** Tasks of 50 ms or more (wall clock) that a PerformanceObserver saw while the lab played. */
  longTasks: number[];
  /** The longest main-thread task in CPU time, from a Chromium trace: what our code costs, whatever else the machine is doing. */
  longestTaskCpuMs: number;
  /** The longest gap between two animation frames (wall clock). */
  longestFrameMs: number;
  frames: number;
  /** Simulated time reached, read from the lab's clock. */
  simulated: string;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
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
  // The speed is the session's state: it shows as checked once the worker posts it back.
  await lab.getByRole('radio', { name: '60x' }).click();
  await lab.locator('input[type="radio"][value="60"]:checked').waitFor();
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
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await lab.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(seconds * 1000);
  await lab.getByRole('button', { name: 'Pause' }).click();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const { longTasks, gaps } = (await page.evaluate('window.__labFrames')) as { longTasks: number[]; gaps: number[] };
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid);
  return {
    longTasks,
    longestTaskCpuMs: Math.max(0, ...tasks.map((t) => (t.tdur ?? t.dur ?? 0) / 1000)),
    // The first gap spans the click that started playing; frames are what follows.
    longestFrameMs: Math.max(...gaps.slice(1)),
    frames: gaps.length,
    simulated: (await lab.locator('span.lab-clock-time').textContent()) ?? '',
  };
}
