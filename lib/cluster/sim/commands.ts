// The `sim` commands: what happens to the machines rather than to the API (power, kubelets,
// container runtimes, etcd members) and the passage of time.
import { addNodeHardware, spawnNode, validNodeResources } from '../engine/bootstrap';
import { appCommand } from './app';
import { runtimeOf } from '../kubelet/runtime';
import type { Engine } from '../engine/engine';
import { simErrors } from '../api/errors';
import { limits } from '../api/limits';
import { defaults } from '../engine/config';
import { parseArgs } from '../kubectl/flags';
import { fail, ok, type CommandResult } from '../kubectl/result';
import { formatGoDuration, parseDuration } from '../util/duration';
import { healNode, isPartitioned, partitionNode } from '../node/network';
import { clusterRegion, machinesInZone, maxZones, zoneForNewWorker, zonesOf } from '../node/zones';
import { simCurl } from '../proxy/curl';
import { simCommandHelp } from './help';
import { registryCommand } from './registry';

/** The most workers `sim init` builds. */
export const maxWorkers = 5000;

const etcdSizes = [1, 3, 5] as const;

export interface SimInitOptions {
  workers?: number;
  cpu?: string;
  memory?: string;
  etcdMembers?: (typeof etcdSizes)[number];
  seed?: string;
  /** Zones to spread the workers over, round-robin (zone-a, zone-b, ...). */
  zones?: number;
}

/** sim's flags are read as strictly as kubectl's: integers as Go's strconv.ParseInt reads them. */
const initFlags = [
  { name: 'workers', type: 'int' },
  { name: 'cpu', type: 'string' },
  { name: 'memory', type: 'string' },
  { name: 'etcd-members', type: 'int' },
  { name: 'seed', type: 'string' },
  { name: 'zones', type: 'int' },
] as const;

function initOptions(args: string[]): SimInitOptions | CommandResult {
  const parsed = parseArgs(args, initFlags);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.positional.length > 0) return fail(simErrors.unexpectedArguments(parsed.positional));
  const { workers, cpu, memory, seed, zones } = parsed.flags;
  const members = parsed.flags['etcd-members'];
  if (workers !== undefined && (workers < 0 || workers > maxWorkers))
    return fail(simErrors.invalidFlag('workers', `${workers} is out of range: a cluster has 0 to ${maxWorkers} workers`));
  const etcdMembers = etcdSizes.find((size) => size === members);
  if (members !== undefined && etcdMembers === undefined)
    return fail(simErrors.invalidFlag('etcd-members', `${members}: etcd runs 1, 3 or 5 members here`));
  const workerCount = workers ?? defaults.workers;
  if (zones !== undefined && (zones < 1 || zones > Math.min(maxZones, workerCount)))
    return fail(simErrors.invalidFlag('zones', simErrors.tooManyZones(zones, workerCount)));
  return { workers, cpu, memory, etcdMembers, seed, zones };
}

export interface SimHost {
  engine: Engine;
  /** Replaces the cluster (sim init). */
  reinit(options: SimInitOptions): CommandResult;
}

function nodeActor(engine: Engine, name: string | undefined): CommandResult | string {
  if (!name) return fail('error: a node name is required');
  if (!engine.actors.has(`node/${name}`))
    return fail(`error: no machine named "${name}" (nodes: ${[...engine.kubelets.keys()].join(', ')})`);
  return name;
}

/** A state value as a dotted path: "stopped", "running.heartbeating.steady". */
function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, inner] = Object.entries(value as Record<string, unknown>)[0];
  return `${key}.${statePath(inner)}`;
}

function send(engine: Engine, key: string, type: string, allowedFrom: string[], message: string): CommandResult {
  const actor = engine.actor(key);
  if (!allowedFrom.some((state) => actor.getSnapshot().matches(state))) {
    const [kind, name] = key.split('/');
    const subject = kind === 'node' ? `machine ${name}` : `the kubelet on ${name}`;
    return fail(`error: ${subject} is ${statePath(actor.getSnapshot().value)}`);
  }
  actor.send({ type });
  return ok(`${message}\n`);
}

function nodeCommand(host: SimHost, args: string[]): CommandResult {
  const { engine } = host;
  const [action, target, ...rest] = args;
  if (action === 'add') {
    const parsed = parseArgs(rest, [
      { name: 'cpu', type: 'string' },
      { name: 'memory', type: 'string' },
    ]);
    if ('error' in parsed) return fail(parsed.error);
    if (parsed.positional.length > 0) return fail(simErrors.unexpectedArguments(parsed.positional));
    if (!target || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(target)) return fail('error: sim node add NAME [--cpu N] [--memory SIZE]');
    if (engine.actors.has(`node/${target}`)) return fail(`error: machine "${target}" already exists`);
    const worker = engine.state.hardware[[...engine.kubelets.keys()].find((name) => engine.state.hardware[name]?.role === 'worker') ?? ''];
    const cpu = parsed.flags.cpu ?? worker?.cpu ?? '4';
    const memory = parsed.flags.memory ?? worker?.memory ?? '8Gi';
    if (!validNodeResources(cpu, memory)) return fail(`error: invalid node size: cpu "${cpu}", memory "${memory}"`);
    if (!engine.api.canWrite()) return fail('error: the new kubelet cannot register: the API server accepts no writes');
    const place = zoneForNewWorker(engine);
    addNodeHardware(engine, target, { cpu, memory, role: 'worker', ...place });
    spawnNode(engine, target);
    const where = place.zone ? ` in ${place.zone}` : '';
    return ok(`machine ${target} added${where} (cpu ${cpu}, memory ${memory}); its kubelet registers the node\n`);
  }
  const name = nodeActor(engine, target);
  if (typeof name !== 'string') return name;
  if (rest.length > 0) return fail(`error: unexpected arguments: ${rest.join(' ')}`);
  if (action === 'fail') return send(engine, `node/${name}`, 'POWER_LOSS', ['running', 'booting'], `machine ${name} lost power`);
  if (action === 'recover') return send(engine, `node/${name}`, 'POWER_ON', ['poweredOff'], `machine ${name} is booting`);
  return fail('error: sim node fail|recover|add NAME');
}

function kubeletCommand(host: SimHost, args: string[]): CommandResult {
  const [action, target, ...rest] = args;
  const name = nodeActor(host.engine, target);
  if (typeof name !== 'string') return name;
  if (rest.length > 0) return fail(`error: unexpected arguments: ${rest.join(' ')}`);
  if (action === 'stop')
    return send(
      host.engine,
      `kubelet/${name}`,
      'KUBELET_STOP',
      ['running', 'starting'],
      `kubelet on ${name} stopped (containers keep running)`,
    );
  if (action === 'start') return send(host.engine, `kubelet/${name}`, 'KUBELET_START', ['stopped'], `kubelet on ${name} starting`);
  return fail('error: sim kubelet stop|start NAME');
}

function runtimeCommand(host: SimHost, args: string[]): CommandResult {
  const [action, target, ...rest] = args;
  const name = nodeActor(host.engine, target);
  if (typeof name !== 'string') return name;
  if (rest.length > 0 || (action !== 'stop' && action !== 'start')) return fail('error: sim runtime stop|start NAME');
  const runtime = runtimeOf(host.engine, name);
  const up = action === 'start';
  if (runtime.up === up) return fail(`error: the container runtime on ${name} is already ${up ? 'running' : 'stopped'}`);
  runtime.up = up;
  host.engine.nodeStatusOverwritten(name);
  if (up && host.engine.kubeletRunning(name)) {
    for (const pod of host.engine.store.podsOnNode(name))
      host.engine.queues.kubelet.add({ node: name, pod: `${pod.metadata.namespace}/${pod.metadata.name}` });
  }
  return ok(`container runtime on ${name} ${up ? 'started' : 'stopped (containers keep running; the kubelet reports NotReady)'}\n`);
}

function networkCommand(host: SimHost, args: string[]): CommandResult {
  const { engine } = host;
  const [action, target, ...rest] = args;
  if (action !== 'partition' && action !== 'heal') return fail(simErrors.networkUsage());
  const name = nodeActor(engine, target);
  if (typeof name !== 'string') return name;
  if (rest.length > 0) return fail(simErrors.unexpectedArguments(rest));
  if (name === engine.controlPlaneNode) return fail(simErrors.networkControlPlane(name));
  if (action === 'partition') {
    if (isPartitioned(engine, name)) return fail(simErrors.alreadyPartitioned(name));
    partitionNode(engine, name);
    return ok(`${name} is cut off from the API server and the other nodes (the machine, its kubelet and its containers keep running)\n`);
  }
  if (!isPartitioned(engine, name)) return fail(simErrors.notPartitioned(name));
  healNode(engine, name);
  return ok(`${name} is reachable again; its kubelet reconnects to the API server\n`);
}

function zoneCommand(host: SimHost, args: string[]): CommandResult {
  const { engine } = host;
  const [action, zone, ...rest] = args;
  if ((action !== 'fail' && action !== 'recover') || !zone) return fail(simErrors.zoneUsage());
  if (rest.length > 0) return fail(simErrors.unexpectedArguments(rest));
  const zones = zonesOf(engine);
  if (zones.length === 0) return fail(simErrors.noZones());
  if (!zones.includes(zone)) return fail(simErrors.unknownZone(zone, zones));
  const machines = machinesInZone(engine, zone);
  const from = action === 'fail' ? ['running', 'booting'] : ['poweredOff'];
  const affected = machines.filter((name) => from.some((state) => engine.actor(`node/${name}`).getSnapshot().matches(state)));
  if (affected.length === 0) return fail(action === 'fail' ? simErrors.zoneAlreadyDown(zone) : simErrors.zoneAlreadyUp(zone));
  for (const name of affected) engine.actor(`node/${name}`).send({ type: action === 'fail' ? 'POWER_LOSS' : 'POWER_ON' });
  const what = action === 'fail' ? 'lost power' : 'booting';
  return ok(`${zone} (${clusterRegion}): ${affected.map((name) => `machine ${name} ${what}`).join(', ')}\n`);
}

function etcdCommand(host: SimHost, args: string[]): CommandResult {
  const [action, member, ...rest] = args;
  const etcd = host.engine.actor('etcd');
  const members = (etcd.getSnapshot().context as { members: Record<string, string> }).members;
  if (rest.length > 0 || (action !== 'fail' && action !== 'recover') || !member) return fail('error: sim etcd fail|recover MEMBER');
  if (!Object.hasOwn(members, member)) return fail(`error: no etcd member "${member}" (members: ${Object.keys(members).join(', ')})`);
  const wanted = action === 'fail' ? 'failed' : 'healthy';
  if (members[member] === wanted) return fail(`error: ${member} is already ${wanted}`);
  etcd.send({ type: action === 'fail' ? 'MEMBER_FAIL' : 'MEMBER_RECOVER', member });
  const quorate = etcd.getSnapshot().matches('quorate');
  return ok(`${member} ${wanted}; etcd ${quorate ? 'has' : 'has NO'} quorum\n`);
}

/**
 * The sim commands this runner accepts, each with its handler (`sim ssh`, which needs the whole
 * cluster, is run by cluster.ts). Every key has an entry in simCommandHelp and vice versa.
 */
export const simCommands: Record<string, (host: SimHost, args: string[]) => CommandResult> = {
  init: (host, rest) => {
    const options = initOptions(rest);
    return 'exitCode' in options ? options : host.reinit(options);
  },
  node: nodeCommand,
  kubelet: kubeletCommand,
  runtime: runtimeCommand,
  etcd: etcdCommand,
  network: networkCommand,
  zone: zoneCommand,
  registry: (host, rest) => registryCommand(host.engine, rest),
  app: (host, rest) => appCommand(host.engine, rest),
  advance: (host, rest) => {
    const duration = rest.length === 1 ? parseDuration(rest[0]) : undefined;
    if (duration === undefined) return fail(simErrors.advanceUsage(rest[0] || undefined));
    if (duration > limits.maxAdvanceMs) return fail(simErrors.advanceTooLong(duration));
    host.engine.advanceTo(host.engine.clock.now() + duration);
    return ok(`advanced ${formatGoDuration(duration)}; now ${formatGoDuration(host.engine.clock.now())}\n`);
  },
  curl: (host, rest) => simCurl(host.engine, rest),
  time: (host, rest) => {
    if (rest.length > 0) return fail('error: sim time takes no arguments');
    return ok(`${formatGoDuration(host.engine.clock.now())}\n`);
  },
};

export function sim(host: SimHost, args: string[]): CommandResult {
  const [group, ...rest] = args;
  const command = group !== undefined && Object.hasOwn(simCommands, group) ? simCommands[group] : undefined;
  if (command) return command(host, rest);
  return fail(group ? `error: unknown command "${group}" for "sim"` : `error: sim ${Object.keys(simCommandHelp).join('|')}`);
}
