// The cluster a page, a quiz or the CLI talks to: one command language (kubectl ..., sim ...),
// a virtual clock, snapshots and a plain view. Nothing here throws on bad input.
import { bootstrap, validNodeResources, type ClusterShape } from './engine/bootstrap';
import { defaults } from './engine/config';
import { Engine } from './engine/engine';
import type { KubectlEnv } from './kubectl/env';
import { kubectl } from './kubectl/kubectl';
import { fail, ok, type CommandResult } from './kubectl/result';
import { simSsh } from './node/shell/nodeShell';
import { clusterRegion } from './node/zones';
import { runLine } from './shell/shell';
import { simHelp } from './sim/help';
import { sim, type SimInitOptions } from './sim/commands';
import { isClusterSnapshot, restoreSnapshot, takeSnapshot, type ClusterSnapshot } from './snapshot';
import { parseDuration } from './util/duration';
import { seedToState } from './util/rng';
import { buildView, type ClusterView } from './view';

export interface CreateClusterOptions {
  seed?: number | string;
  workers?: number;
  cpu?: string;
  memory?: string;
  etcdMembers?: 1 | 3 | 5;
  /** Zones to spread the workers over (sim init --zones). */
  zones?: number;
  /** Virtual files for `kubectl apply -f`, keyed by path (relative to `cwd` or absolute). */
  files?: Record<string, string>;
  /** The directory relative FILE paths start from. */
  cwd?: string;
  /** Fallback reader for paths not in `files` (the CLI passes one backed by node:fs). */
  readFile?: (absolutePath: string) => string | undefined;
}

export interface ScriptStep extends CommandResult {
  command: string;
  /** Simulated seconds after the command. */
  time: number;
}

export interface Cluster {
  exec(line: string): CommandResult;
  run(script: string): ScriptStep[];
  /** Advances simulated time by milliseconds or a duration such as "1m30s"; throws RangeError on nonsense. */
  advance(duration: number | string): void;
  now(): number;
  snapshot(): ClusterSnapshot;
  restore(snapshot: ClusterSnapshot): void;
  subscribe(listener: () => void): () => void;
  view(): ClusterView;
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const withNewline = (text: string) => (text && !text.endsWith('\n') ? `${text}\n` : text);

class SimulatedCluster implements Cluster {
  engine!: Engine;
  private seed: number | string;
  private shape: ClusterShape;
  private listeners = new Set<() => void>();
  private cachedView: ClusterView | undefined;
  private readonly env: KubectlEnv;
  /** Files written with `> FILE` in this cluster's terminal, by absolute path. */
  private readonly written = new Map<string, string>();
  private lastStatus = 0;

  constructor(private readonly options: CreateClusterOptions) {
    this.seed = options.seed ?? defaults.seed;
    this.shape = {
      workers: options.workers ?? defaults.workers,
      cpu: options.cpu ?? defaults.cpu,
      memory: options.memory ?? defaults.memory,
      etcdMembers: options.etcdMembers ?? defaults.etcdMembers,
      zones: options.zones,
    };
    this.boot();
    const cluster = this;
    this.env = {
      get engine() {
        return cluster.engine;
      },
      readFile: (path) => this.readFile(path),
    };
  }

  private boot(): void {
    this.engine = new Engine(seedToState(this.seed));
    bootstrap(this.engine, this.shape);
    this.engine.afterChange();
  }

  private absolutePath(path: string): string {
    return normalizePath(path.startsWith('/') ? path : `${this.options.cwd ?? '/'}/${path}`);
  }

  private writeFile(path: string, text: string, append: boolean): boolean {
    const absolute = this.absolutePath(path);
    this.written.set(absolute, (append ? (this.readFile(path) ?? '') : '') + text);
    return true;
  }

  private readFile(path: string): string | undefined {
    const files = this.options.files ?? {};
    const absolute = this.absolutePath(path);
    const written = this.written.get(absolute);
    if (written !== undefined) return written;
    if (Object.hasOwn(files, path)) return files[path];
    for (const [name, text] of Object.entries(files)) {
      if (normalizePath(name.startsWith('/') ? name : `${this.options.cwd ?? '/'}/${name}`) === absolute) return text;
    }
    return this.options.readFile?.(absolute);
  }

  private reinit(init: SimInitOptions): CommandResult {
    const shape: ClusterShape = {
      workers: init.workers ?? defaults.workers,
      cpu: init.cpu ?? defaults.cpu,
      memory: init.memory ?? defaults.memory,
      etcdMembers: init.etcdMembers ?? defaults.etcdMembers,
      zones: init.zones,
    };
    if (!validNodeResources(shape.cpu, shape.memory)) return fail(`error: invalid node size: cpu "${shape.cpu}", memory "${shape.memory}"`);
    this.shape = shape;
    this.seed = init.seed ?? this.seed;
    this.boot();
    return ok(
      `cluster created: control-plane + ${shape.workers} worker(s) (cpu ${shape.cpu}, memory ${shape.memory} each), ` +
        `${shape.etcdMembers} etcd member(s)${shape.zones ? `, ${shape.zones} zone(s) in ${clusterRegion}` : ''}, seed ${this.seed}\n`,
    );
  }

  private changed(): void {
    this.cachedView = undefined;
    for (const listener of [...this.listeners]) listener();
  }

  exec(line: string): CommandResult {
    const text = String(line ?? '').trim();
    if (!text) return ok();
    let result: CommandResult;
    try {
      result = this.dispatch(text);
      this.engine.afterChange();
    } catch (error) {
      result = fail(`error: internal error in the simulator: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.changed();
    this.lastStatus = result.exitCode;
    return { stdout: withNewline(result.stdout), stderr: withNewline(result.stderr), exitCode: result.exitCode };
  }

  private dispatch(text: string): CommandResult {
    const kubectlProgram = (args: string[]) => kubectl(this.env, args);
    return runLine(
      {
        programs: {
          kubectl: kubectlProgram,
          k: kubectlProgram,
          sim: (args) =>
            simHelp(args) ??
            (args[0] === 'ssh'
              ? simSsh(this.engine, args.slice(1))
              : sim({ engine: this.engine, reinit: (init) => this.reinit(init) }, args)),
        },
        readFile: (path) => this.readFile(path),
        writeFile: (path, content, append) => this.writeFile(path, content, append),
        lastStatus: this.lastStatus,
      },
      text,
    );
  }

  run(script: string): ScriptStep[] {
    const steps: ScriptStep[] = [];
    for (const line of String(script ?? '').split(/\r?\n/)) {
      const command = line.trim();
      if (!command || command.startsWith('#')) continue;
      const result = this.exec(command);
      steps.push({ command, ...result, time: this.engine.clock.now() / 1000 });
    }
    return steps;
  }

  advance(duration: number | string): void {
    const ms = typeof duration === 'number' ? duration : parseDuration(duration);
    if (ms === undefined || !Number.isFinite(ms) || ms < 0) throw new RangeError(`invalid duration: ${String(duration)}`);
    this.engine.advanceTo(this.engine.clock.now() + Math.round(ms));
    this.changed();
  }

  now(): number {
    return this.engine.clock.now();
  }

  snapshot(): ClusterSnapshot {
    return takeSnapshot(this.engine);
  }

  restore(snapshot: ClusterSnapshot): void {
    if (!isClusterSnapshot(snapshot)) throw new TypeError('not a cluster snapshot');
    restoreSnapshot(this.engine, structuredClone(snapshot));
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  view(): ClusterView {
    return (this.cachedView ??= buildView(this.engine));
  }
}

export function createCluster(options: CreateClusterOptions = {}): Cluster {
  return new SimulatedCluster(options);
}

/** The engine behind a cluster, for white-box invariant tests; not part of the public API. */
export function engineOf(cluster: Cluster): Engine {
  return (cluster as SimulatedCluster).engine;
}
