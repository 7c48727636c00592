import { createCluster } from '@/lib/cluster';

const pod = (name: string, limits: string) => `
apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeName: worker-1
  containers:
    - name: ${name}
      image: nginx:1.27
${limits ? `      resources: { limits: { ${limits} } }\n` : ''}`;

describe('crictl stats reads what the model knows about each container', () => {
  const cluster = createCluster({
    seed: 4,
    workers: 1,
    files: { 'free.yaml': pod('free', ''), 'tight.yaml': pod('tight', 'cpu: 1m, memory: 8Mi') },
  });
  for (const line of ['kubectl apply -f free.yaml -f tight.yaml', 'sim advance 30s']) cluster.exec(line);
  const rows = cluster
    .exec('sim ssh worker-1 -- crictl stats')
    .stdout.trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s{2,}/));
  const row = (name: string) => rows.find((cells) => cells[1] === name)!;

  it('CPU % is an idle share of a core, never over the CPU limit (1m is 0.10%)', () => {
    expect(Number(row('free')[2])).toBeGreaterThan(0);
    expect(Number(row('tight')[2])).toBeLessThanOrEqual(0.1);
  });

  it("MEM is the container cgroup's memory.current: what the app uses (nginx idles at 4Mi), under its limit", () => {
    expect(row('tight')[3]).toBe('4.194MB');
    expect(row('free')[3]).toBe('4.194MB');
  });

  it('DISK and INODES describe the same writable layer: one inode per 4 kB plus the directories', () => {
    for (const name of ['free', 'tight']) {
      const [, , , , disk, inodes] = row(name);
      expect(Number(inodes)).toBeGreaterThan(11);
      expect(disk).toMatch(/kB$/);
    }
  });
});
