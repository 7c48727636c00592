// containerd's own CLIs on a node (ctr, nerdctl), where Kubernetes' containers live in the k8s.io
// namespace and the default namespace is empty. Column headers and ID lengths follow the tools.
import { fail, ok, type CommandResult } from '../../kubectl/result';
import { humanSize, imageSize, runtimeErrors, splitRef } from './runtimeTools';
import { humanDuration, imageIdOf, tabwriter, type NodeMachine } from './machine';
import { fullImageName, imageRef } from '../containers';

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
