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

describe('crictl stats lays rows out as cri-tools does', () => {
  const cluster = createCluster({ seed: 4, workers: 1, files: { 'free.yaml': pod('free', '') } });
  for (const line of ['kubectl apply -f free.yaml', 'sim advance 30s']) cluster.exec(line);
  const table = (flags = '') =>
    cluster
      .exec(`sim ssh worker-1 -- crictl stats ${flags}`)
      .stdout.trim()
      .split('\n')
      .map((line) => line.split(/\s{2,}/));

  it('rows are sorted by container ID, under CONTAINER NAME CPU % MEM DISK INODES', () => {
    const [header, ...rows] = table();
    expect(header).toEqual(['CONTAINER', 'NAME', 'CPU %', 'MEM', 'DISK', 'INODES']);
    const ids = rows.map((cells) => cells[0]);
    expect(ids).toEqual([...ids].sort());
    expect(ids.every((id) => /^[0-9a-f]{13}$/.test(id))).toBe(true);
  });

  it("MEM is the same figure as the container scope's memory.current (go-units' decimal sizes)", () => {
    const [id, , , mem] = table().find((cells) => cells[1] === 'free')!;
    const pid = JSON.parse(cluster.exec(`sim ssh worker-1 -- crictl inspect ${id}`).stdout).info.pid;
    const scope = cluster.exec(`sim ssh worker-1 -- cat /proc/${pid}/cgroup`).stdout.trim().replace(/^0::/, '');
    const current = Number(cluster.exec(`sim ssh worker-1 -- cat /sys/fs/cgroup${scope}/memory.current`).stdout);
    expect(current).toBeGreaterThan(0);
    expect(mem).toBe(`${Number.parseFloat((current / 1e6).toPrecision(4))}MB`);
  });

  it('a stopped container shows only with -a, with no CPU and no memory', () => {
    cluster.exec('sim app crash free');
    cluster.exec('sim advance 3s');
    const all = table('-a').slice(1);
    const exited = all.filter((cells) => cells[1] === 'free' && cells[2] === '0.00');
    expect(exited.length).toBeGreaterThan(0);
    expect(exited[0][3]).toBe('0B');
    expect(table().slice(1).length).toBeLessThan(all.length);
  });
});
