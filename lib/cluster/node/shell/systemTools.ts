// The host tools on a node: systemctl and journalctl for the kubelet and containerd units, ps,
// lsns, and ls/cat over the parts of /proc and /sys/fs/cgroup the model knows.
import { defaults } from '../../engine/config';
import { fail, ok, type CommandResult } from '../../kubectl/result';
import { simulatedEpochMs } from '../../kubectl/env';
import { cgroupFile, cgroupFiles, cgroupTree } from './cgroups';
import type { NodeMachine } from './machine';
import { componentCommand, namespaceTypes, processes, type NamespaceType, type Process } from './processes';
import { staticPods } from '../../engine/bootstrap';
import { toYaml } from '../../kubectl/output/yaml';

export const kernelRelease = defaults.nodeSystem.kernelVersion;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (ms: number) => {
  const d = new Date(simulatedEpochMs + ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};
const journalStamp = (ms: number) => {
  const d = new Date(simulatedEpochMs + ms);
  return `${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const sinceStamp = (ms: number) => {
  const d = new Date(simulatedEpochMs + ms);
  return `${days[d.getUTCDay()]} ${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
};
const ago = (ms: number) => {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}min ago`;
  const h = Math.floor(m / 60);
  return `${h}h ${m % 60}min ago`;
};

const units: Record<string, { description: string; path: string; docs: string; dropIn?: string; pid: number; command: string }> = {
  kubelet: {
    description: 'kubelet: The Kubernetes Node Agent',
    path: '/usr/lib/systemd/system/kubelet.service',
    docs: 'https://kubernetes.io/docs/',
    dropIn: '/usr/lib/systemd/system/kubelet.service.d\n             └─10-kubeadm.conf',
    pid: 734,
    command: '/usr/bin/kubelet',
  },
  containerd: {
    description: 'containerd container runtime',
    path: '/usr/lib/systemd/system/containerd.service',
    docs: 'https://containerd.io',
    pid: 612,
    command: '/usr/bin/containerd',
  },
};

export function systemctl(machine: NodeMachine, args: string[], now: number): CommandResult {
  const [verb, rawUnit] = args.filter((arg) => !arg.startsWith('-'));
  if (verb !== 'status' && verb !== 'is-active')
    return fail(`systemctl: only "systemctl status UNIT" and "is-active UNIT" are supported here`);
  const name = (rawUnit ?? '').replace(/\.service$/, '');
  const unit = Object.hasOwn(units, name) ? units[name] : undefined;
  if (!unit) return fail(`Unit ${rawUnit ?? ''}.service could not be found.`, '', 4);
  const running = name === 'kubelet' ? machine.kubeletUp : machine.runtimeUp;
  if (verb === 'is-active') return running ? ok('active\n') : { stdout: 'inactive\n', stderr: '', exitCode: 3 };
  const process = processes(machine).find((p) => p.pid === unit.pid);
  const lines = [
    `${running ? '●' : '○'} ${name}.service - ${unit.description}`,
    `     Loaded: loaded (${unit.path}; enabled; preset: enabled)`,
    ...(unit.dropIn ? [`    Drop-In: ${unit.dropIn}`] : []),
    running ? `     Active: active (running) since ${sinceStamp(0)}; ${ago(now)}` : '     Active: inactive (dead)',
    `       Docs: ${unit.docs}`,
  ];
  if (running && process)
    lines.push(
      `   Main PID: ${unit.pid} (${name})`,
      `      Tasks: ${name === 'kubelet' ? 14 : 11}`,
      `     Memory: ${(process.rss / 1024).toFixed(1)}M`,
      `     CGroup: ${process.cgroup}`,
      `             └─${unit.pid} ${process.command}`,
    );
  else lines.push(`   Main PID: ${unit.pid} (code=killed, signal=TERM)`);
  lines.push('', ...journal(machine, name, now).slice(-10));
  return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: running ? 0 : 3 };
}

/** The unit's journal: start-up, then what the kubelet did to pods on this node (its events). */
function journal(machine: NodeMachine, name: string, now: number): string[] {
  const unit = units[name];
  const host = machine.name;
  const line = (ms: number, text: string) => `${journalStamp(ms)} ${host} ${text}`;
  const klog = (ms: number, text: string) => {
    const d = new Date(simulatedEpochMs + ms);
    const stamp = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
    return line(ms, `${name}[${unit.pid}]: I${stamp}     ${unit.pid} ${text}`);
  };
  const out = [line(0, `systemd[1]: Started ${name}.service - ${unit.description}.`)];
  if (name === 'containerd') {
    out.push(
      line(
        0,
        `containerd[${unit.pid}]: time="${new Date(simulatedEpochMs).toISOString()}" level=info msg="containerd successfully booted in 0.052s"`,
      ),
    );
    return out;
  }
  out.push(
    klog(0, 'server.go:484] "Kubelet version" kubeletVersion="v1.32.0"'),
    klog(0, 'kubelet_node_status.go:75] "Attempting to register node" node="' + host + '"'),
  );
  // The kubelet's events about this node and the pods bound to it.
  const onNode = (event: { involvedObject: { kind: string; name: string; namespace: string } }) =>
    event.involvedObject.kind === 'Node'
      ? event.involvedObject.name === host
      : machine.engine.store.get('Pod', `${event.involvedObject.namespace}/${event.involvedObject.name}`)?.spec.nodeName === host;
  const events = [...machine.engine.api.events.list()].filter((event) => event.source.startsWith('kubelet') && onNode(event));
  for (const event of events.sort((a, b) => a.lastTimestamp - b.lastTimestamp)) {
    if (event.lastTimestamp > now) continue;
    out.push(
      klog(
        event.lastTimestamp,
        `event.go:389] "Event occurred" object="${event.involvedObject.namespace}/${event.involvedObject.name}" kind="${event.involvedObject.kind}" reason="${event.reason}" message="${event.message.replaceAll('"', '\\"')}"`,
      ),
    );
  }
  if (!machine.kubeletUp)
    out.push(
      line(now, 'systemd[1]: Stopping kubelet.service - kubelet: The Kubernetes Node Agent...'),
      line(now, 'systemd[1]: kubelet.service: Deactivated successfully.'),
      line(now, 'systemd[1]: Stopped kubelet.service - kubelet: The Kubernetes Node Agent.'),
    );
  return out;
}

export function journalctl(machine: NodeMachine, args: string[], now: number): CommandResult {
  let unit: string | undefined;
  let count: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-u' || arg === '--unit') unit = args[++i];
    else if (arg.startsWith('-u')) unit = arg.slice(2);
    else if (arg.startsWith('--unit=')) unit = arg.slice(7);
    else if (arg === '-n' || arg === '--lines') count = Number(args[++i]);
    else if (/^-n\d+$/.test(arg)) count = Number(arg.slice(2));
    else if (arg.startsWith('--lines=')) count = Number(arg.slice(8));
    else if (arg === '--no-pager' || arg === '-l' || arg === '-x' || arg === '-e') continue;
    else if (arg === '-f' || arg === '--follow') return fail('journalctl: --follow is not supported here; use -n N');
    else return fail(`journalctl: unsupported argument '${arg}'`);
  }
  const name = (unit ?? '').replace(/\.service$/, '');
  if (!Object.hasOwn(units, name)) return fail('journalctl: only -u kubelet and -u containerd are kept on this node');
  if (count !== undefined && (!Number.isInteger(count) || count < 0)) return fail(`Failed to parse lines '${count}'.`);
  let lines = journal(machine, name, now);
  if (count !== undefined) lines = count === 0 ? [] : lines.slice(-count);
  return ok(lines.map((line) => `${line}\n`).join(''));
}

export function ps(machine: NodeMachine, args: string[]): CommandResult {
  const style = args.join(' ');
  const list = processes(machine);
  const cpuTime = (p: Process) => (p.pid === 734 ? 9 : p.pid === 612 ? 5 : p.pid === 1 ? 2 : 0);
  if (style === 'aux' || style === '-aux' || style === 'auxww' || style === 'axu') {
    const header = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND';
    const rows = list.map((p) => {
      const stat = p.command.startsWith('[') ? 'S' : p.ppid === 1 || p.pid === 1 ? 'Ssl' : 'Ss';
      const vsz = p.rss === 0 ? 0 : p.rss * 9;
      return `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${'0.0'.padStart(4)} ${(p.rss / 81920).toFixed(1).padStart(4)} ${String(vsz).padStart(6)} ${String(p.rss).padStart(5)} ${'?'.padEnd(8)} ${stat.padEnd(4)} ${clock(p.startedAt).padEnd(5)} ${`0:${pad(cpuTime(p))}`.padStart(6)} ${p.command}`;
    });
    return ok(`${[header, ...rows].join('\n')}\n`);
  }
  if (style === '-ef' || style === '-e -f' || style === '-eF' || style === 'ef' || style === '-efww') {
    const header = 'UID          PID    PPID  C STIME TTY          TIME CMD';
    const rows = list.map(
      (p) =>
        `${p.user.padEnd(8)} ${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)} ${'0'.padStart(2)} ${clock(p.startedAt).padEnd(5)} ${'?'.padEnd(8)} ${`00:00:${pad(cpuTime(p))}`.padStart(8)} ${p.command}`,
    );
    return ok(`${[header, ...rows].join('\n')}\n`);
  }
  const custom =
    /^-e?o\s+(\S+)/.exec(
      style
        .replace(/--forest|\bww?\b/g, '')
        .replace(/^-e\s+-o/, '-eo')
        .trim(),
    ) ?? /^-eo\s*(\S+)/.exec(style.replace(/--forest/g, '').trim());
  if (custom) {
    const columns: Record<string, { header: string; width: number; right: boolean; value: (p: Process) => string }> = {
      pid: { header: 'PID', width: 7, right: true, value: (p) => String(p.pid) },
      ppid: { header: 'PPID', width: 7, right: true, value: (p) => String(p.ppid) },
      user: { header: 'USER', width: 8, right: false, value: (p) => p.user },
      uid: { header: 'UID', width: 5, right: true, value: (p) => (p.user === 'root' ? '0' : p.user) },
      rss: { header: 'RSS', width: 5, right: true, value: (p) => String(p.rss) },
      cmd: { header: 'CMD', width: 0, right: false, value: (p) => p.command },
      args: { header: 'COMMAND', width: 0, right: false, value: (p) => p.command },
      command: { header: 'COMMAND', width: 0, right: false, value: (p) => p.command },
      comm: {
        header: 'COMMAND',
        width: 15,
        right: false,
        value: (p) => p.command.replace(/^-/, '').split(/[ :]/)[0].split('/').pop()!.slice(0, 15),
      },
    };
    const names = custom[1].split(',').map((name) => name.replace(/=.*$/, ''));
    if (names.some((name) => !Object.hasOwn(columns, name)))
      return fail(`error: unknown user-defined format specifier "${custom[1].split(',').find((name) => !Object.hasOwn(columns, name))}"`);
    const picked = names.map((name) => columns[name]);
    const format = (cells: string[]) =>
      cells
        .map((cell, i) => (i === cells.length - 1 ? cell : picked[i].right ? cell.padStart(picked[i].width) : cell.padEnd(picked[i].width)))
        .join(' ');
    return ok(`${[format(picked.map((c) => c.header)), ...list.map((p) => format(picked.map((c) => c.value(p))))].join('\n')}\n`);
  }
  if (style === '') return ok('    PID TTY          TIME CMD\n   1104 pts/0    00:00:00 bash\n   1187 pts/0    00:00:00 ps\n');
  return fail(`ps: only "ps aux" and "ps -ef" are supported here`);
}

/** A stable UUID-shaped name from a number (CNI plugins name netns files cni-<uuid>). */
function pseudoUuid(seed: number): string {
  let hex = '';
  let h = seed >>> 0;
  while (hex.length < 32) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function lsns(machine: NodeMachine, args: string[]): CommandResult {
  let type: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-t' || args[i] === '--type') type = args[++i];
    else if (args[i].startsWith('--type=')) type = args[i].slice(7);
    else if (args[i].startsWith('-t')) type = args[i].slice(2);
    else return fail(`lsns: unsupported argument '${args[i]}'`);
  }
  if (type !== undefined && !namespaceTypes.includes(type as NamespaceType)) return fail(`lsns: unknown namespace type: ${type}`);
  const list = processes(machine).filter((p) => !p.command.startsWith('['));
  const byInode = new Map<number, { type: NamespaceType; procs: Process[] }>();
  for (const p of list)
    for (const nsType of namespaceTypes) {
      if (type !== undefined && nsType !== type) continue;
      const inode = p.namespaces[nsType];
      const entry = byInode.get(inode) ?? { type: nsType, procs: [] };
      entry.procs.push(p);
      byInode.set(inode, entry);
    }
  // With -t net, util-linux adds NETNSID and NSFS: a pod's network namespace is pinned by the CNI
  // plugin under /run/netns, the host's is not (and has no id assigned).
  const net = type === 'net';
  let netnsId = 0;
  const rows = [...byInode.entries()]
    .sort(([a], [b]) => a - b)
    .map(([inode, entry]) => {
      const first = entry.procs.reduce((low, p) => (p.pid < low.pid ? p : low));
      const host = first.pid === 1;
      const netColumns = net ? [host ? 'unassigned' : String(netnsId++), host ? '' : `/run/netns/cni-${pseudoUuid(inode)}`] : [];
      return [String(inode), entry.type, String(entry.procs.length), String(first.pid), first.user, ...netColumns, first.command];
    });
  const header = ['NS', 'TYPE', 'NPROCS', 'PID', 'USER', ...(net ? ['NETNSID', 'NSFS'] : []), 'COMMAND'];
  const right = [true, false, true, true, false, ...(net ? [true, false] : []), false];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (row: string[]) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' ');
  return ok(`${[header, ...rows].map(format).join('\n')}\n`);
}

/** The files the node shell can read or list: /proc/PID/..., /sys/fs/cgroup/..., a few in /etc. */
export function nodeFile(
  machine: NodeMachine,
  path: string,
  now: number,
): { file: string } | { dir: string[]; long?: string[] } | undefined {
  const clean = path.replace(/\/+$/, '') || '/';
  const proc = /^\/proc\/(\d+|self)(?:\/(.*))?$/.exec(clean);
  if (proc) {
    const list = processes(machine);
    const process = list.find((p) => String(p.pid) === proc[1]) ?? (proc[1] === 'self' ? list[0] : undefined);
    if (!process) return undefined;
    const rest = proc[2] ?? '';
    if (rest === '') return { dir: ['cgroup', 'cmdline', 'environ', 'ns', 'status'] };
    if (rest === 'cgroup') return { file: `0::${process.cgroup}\n` };
    if (rest === 'cmdline') return { file: process.command.replaceAll(' ', '\u0000') };
    if (rest === 'status')
      return {
        file: `Name:\t${process.command.split(/[ /]/).filter(Boolean).pop()}\nState:\tS (sleeping)\nPid:\t${process.pid}\nPPid:\t${process.ppid}\nVmRSS:\t${process.rss} kB\n`,
      };
    if (rest === 'ns') {
      const d = new Date(simulatedEpochMs + now);
      const stamp = `${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${clock(now)}`;
      const names = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts'];
      return {
        dir: names,
        long: names.map((name) => {
          const nsType = name.replace(/_for_children$/, '') as NamespaceType;
          return `lrwxrwxrwx 1 ${process.user === 'root' ? 'root root' : `${process.user} ${process.user}`} 0 ${stamp} ${name} -> '${nsType}:[${process.namespaces[nsType]}]'`;
        }),
      };
    }
    return undefined;
  }
  const cgroup = /^\/sys\/fs\/cgroup(\/.*)?$/.exec(clean);
  if (cgroup) {
    const tree = cgroupTree(machine);
    const inner = cgroup[1] ?? '';
    const dir = tree.get(inner);
    if (dir)
      return { dir: [...cgroupFiles, ...dir.children, ...(inner === '' ? ['init.scope', 'system.slice', 'user.slice'] : [])].sort() };
    const slash = inner.lastIndexOf('/');
    const parent = tree.get(inner.slice(0, slash));
    const text = parent ? cgroupFile(parent, inner.slice(slash + 1)) : undefined;
    return text === undefined ? undefined : { file: text };
  }
  const etc: Record<string, string> = {
    '/etc/hostname': `${machine.name}\n`,
    '/etc/os-release': `PRETTY_NAME="${defaults.nodeSystem.osImage}"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n`,
    '/proc/version': `Linux version ${kernelRelease} (buildd@lcy02-amd64-100) #51-Ubuntu SMP PREEMPT_DYNAMIC\n`,
  };
  if (Object.hasOwn(etc, clean)) return { file: etc[clean] };
  const staticDir = '/etc/kubernetes/manifests';
  const hardware = machine.engine.state.hardware[machine.name];
  const manifests = hardware?.role === 'control-plane' ? staticPods : [];
  if (clean === staticDir) return { dir: manifests.map(({ component }) => `${component}.yaml`) };
  const manifest = manifests.find(({ component }) => clean === `${staticDir}/${component}.yaml`);
  if (manifest) return { file: staticManifest(manifest, machine.name, hardware?.index ?? 0) };
  if (clean === '/var/lib/kubelet/config.yaml') return { file: kubeletConfig };
  return undefined;
}

/** A static pod manifest as kubeadm writes it (trimmed to what the model runs: no probes or volumes). */
function staticManifest(pod: (typeof staticPods)[number], node: string, index: number): string {
  const { component } = pod;
  return toYaml({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null, labels: { component, tier: 'control-plane' }, name: component, namespace: 'kube-system' },
    spec: {
      containers: [
        {
          command: componentCommand(component, node, index),
          image: pod.image,
          imagePullPolicy: 'IfNotPresent',
          name: component,
          resources: { requests: { cpu: `${pod.cpu}m`, ...(pod.memory ? { memory: `${pod.memory / 1024 ** 2}Mi` } : {}) } },
        },
      ],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
    },
    status: {},
  });
}

/** The kubelet's configuration file as kubeadm writes it: zero durations mean the kubelet's defaults (#1-#4). */
const kubeletConfig = toYaml({
  apiVersion: 'kubelet.config.k8s.io/v1beta1',
  kind: 'KubeletConfiguration',
  cgroupDriver: 'systemd',
  clusterDNS: ['10.96.0.10'],
  clusterDomain: 'cluster.local',
  containerRuntimeEndpoint: '',
  nodeStatusReportFrequency: '0s',
  nodeStatusUpdateFrequency: '0s',
  rotateCertificates: true,
  runtimeRequestTimeout: '0s',
  shutdownGracePeriod: '0s',
  shutdownGracePeriodCriticalPods: '0s',
  staticPodPath: '/etc/kubernetes/manifests',
  syncFrequency: '0s',
});

export function ls(machine: NodeMachine, args: string[], now: number): CommandResult {
  const long = args.some((arg) => /^-[a-zA-Z]*l/.test(arg));
  const paths = args.filter((arg) => !arg.startsWith('-'));
  const targets = paths.length > 0 ? paths : ['/root'];
  let stdout = '';
  const errors: string[] = [];
  for (const target of targets) {
    if (target === '/root' || target === '~' || target === '.') continue;
    const found = nodeFile(machine, target, now);
    if (!found) {
      errors.push(`ls: cannot access '${target}': No such file or directory`);
      continue;
    }
    if (targets.length > 1) stdout += `${target}:\n`;
    if ('file' in found) stdout += `${target}\n`;
    else if (long && found.long) stdout += `total 0\n${found.long.join('\n')}\n`;
    else if (long)
      stdout += `total 0\n${found.dir.map((name) => `${name.includes('.') && !name.endsWith('.slice') && !name.endsWith('.scope') ? '-rw-r--r--' : 'drwxr-xr-x'} 1 root root 0 ${months[0]}  6 09:00 ${name}`).join('\n')}\n`;
    else stdout += found.dir.length > 0 ? `${found.dir.join('\n')}\n` : '';
  }
  return { stdout, stderr: errors.join('\n'), exitCode: errors.length > 0 ? 2 : 0 };
}
