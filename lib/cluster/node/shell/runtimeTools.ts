// crictl on a node: the CRI's view of sandboxes, containers, images and their logs and stats
// (containerd's own CLIs are in containerdTools.ts). Column headers, ID lengths and time words
// follow the tool.
import { defaults } from '../../engine/config';
import { fail, ok, type CommandResult } from '../../kubectl/result';
import { simulatedEpochMs } from '../../kubectl/env';
import { commandLog } from '../commandlog';
import { containerProcess } from '../../kubelet/envvars';
import { nodeAddress } from '../../kubelet/runtime';
import { componentLog, containerLog } from '../logs';
import { fullImageName, imageRef } from '../containers';
import { cgroupTree, containerUsage } from './cgroups';
import { containerCgroup, humanDuration, imageIdOf, tabwriter, truncatedId, type NodeMachine } from './machine';
import { getopt } from '../../shell/getopt';
import { imageSize as registryImageSize } from '../../registry/registry';

const socket = 'unix:///run/containerd/containerd.sock';
const iso = (ms: number) => new Date(simulatedEpochMs + ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');

export const runtimeErrors = {
  crictlNoSocket: (now: number) =>
    `time="${new Date(simulatedEpochMs + now).toISOString().replace(/\.\d{3}Z$/, 'Z')}" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"${socket}\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory\\""`,
  ctrNoSocket: () =>
    'ctr: failed to dial "/run/containerd/containerd.sock": connection error: desc = "transport: error while dialing: dial unix:///run/containerd/containerd.sock: timeout"',
  nerdctlNoSocket: () =>
    'time="2025-01-06T09:00:00Z" level=fatal msg="cannot access containerd socket \\"/run/containerd/containerd.sock\\": no such file or directory"',
  nerdctlTemplateField: (field: string) =>
    `time="2025-01-06T09:00:00Z" level=fatal msg="template: :1:2: executing \\"\\" at <.${field}>: can't evaluate field ${field} in type *formatter.containerPrintable"`,
  notFound: (id: string) => `time="2025-01-06T09:00:00Z" level=fatal msg="no such container \\"${id}\\""`,
};

/** Human sizes as go-units HumanSize prints them (crictl, nerdctl): 4 significant digits, decimal units. */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number.parseFloat(value.toPrecision(4))}${units[unit]}`;
}

/** The size the node recorded when it pulled the image (the registry's figure for it). */
export const imageSize = (machine: NodeMachine, image: string) => registryImageSize(machine.engine.state.registry, image);

export function splitRef(ref: string): [string, string] {
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
}

function findContainer(machine: NodeMachine, id: string) {
  const matches = machine.containers.filter((c) => c.id.startsWith(id));
  return matches.length === 1 ? matches[0] : undefined;
}

export function crictl(machine: NodeMachine, args: string[], now: number): CommandResult {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help')
    return ok(
      'NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n\nCOMMANDS:\n   images, image, img  List images\n   inspect             Display the status of one or more containers\n   logs                Fetch the logs of a container\n   pods                List pods\n   ps                  List containers\n   stats               List container(s) resource usage statistics\n   version             Display runtime version information\n',
    );
  if (!machine.runtimeUp) return fail(runtimeErrors.crictlNoSocket(now));
  const parsed = getopt('crictl', rest, {
    flags: 'aqvT',
    values: 'ntNp',
    long: { all: 'a', quiet: 'q', 'no-trunc': 'T', verbose: 'v', tail: 't', name: 'N', pod: 'p', namespace: 'n' },
  });
  if ('error' in parsed) return fail(parsed.error);
  const { options, operands } = parsed;
  const trunc = (id: string) => (options.has('T') ? id : truncatedId(id));
  switch (sub) {
    case 'ps': {
      const nameFilter = options.get('N');
      const shown = machine.containers.filter(
        (c) => (options.has('a') || c.state === 'Running') && (typeof nameFilter !== 'string' || new RegExp(nameFilter).test(c.name)),
      );
      if (options.has('q')) return ok(shown.map((c) => `${c.id}\n`).join(''));
      const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
      for (const c of shown)
        rows.push([
          trunc(c.id),
          trunc(imageIdOf(c.image)),
          `${humanDuration(now - c.createdAt)} ago`,
          c.state === 'Running' ? 'Running' : c.state === 'Exited' ? 'Exited' : 'Created',
          c.name,
          String(c.attempt),
          trunc(c.sandbox.id),
          c.sandbox.pod.metadata.name,
          c.sandbox.pod.metadata.namespace,
        ]);
      return ok(tabwriter(rows, 20, 3));
    }
    case 'pods': {
      if (options.has('q')) return ok(machine.sandboxes.map((s) => `${s.id}\n`).join(''));
      const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
      for (const s of [...machine.sandboxes].sort((a, b) => b.createdAt - a.createdAt))
        rows.push([
          trunc(s.id),
          `${humanDuration(now - s.createdAt)} ago`,
          'Ready',
          s.pod.metadata.name,
          s.pod.metadata.namespace,
          '0',
          '(default)',
        ]);
      return ok(tabwriter(rows, 20, 3));
    }
    case 'images':
    case 'image':
    case 'img': {
      if (options.has('q')) return ok(machine.images.map((image) => `sha256:${imageIdOf(image)}\n`).join(''));
      const rows = [['IMAGE', 'TAG', 'IMAGE ID', 'SIZE']];
      for (const image of machine.images) {
        const [repository, tag] = splitRef(image);
        rows.push([repository, tag, trunc(imageIdOf(image)), humanSize(imageSize(machine, image))]);
      }
      return ok(tabwriter(rows, 20, 3));
    }
    case 'inspect': {
      if (operands.length === 0) return fail('time="2025-01-06T09:00:00Z" level=fatal msg="ID cannot be empty"');
      const found = findContainer(machine, operands[0]);
      if (!found) return fail(runtimeErrors.notFound(operands[0]));
      const pod = found.sandbox.pod;
      const status = {
        status: {
          id: found.id,
          metadata: { attempt: found.attempt, name: found.name },
          state: found.state === 'Running' ? 'CONTAINER_RUNNING' : found.state === 'Exited' ? 'CONTAINER_EXITED' : 'CONTAINER_CREATED',
          createdAt: iso(found.createdAt),
          startedAt: found.state === 'Created' ? '1970-01-01T00:00:00Z' : iso(found.startedAt),
          finishedAt: found.state === 'Exited' ? iso(found.startedAt) : '0001-01-01T00:00:00Z',
          exitCode: 0,
          image: { annotations: {}, image: fullImageName(found.image), runtimeHandler: '', userSpecifiedImage: '' },
          imageRef: imageRef(found.image),
          reason: found.state === 'Exited' ? 'Completed' : '',
          message: '',
          labels: {
            'io.kubernetes.container.name': found.name,
            'io.kubernetes.pod.name': pod.metadata.name,
            'io.kubernetes.pod.namespace': pod.metadata.namespace,
            'io.kubernetes.pod.uid': pod.metadata.uid,
          },
          annotations: { 'io.kubernetes.container.restartCount': String(found.attempt) },
          mounts: [],
          logPath: `/var/log/pods/${pod.metadata.namespace}_${pod.metadata.name}_${pod.metadata.uid}/${found.name}/${found.attempt}.log`,
        },
        info: {
          sandboxID: found.sandbox.id,
          pid: found.pid,
          runtimeType: 'io.containerd.runc.v2',
          runtimeSpec: {
            linux: {
              cgroupsPath: `${found.sandbox.cgroupSlice.split('/').pop()}:cri-containerd:${found.id}`,
              namespaces: [
                { type: 'pid' },
                { type: 'ipc', path: `/proc/${found.sandbox.pid}/ns/ipc` },
                { type: 'uts', path: `/proc/${found.sandbox.pid}/ns/uts` },
                { type: 'mount' },
                pod.spec.hostNetwork ? undefined : { type: 'network', path: `/proc/${found.sandbox.pid}/ns/net` },
                { type: 'cgroup' },
              ].filter(Boolean),
            },
          },
        },
      };
      return ok(`${JSON.stringify(status, null, 2)}\n`);
    }
    case 'logs': {
      const target = operands[0];
      if (!target) return fail('time="2025-01-06T09:00:00Z" level=fatal msg="ID cannot be empty"');
      const found = findContainer(machine, target);
      if (!found) return fail(runtimeErrors.notFound(target));
      const { container } = found;
      const process = containerProcess(found.sandbox.pod, container, nodeAddress(machine.engine.state, machine.name));
      let lines = [
        ...containerLog(found.image, found.startedAt),
        ...componentLog(machine.engine.state, found.image, found.startedAt),
        ...commandLog(process.argv, process.environment, found.startedAt, now).map((line) => line.text),
      ];
      const tail = options.get('t');
      if (typeof tail === 'string') {
        const value = Number(tail);
        if (Number.isInteger(value) && value >= 0) lines = value === 0 ? [] : lines.slice(-value);
      }
      return ok(lines.map((line) => `${line}\n`).join(''));
    }
    case 'stats': {
      const tree = cgroupTree(machine);
      const rows = [['CONTAINER', 'NAME', 'CPU %', 'MEM', 'DISK', 'INODES']];
      // As cri-tools does: sorted by container ID; a stopped container (no CPU, no memory) only with -a.
      const shown = machine.containers.filter((entry) => options.has('a') || entry.state === 'Running');
      for (const c of [...shown].sort((a, b) => a.id.localeCompare(b.id))) {
        const usage = containerUsage(c);
        const running = c.state === 'Running';
        const memory = humanSize(tree.get(containerCgroup(c))?.limits.memoryCurrent ?? 0);
        rows.push([
          trunc(c.id),
          c.name,
          (running ? usage.cpuPercent : 0).toFixed(2),
          running ? memory : humanSize(0),
          humanSize(usage.diskBytes),
          String(usage.inodes),
        ]);
      }
      return ok(tabwriter(rows, 20, 3));
    }
    case 'version':
      // The CRI Version call: crictl's own version, then the runtime's.
      return ok(
        `Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v${defaults.nodeSystem.containerdVersion}\nRuntimeApiVersion:  v1\n`,
      );
    default:
      return fail(`No help topic for '${sub}'`);
  }
}
