import { playAt60x } from '../../bench/lab/frames';
import { useBrowser } from './support/fixture';

const b = useBrowser();

describe('a lab stays responsive', () => {
  it('plays a 10-worker cluster at 60x through a node failure and its evictions without a long task', async () => {
    const page = await b.open('/chapters/nodes-and-clusters');
    const report = await playAt60x(page, 8);
    // 8 s at 60x is 8 simulated minutes: NotReady, the taints, the evictions at about 6 minutes and the rescheduling.
    expect(report.simulated).toMatch(/^[89]m/);
    expect(report.longTasks, `long tasks: ${report.longTasks.join(', ')} ms; longest frame ${report.longestFrameMs.toFixed(1)} ms`).toEqual([]);
    const lab = page.locator('section.lab[data-lab="cluster-tour"]');
    await expect(lab.locator('[data-node="worker-5"] .lab-pod.lab-phase--Terminating').count()).resolves.toBeGreaterThan(0);
  });
});
