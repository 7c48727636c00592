import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { labErrors } from '@/lib/labs/errors';
import { loadLabFile } from '@/lib/labs/load';
import { parseCount } from '@/lib/labs/match';

const valid = `title: T
summary: S
setup: |
  kubectl create deployment web --image=nginx:1.27 --replicas=2
  sim advance 20s
goal: G
checks:
  - check: workload
    workload: deployment/web
    available: ">= 3"
    label: web has 3
    failure: web has {available} of {desired}
hints: [h]
solution: |
  kubectl scale deployment web --replicas=3
  sim advance 30s
debrief: D
`;

async function load(text: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'clusterbook-lab-'));
  const file = path.join(dir, 'case.yaml');
  await writeFile(file, text);
  const result = await loadLabFile(file);
  return 'problems' in result ? result.problems.map((p) => ({ line: p.line, message: p.message })) : result.lab;
}

describe('scenario files', () => {
  it('a valid scenario loads with its id and defaults', async () => {
    const lab = await load(valid);
    expect(lab).toMatchObject({ id: 'case', cluster: { workers: 3, seed: 1, etcdMembers: 1 }, files: {} });
  });

  it.each([
    ['a count that is not a comparison', valid.replace('">= 3"', '"about 3"'), 10, labErrors.badCount],
    [
      'an unknown placeholder in a failure message',
      valid.replace('{desired}', '{wanted}'),
      12,
      labErrors.unknownPlaceholder('wanted', ['name', 'desired', 'current', 'ready', 'available', 'updated']),
    ],
    ['a check with no condition', valid.replace('    available: ">= 3"\n', ''), 8, labErrors.noCondition],
    ['an owner that is not kind/name', valid.replace('workload: deployment/web', 'workload: web'), 9, labErrors.badOwner],
  ])('%s is reported at its line', async (_name, text, line, message) => {
    expect(await load(text)).toEqual([expect.objectContaining({ line, message: expect.stringContaining(message) })]);
  });

  it('a missing field is reported at the nearest line', async () => {
    const problems = await load(valid.replace('debrief: D\n', ''));
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('"debrief"') })]);
  });

  it('a setup command that fails is reported at its own line with the command output', async () => {
    const problems = await load(valid.replace('sim advance 20s', 'sim node fail worker-9'));
    expect(problems).toEqual([
      {
        line: 5,
        message: labErrors.setupFailed(
          'sim node fail worker-9',
          'error: no machine named "worker-9" (nodes: control-plane, worker-1, worker-2, worker-3)',
        ),
      },
    ]);
  });

  it('a check that names a node the cluster does not have is reported', async () => {
    const text = valid.replace(
      'checks:\n',
      'checks:\n  - check: node\n    node: worker-7\n    status: Ready\n    label: l\n    failure: f\n',
    );
    expect(await load(text)).toEqual([
      { line: 9, message: labErrors.unknownNode('worker-7', ['control-plane', 'worker-1', 'worker-2', 'worker-3']) },
    ]);
  });

  it('counts read as numbers or comparisons', () => {
    expect(parseCount(3)).toEqual({ op: '==', value: 3 });
    expect(parseCount('>= 2')).toEqual({ op: '>=', value: 2 });
    expect(parseCount('!=0')).toEqual({ op: '!=', value: 0 });
    expect(parseCount('= 1')).toEqual({ op: '==', value: 1 });
    expect(parseCount('some')).toBeUndefined();
    expect(parseCount(-1)).toBeUndefined();
  });
});
