// crictl, ctr and nerdctl on a node: the CRI's view (crictl, sandboxes and containers), and
// containerd's own (ctr, nerdctl), where Kubernetes' containers live in the k8s.io namespace and
// the default namespace is empty. Column headers, ID lengths and time words follow the tools.
import { defaults } from '../../engine/config';
import { fail, ok, type CommandResult } from '../../kubectl/result';
import { simulatedEpochMs } from '../../kubectl/env';
import { commandLog } from '../commandlog';
import { componentLog, containerLog } from '../logs';
import { processWords } from '../../registry/config';
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
function humanSize(bytes: number): string {
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
const imageSize = (machine: NodeMachine, image: string) => registryImageSize(machine.engine.state.registry, image);

function splitRef(ref: string): [string, string] {
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
      let lines = [
        ...containerLog(found.image, found.startedAt),
        ...componentLog(machine.engine.state, found.image, found.startedAt),
        ...commandLog(
          processWords(found.image, container.command, container.args),
          found.sandbox.pod.metadata.name,
          found.startedAt,
          now,
        ).map((line) => line.text),
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

/** ctr's -n / --namespace, defaulting to containerd's "default" namespace. */
function containerdNamespace(args: string[]): { namespace: string; rest: string[] } {
  const rest: string[] = [];
  let namespace = 'default';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-n' || arg === '--namespace') namespace = args[++i] ?? '';
    else if (arg.startsWith('--namespace=')) namespace = arg.slice(12);
    else if (arg.startsWith('-n') && arg.length > 2) namespace = arg.slice(2);
    else rest.push(arg);
  }
  return { namespace, rest };
}

const listVerbs = new Set(['ls', 'list']);

export function ctr(machine: NodeMachine, args: string[]): CommandResult {
  const { namespace, rest } = containerdNamespace(args);
  const [object, verb] = rest;
  if (!object)
    return ok(
      'NAME:\n   ctr - containerd CLI\n\nUSAGE:\n   ctr [global options] command [command options]\n\nCOMMANDS:\n   containers, c, container  Manage containers\n   images, image, i          Manage images\n   namespaces, namespace, ns Manage namespaces\n   tasks, t, task            Manage tasks\n',
    );
  if (!machine.runtimeUp) return fail(runtimeErrors.ctrNoSocket());
  const k8s = namespace === 'k8s.io';
  // -q / --quiet prints the first column only (container and task IDs, image refs), as ctr does.
  const quiet = rest.slice(2).some((arg) => arg === '-q' || arg === '--quiet');
  const table = (rows: string[][]) =>
    ok(
      quiet
        ? rows
            .slice(1)
            .map((row) => `${row[0]}\n`)
            .join('')
        : tabwriter(rows, 4, 4).replace(/ +$/gm, ''),
    );
  const all = [
    ...machine.sandboxes.map((s) => ({ id: s.id, image: 'registry.k8s.io/pause:3.10', pid: s.pid })),
    ...machine.containers.filter((c) => c.state !== 'Exited').map((c) => ({ id: c.id, image: fullImageName(c.image), pid: c.pid })),
  ];
  if (['namespaces', 'namespace', 'ns'].includes(object)) {
    if (!verb || !listVerbs.has(verb)) return fail(`ctr: unknown command "${verb ?? ''}" for namespaces: use ls`);
    return ok(`NAME   LABELS \nk8s.io        \n`);
  }
  if (!verb || !listVerbs.has(verb)) return fail(`ctr: only "ls" is supported here for ${object}`);
  if (['containers', 'container', 'c'].includes(object))
    return table([['CONTAINER', 'IMAGE', 'RUNTIME', ''], ...(k8s ? all.map((c) => [c.id, c.image, 'io.containerd.runc.v2', '']) : [])]);
  if (['tasks', 'task', 't'].includes(object))
    return table([
      ['TASK', 'PID', 'STATUS', ''],
      ...(k8s ? all.filter((c) => c.pid > 0).map((c) => [c.id, String(c.pid), 'RUNNING', '']) : []),
    ]);
  if (['images', 'image', 'i'].includes(object)) {
    const rows = [['REF', 'TYPE', 'DIGEST', 'SIZE', 'PLATFORMS', 'LABELS', '']];
    if (k8s)
      for (const image of machine.images) {
        const digestRef = imageRef(image);
        const digestText = digestRef.slice(digestRef.indexOf('@') + 1);
        const size = (imageSize(machine, image) / 1024 / 1024).toFixed(1);
        const type = 'application/vnd.oci.image.index.v1+json';
        const row = (ref: string) => [
          ref,
          type,
          digestText,
          `${size} MiB`,
          'linux/amd64,linux/arm64',
          'io.cri-containerd.image=managed',
          '',
        ];
        rows.push(row(image), row(digestRef), row(`sha256:${imageIdOf(image)}`));
      }
    return table(rows.sort((a, b) => (a[0] === 'REF' ? -1 : b[0] === 'REF' ? 1 : a[0].localeCompare(b[0]))));
  }
  return fail(`ctr: unknown command "${object}"`);
}

export function nerdctl(machine: NodeMachine, args: string[], now: number): CommandResult {
  const { namespace, rest } = containerdNamespace(args);
  const [sub, ...flags] = rest;
  if (!sub)
    return ok(
      'nerdctl is a command line interface for containerd\n\nUsage: nerdctl [flags]\n\nManagement commands:\n  container  Manage containers\n  image      Manage images\n\nCommands:\n  images     List images\n  ps         List containers\n',
    );
  if (!machine.runtimeUp) return fail(runtimeErrors.nerdctlNoSocket());
  const k8s = namespace === 'k8s.io';
  if (sub === 'ps') {
    const showAll = flags.includes('-a') || flags.includes('--all');
    const format = formatFlag(flags);
    const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
    if (k8s) {
      const entries = [
        ...machine.sandboxes.map((s) => ({
          id: s.id,
          image: 'registry.k8s.io/pause:3.10',
          command: '"/pause"',
          created: s.createdAt,
          up: true,
          name: `k8s://${s.pod.metadata.namespace}/${s.pod.metadata.name}`,
        })),
        ...machine.containers.map((c) => ({
          id: c.id,
          image: fullImageName(c.image),
          command: `"${commandOf(c.image)}"`,
          created: c.createdAt,
          up: c.state === 'Running',
          name: `k8s://${c.sandbox.pod.metadata.namespace}/${c.sandbox.pod.metadata.name}/${c.name}`,
        })),
      ].filter((entry) => showAll || entry.up);
      for (const entry of entries)
        rows.push([
          entry.id.slice(0, 12),
          entry.image,
          entry.command,
          `${humanDuration(now - entry.created)} ago`,
          entry.up ? 'Up' : 'Exited (0)',
          '',
          entry.name,
        ]);
    }
    if (flags.includes('-q') || flags.includes('--quiet'))
      return ok(
        rows
          .slice(1)
          .map((row) => `${row[0]}\n`)
          .join(''),
      );
    return format === undefined ? ok(tabwriter(rows, 4, 4)) : goTemplate(format, rows);
  }
  if (sub === 'images') {
    const rows = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'PLATFORM', 'SIZE', 'BLOB SIZE']];
    if (k8s)
      for (const image of machine.images) {
        const [repository, tag] = splitRef(image);
        rows.push([
          repository,
          tag,
          imageIdOf(image).slice(0, 12),
          `${humanDuration(now)} ago`,
          'linux/amd64',
          humanSize(imageSize(machine, image) * 2.5),
          humanSize(imageSize(machine, image)),
        ]);
      }
    return ok(tabwriter(rows, 4, 4));
  }
  return fail(`time="2025-01-06T09:00:00Z" level=fatal msg="unknown subcommand \\"${sub}\\" for \\"nerdctl\\""`);
}

/** The value of --format TEMPLATE or --format=TEMPLATE. */
function formatFlag(flags: readonly string[]): string | undefined {
  const i = flags.findIndex((flag) => flag === '--format' || flag.startsWith('--format='));
  if (i === -1) return undefined;
  return flags[i] === '--format' ? (flags[i + 1] ?? '') : flags[i].slice('--format='.length);
}

/** Fields of nerdctl ps's Go template, by the column they come from. */
const psTemplateFields: Record<string, string> = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED',
  Status: 'STATUS',
  Ports: 'PORTS',
  Names: 'NAMES',
};

/** nerdctl ps --format: each row through a Go template of {{.Field}} references ("table ..." adds a header). */
function goTemplate(format: string, rows: string[][]): CommandResult {
  const [header, ...body] = rows;
  const asTable = format.startsWith('table ');
  const template = (asTable ? format.slice(6) : format).replaceAll('\\t', '\t');
  const unknown = [...template.matchAll(/\{\{\s*\.(\w+)\s*\}\}/g)].find((match) => !Object.hasOwn(psTemplateFields, match[1]));
  if (unknown) return fail(runtimeErrors.nerdctlTemplateField(unknown[1]));
  const render = (row: string[], names = false) =>
    template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_m, field: string) =>
      names ? field.toUpperCase() : row[header.indexOf(psTemplateFields[field])],
    );
  const lines = body.map((row) => render(row));
  if (!asTable) return ok(lines.map((line) => `${line}\n`).join(''));
  const cells = [render(header, true), ...lines].map((line) => line.split('\t'));
  return ok(tabwriter(cells, 4, 4));
}

/** The start of the command nerdctl shows, truncated as it does. */
function commandOf(image: string): string {
  const name = image.split('/').pop()!.split(/[:@]/)[0];
  const commands: Record<string, string> = { nginx: '/docker-entrypoint.…', busybox: 'sleep 3600', redis: 'docker-entrypoint.s…' };
  const command = Object.hasOwn(commands, name) ? commands[name] : name;
  return command.length > 20 ? `${command.slice(0, 19)}…` : command;
}
