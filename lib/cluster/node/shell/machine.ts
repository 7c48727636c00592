// One node as its own tools see it: containerd's sandboxes and containers, the processes, the
// Linux namespaces and the cgroup tree, all derived from the model (the pods bound here and the
// runtime's records), so crictl, ps, lsns and /sys/fs/cgroup agree with each other and with kubectl.
import { podQosClass, type QosClass } from '../../apiserver/qos';
import type { Container, Pod } from '../../api/types';
import type { Engine } from '../../engine/engine';
import { runtimeOf } from '../../kubelet/runtime';
import { containerId, digest, fullImageName, pauseImage, sandboxId } from '../containers';

export interface SandboxInfo {
  id: string;
  pod: Pod;
  createdAt: number;
  ready: boolean;
  pid: number;
  shimPid: number;
  qos: QosClass;
  cgroupSlice: string;
}

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  container: Container;
  sandbox: SandboxInfo;
  createdAt: number;
  startedAt: number;
  state: 'Running' | 'Exited' | 'Created';
  attempt: number;
  pid: number;
  /** What the process uses now (the kubelet runtime's app state, which `sim app memory` sets), while it runs. */
  memoryBytes?: number;
}

export interface NodeMachine {
  name: string;
  engine: Engine;
  sandboxes: SandboxInfo[];
  containers: ContainerInfo[];
  images: string[];
  runtimeUp: boolean;
  kubeletUp: boolean;
}

/** A pid in the range a busy node would hand out, stable for the thing it belongs to. */
export const pidFor = (key: string) => 1200 + (Number.parseInt(digest(`pid/${key}`).slice(0, 8), 16) % 60000);

/** The kubelet's pod cgroup parent with the systemd driver: the QoS slice, then the pod slice. */
export function podSlice(qos: QosClass, uid: string): string {
  const escaped = uid.replaceAll('-', '_');
  if (qos === 'Guaranteed') return `kubepods.slice/kubepods-pod${escaped}.slice`;
  const tier = qos.toLowerCase();
  return `kubepods.slice/kubepods-${tier}.slice/kubepods-${tier}-pod${escaped}.slice`;
}

export const scopeOf = (id: string) => `cri-containerd-${id}.scope`;

export function nodeMachine(engine: Engine, name: string): NodeMachine {
  const runtime = runtimeOf(engine, name);
  const sandboxes: SandboxInfo[] = [];
  const containers: ContainerInfo[] = [];
  const pods = engine.store
    .podsOnNode(name)
    .sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp || a.metadata.name.localeCompare(b.metadata.name));
  for (const pod of pods) {
    const record = runtime.containers[pod.metadata.uid];
    if (!record) continue;
    const id = sandboxId(pod.metadata.uid);
    const qos = podQosClass(pod.spec.containers);
    const sandbox: SandboxInfo = {
      id,
      pod,
      createdAt: pod.status.startTime ?? record.since,
      ready: true,
      pid: pidFor(id) + 20,
      shimPid: pidFor(id),
      qos,
      cgroupSlice: podSlice(qos, pod.metadata.uid),
    };
    sandboxes.push(sandbox);
    for (const container of pod.spec.containers) {
      const status = pod.status.containerStatuses.find((entry) => entry.name === container.name);
      const restarts = status?.restartCount ?? 0;
      const started = record.phase === 'running' || record.phase === 'stopping';
      if (restarts > 0) {
        const previous = containerId(pod.metadata.uid, container.name, restarts - 1);
        containers.push({
          id: previous,
          name: container.name,
          image: container.image,
          container,
          sandbox,
          createdAt: sandbox.createdAt,
          startedAt: sandbox.createdAt,
          state: 'Exited',
          attempt: restarts - 1,
          pid: 0,
        });
      }
      if (!started && record.phase !== 'creating') continue;
      const instance = record.instances?.[container.name];
      // A container whose image never arrived (#96) was never created: nothing of it is on the node.
      if (instance?.state === 'imageWait' && !instance.ended) continue;
      const cid = containerId(pod.metadata.uid, container.name, restarts);
      const running = started && (!instance || instance.state === 'running' || instance.state === 'killing');
      containers.push({
        id: cid,
        name: container.name,
        image: container.image,
        container,
        sandbox,
        createdAt: status?.startedAt ?? record.since,
        startedAt: status?.startedAt ?? record.since,
        state: running ? 'Running' : started ? 'Exited' : 'Created',
        attempt: restarts,
        // Started after the sandbox's pause process, so it has a higher pid.
        pid: running ? sandbox.pid + 40 + pod.spec.containers.indexOf(container) * 30 + (restarts % 10) * 3 : 0,
        ...(running && instance ? { memoryBytes: instance.app.memoryBytes } : {}),
      });
    }
  }
  containers.sort((a, b) => b.createdAt - a.createdAt);
  const images = [
    ...new Set([...runtime.images.map(fullImageName), ...(sandboxes.length > 0 || runtime.images.length > 0 ? [pauseImage] : [])]),
  ].sort();
  return { name, engine, sandboxes, containers, images, runtimeUp: runtime.up, kubeletUp: engine.kubeletRunning(name) };
}

/** The cgroup a process of this container lives in, from the root of the unified hierarchy. */
export const containerCgroup = (container: ContainerInfo) => `/${container.sandbox.cgroupSlice}/${scopeOf(container.id)}`;
export const sandboxCgroup = (sandbox: SandboxInfo) => `/${sandbox.cgroupSlice}/${scopeOf(sandbox.id)}`;

/** How long ago, as docker/go-units HumanDuration words it (crictl's CREATED column). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  return `${Math.floor(hours / 24 / 30)} months`;
}

/** Go's text/tabwriter as the tools configure it: cells padded to the column width, the last cell bare. */
export function tabwriter(rows: string[][], minwidth: number, padding: number): string {
  const widths: number[] = [];
  for (const row of rows)
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, Math.max(cell.length + padding, minwidth));
    });
  return rows.map((row) => `${row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]) : cell)).join('')}\n`).join('');
}

export const truncatedId = (id: string) => id.slice(0, 13);
export const imageIdOf = (image: string) => digest(`id:${fullImageName(image)}`);
