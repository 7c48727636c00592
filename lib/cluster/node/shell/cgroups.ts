// The node's cgroup v2 tree (/sys/fs/cgroup) as the kubelet and runc set it up with the systemd
// driver: kubepods.slice, a slice per QoS class, a slice per pod, a scope per container. Limits
// are computed the way the kubelet does: cpu.max from the CPU limit (quota per 100000us period),
// cpu.weight from the CPU request through cgroup v1 shares, memory.max from the memory limit.
import type { Container } from '../../api/types';
import { digest } from '../containers';
import { podSlice, scopeOf, type ContainerInfo, type NodeMachine, type SandboxInfo } from './machine';

export const cpuPeriod = 100000;
const minShares = 2;
const maxShares = 262144;

/** MilliCPUToShares (pkg/kubelet/cm): 1 CPU is 1024 shares, never below 2. */
export function milliCpuToShares(milli: number): number {
  if (milli === 0) return minShares;
  return Math.min(maxShares, Math.max(minShares, Math.floor((milli * 1024) / 1000)));
}

/** runc's cgroup v1 shares to v2 weight conversion: [2, 262144] onto [1, 10000]. */
export const sharesToWeight = (shares: number) => 1 + Math.floor(((shares - 2) * 9999) / 262142);

/** MilliCPUToQuota: the quota per period, at least 1000us; undefined means no limit. */
export function milliCpuToQuota(milli: number | undefined): number | undefined {
  if (!milli) return undefined;
  return Math.max(1000, Math.floor((milli * cpuPeriod) / 1000));
}

/** The request the API server defaulted: a limit without a request requests the limit. */
const request = (container: Container, resource: 'cpu' | 'memory') => container.requests[resource] || container.limits?.[resource] || 0;

export interface CgroupLimits {
  cpuMax: string;
  cpuWeight: number;
  memoryMax: string;
  memoryCurrent: number;
  pids: number[];
}

const cpuMaxText = (quota: number | undefined) => `${quota ?? 'max'} ${cpuPeriod}`;

/**
 * A container's resident memory: what its process uses in the kubelet's runtime (the image's
 * idle figure, or what `sim app memory` set: #102), never over its limit (above it the kernel
 * OOM-kills it). Without runtime state (a container being created), a few MiB by image.
 */
function memoryInUse(container: ContainerInfo): number {
  const limit = container.container.limits?.memory;
  if (container.memoryBytes !== undefined) return limit ? Math.min(container.memoryBytes, limit) : container.memoryBytes;
  const base = (2 + (Number.parseInt(digest(`mem/${container.image}`).slice(0, 4), 16) % 10)) * 1024 * 1024;
  return limit ? Math.min(base, Math.floor(limit / 2)) : base;
}

/**
 * What `crictl stats` reads for a running container, from the same seed as its memory: an idle
 * server's CPU use (0.05% to 0.5% of a core by image), never over its CPU limit; and its writable
 * layer (a few kB of files written at start, one inode per 4 kB plus the directories).
 */
export function containerUsage(container: ContainerInfo): { cpuPercent: number; diskBytes: number; inodes: number } {
  const seed = Number.parseInt(digest(`usage/${container.image}`).slice(0, 6), 16);
  const limit = container.container.limits?.cpu;
  const idle = (5 + (seed % 46)) / 100;
  const cpuPercent = limit ? Math.min(idle, limit / 10) : idle;
  const diskBytes = (3 + ((seed >> 8) % 30)) * 4096;
  return { cpuPercent, diskBytes, inodes: diskBytes / 4096 + 11 };
}

const pauseMemory = 245760;

function containerLimits(container: ContainerInfo): CgroupLimits {
  const limits = container.container.limits ?? {};
  return {
    cpuMax: cpuMaxText(milliCpuToQuota(limits.cpu)),
    cpuWeight: sharesToWeight(milliCpuToShares(request(container.container, 'cpu'))),
    memoryMax: limits.memory ? String(limits.memory) : 'max',
    memoryCurrent: container.state === 'Running' ? memoryInUse(container) : 0,
    pids: container.state === 'Running' ? [container.pid] : [],
  };
}

function podLimits(machine: NodeMachine, sandbox: SandboxInfo): CgroupLimits {
  const specs = sandbox.pod.spec.containers;
  const allCpuLimited = specs.every((c) => (c.limits?.cpu ?? 0) > 0);
  const allMemoryLimited = specs.every((c) => (c.limits?.memory ?? 0) > 0);
  const sum = (pick: (c: Container) => number) => specs.reduce((total, c) => total + pick(c), 0);
  const running = machine.containers.filter((c) => c.sandbox === sandbox && c.state === 'Running');
  return {
    cpuMax: cpuMaxText(allCpuLimited ? milliCpuToQuota(sum((c) => c.limits?.cpu ?? 0)) : undefined),
    cpuWeight: sharesToWeight(sandbox.qos === 'BestEffort' ? minShares : milliCpuToShares(sum((c) => request(c, 'cpu')))),
    memoryMax: allMemoryLimited ? String(sum((c) => c.limits?.memory ?? 0)) : 'max',
    memoryCurrent: pauseMemory + running.reduce((total, c) => total + memoryInUse(c), 0),
    pids: [],
  };
}

export interface CgroupDir {
  path: string;
  limits: CgroupLimits;
  children: string[];
}

/** Every cgroup directory kubelet-managed on this node, by path from /sys/fs/cgroup. */
export function cgroupTree(machine: NodeMachine): Map<string, CgroupDir> {
  const dirs = new Map<string, CgroupDir>();
  const node = machine.engine.store.get('Node', machine.name);
  const allocatable = node?.status.allocatable ?? { cpu: 0, memory: 0 };
  const add = (path: string, limits: CgroupLimits) => {
    dirs.set(path, { path, limits, children: [] });
    if (path === '') return;
    const parent = path.slice(0, path.lastIndexOf('/'));
    dirs.get(parent)?.children.push(path.slice(parent.length + 1));
  };
  const podTotals = machine.sandboxes.map((sandbox) => ({ sandbox, limits: podLimits(machine, sandbox) }));
  const memoryOf = (filter: (s: SandboxInfo) => boolean) =>
    podTotals.filter(({ sandbox }) => filter(sandbox)).reduce((t, p) => t + p.limits.memoryCurrent, 0);
  add('', { cpuMax: 'max 100000', cpuWeight: 100, memoryMax: 'max', memoryCurrent: 0, pids: [1] });
  add('/kubepods.slice', {
    cpuMax: cpuMaxText(undefined),
    cpuWeight: sharesToWeight(milliCpuToShares(allocatable.cpu)),
    memoryMax: String(allocatable.memory),
    memoryCurrent: memoryOf(() => true),
    pids: [],
  });
  const burstableRequests = machine.sandboxes
    .filter((s) => s.qos === 'Burstable')
    .reduce((total, s) => total + s.pod.spec.containers.reduce((sum, c) => sum + request(c, 'cpu'), 0), 0);
  add('/kubepods.slice/kubepods-burstable.slice', {
    cpuMax: cpuMaxText(undefined),
    cpuWeight: sharesToWeight(milliCpuToShares(burstableRequests)),
    memoryMax: 'max',
    memoryCurrent: memoryOf((s) => s.qos === 'Burstable'),
    pids: [],
  });
  add('/kubepods.slice/kubepods-besteffort.slice', {
    cpuMax: cpuMaxText(undefined),
    cpuWeight: sharesToWeight(minShares),
    memoryMax: 'max',
    memoryCurrent: memoryOf((s) => s.qos === 'BestEffort'),
    pids: [],
  });
  for (const { sandbox, limits } of podTotals) {
    const podPath = `/${podSlice(sandbox.qos, sandbox.pod.metadata.uid)}`;
    add(podPath, limits);
    add(`${podPath}/${scopeOf(sandbox.id)}`, {
      cpuMax: cpuMaxText(undefined),
      cpuWeight: sharesToWeight(minShares),
      memoryMax: 'max',
      memoryCurrent: pauseMemory,
      pids: [sandbox.pid],
    });
    for (const container of machine.containers.filter((c) => c.sandbox === sandbox && c.state !== 'Exited'))
      add(`${podPath}/${scopeOf(container.id)}`, containerLimits(container));
  }
  return dirs;
}

/** The interface files every cgroup directory shows, sorted as ls prints them. */
export const cgroupFiles = [
  'cgroup.controllers',
  'cgroup.events',
  'cgroup.freeze',
  'cgroup.max.depth',
  'cgroup.max.descendants',
  'cgroup.procs',
  'cgroup.stat',
  'cgroup.subtree_control',
  'cgroup.threads',
  'cgroup.type',
  'cpu.idle',
  'cpu.max',
  'cpu.max.burst',
  'cpu.pressure',
  'cpu.stat',
  'cpu.weight',
  'cpu.weight.nice',
  'io.max',
  'io.pressure',
  'io.stat',
  'io.weight',
  'memory.current',
  'memory.events',
  'memory.high',
  'memory.low',
  'memory.max',
  'memory.min',
  'memory.oom.group',
  'memory.peak',
  'memory.pressure',
  'memory.stat',
  'memory.swap.current',
  'memory.swap.max',
  'pids.current',
  'pids.max',
];

/** The text of one interface file, or undefined when the model does not know it. */
export function cgroupFile(dir: CgroupDir, file: string): string | undefined {
  const { limits } = dir;
  switch (file) {
    case 'cpu.max':
      return `${limits.cpuMax}\n`;
    case 'cpu.weight':
      return `${limits.cpuWeight}\n`;
    case 'memory.max':
      return `${limits.memoryMax}\n`;
    case 'memory.current':
      return `${limits.memoryCurrent}\n`;
    case 'memory.peak':
      return `${limits.memoryCurrent}\n`;
    case 'memory.min':
    case 'memory.low':
      return '0\n';
    case 'memory.high':
    case 'memory.swap.max':
    case 'pids.max':
      return 'max\n';
    case 'memory.swap.current':
      return '0\n';
    case 'cgroup.procs':
    case 'cgroup.threads':
      return limits.pids.map((pid) => `${pid}\n`).join('');
    case 'pids.current':
      return `${limits.pids.length}\n`;
    case 'cgroup.controllers':
      return 'cpuset cpu io memory hugetlb pids rdma misc\n';
    case 'cgroup.type':
      return 'domain\n';
    case 'cpu.weight.nice':
      return '0\n';
    default:
      return undefined;
  }
}
