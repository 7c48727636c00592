import { readdirSync } from 'node:fs';
import { failing, labsDir, runSolution, scenario, startSession } from './support/labs';

const ids = readdirSync(labsDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

describe('every lab scenario, end to end through its solution', () => {
  it('the library has the eight required scenarios', () => {
    expect(ids).toEqual(
      expect.arrayContaining([
        'node-failure',
        'bare-pod-vs-deployment',
        'daemonset-survives',
        'statefulset-stuck',
        'drain-with-pdb',
        'pending-pod',
        'etcd-quorum',
        'running-an-app',
      ]),
    );
  });

  it.each(ids)('%s: some checks fail after setup, and every check passes after the solution', async (id) => {
    const lab = await scenario(id);
    const session = startSession(lab);
    expect(session.getSnapshot().context.setupFailed).toBe(false);
    expect(
      failing(session).length,
      'a check that passes before the reader acts teaches nothing on its own; at least one must fail',
    ).toBeGreaterThan(0);
    runSolution(session, lab);
    const transcript = session
      .getSnapshot()
      .context.terminal.map((b) => b.text)
      .join('\n');
    expect(failing(session), transcript).toEqual([]);
    expect(session.getSnapshot().context.completed).toBe(true);
  });
});
