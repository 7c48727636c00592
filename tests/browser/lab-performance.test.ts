import { playAt60x, type FrameReport } from '../../bench/lab/frames';
import { useBrowser } from './support/fixture';

const b = useBrowser();

describe('a lab stays responsive', () => {
  it('plays a 10-worker cluster at 60x through a node failure and its evictions with no task over 50 ms', async () => {
    // Each run is 8 s at 60x, 8 simulated minutes: NotReady, the taints, the evictions at about 6
    // minutes and the rescheduling. The CPU time of every task must stay under 50 ms in every run.
    // Wall-clock long tasks also count descheduling on a busy shared machine, so a run that shows
    // some is repeated (up to five runs); our own cost would show in every run.
    const reports: FrameReport[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const page = await b.open('/chapters/nodes-and-clusters');
      const report = await playAt60x(page, 8);
      reports.push(report);
      expect(report.simulated).toMatch(/^[7-9]m/);
      expect(report.longestTaskCpuMs).toBeLessThan(50);
      await expect(page.locator('[data-node="worker-5"] .lab-pod.lab-phase--Terminating').count()).resolves.toBeGreaterThan(0);
      await page.context().close();
      if (report.longTasks.length === 0) break;
    }
    const summary = reports.map(
      (r) =>
        `long tasks [${r.longTasks.map((t) => t.toFixed(0)).join(', ')}] ms, longest task ${r.longestTaskCpuMs.toFixed(1)} ms CPU, longest frame ${r.longestFrameMs.toFixed(1)} ms`,
    );
    expect(reports.at(-1)!.longTasks, summary.join('\n')).toEqual([]);
  }, 180_000);
});
