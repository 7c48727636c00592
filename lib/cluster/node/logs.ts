// What a container writes when it starts, by image: the runtime keeps one log per container
// instance, and these start-up lines are its first entries. Both kubectl logs and crictl logs
// read them, so the two agree. Images with no table entry start silently (busybox sleeping).
import { simulatedEpochMs } from '../kubectl/env';
import type { SimState } from '../engine/state';
import { digest } from './containers';

type Stamp = (offsetMs: number) => string;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const parts = (ms: number) => {
  const d = new Date(simulatedEpochMs + ms);
  return {
    y: d.getUTCFullYear(),
    mo: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
    s: pad(d.getUTCSeconds()),
    micro: pad(d.getUTCMilliseconds() * 1000, 6),
  };
};

/** klog's header: I0106 09:00:01.000000       1 file.go:123] */
const klog = (at: Stamp, offset: number, source: string, message: string) => `I${at(offset)}       1 ${source}] ${message}`;

const families: { match: RegExp; lines: (image: string, start: number) => string[] }[] = [
  {
    match: /(^|\/)nginx(:|$)/,
    lines: (image, start) => {
      const t = parts(start + 40);
      const stamp = `${t.y}/${t.mo}/${t.d} ${t.h}:${t.mi}:${t.s}`;
      const version = /:(\d+\.\d+)/.exec(image)?.[1] ?? '1.27';
      return [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        `${stamp} [notice] 1#1: using the "epoll" event method`,
        `${stamp} [notice] 1#1: nginx/${version}.3`,
        `${stamp} [notice] 1#1: OS: Linux 6.8.0-51-generic`,
        `${stamp} [notice] 1#1: start worker processes`,
        `${stamp} [notice] 1#1: start worker process 29`,
      ];
    },
  },
  {
    match: /(^|\/)redis(:|$)/,
    lines: (_image, start) => {
      const t = parts(start + 20);
      const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      const stamp = `${t.d} ${months[Number(t.mo) - 1]} ${t.y} ${t.h}:${t.mi}:${t.s}.${t.micro.slice(0, 3)}`;
      return [
        `1:C ${stamp} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
        `1:M ${stamp} * Running mode=standalone, port=6379.`,
        `1:M ${stamp} * Server initialized`,
        `1:M ${stamp} * Ready to accept connections tcp`,
      ];
    },
  },
  {
    match: /(^|\/)etcd:/,
    lines: (_image, start) => {
      const iso = new Date(simulatedEpochMs + start + 30).toISOString();
      const entry = (caller: string, msg: string) => `{"level":"info","ts":"${iso}","caller":"${caller}","msg":"${msg}"}`;
      return [
        entry('etcdmain/etcd.go:73', 'Running: etcd --data-dir=/var/lib/etcd'),
        entry('embed/etcd.go:128', 'configuring peer listeners'),
        entry('embed/etcd.go:136', 'configuring client listeners'),
        entry('etcdserver/server.go:2067', 'published local member to cluster through raft'),
        entry('embed/serve.go:103', 'ready to serve client requests'),
      ];
    },
  },
  {
    match: /kube-(apiserver|controller-manager|scheduler):/,
    lines: (image, start) => {
      const at: Stamp = (offset) => {
        const t = parts(start + offset);
        return `${t.mo}${t.d} ${t.h}:${t.mi}:${t.s}.${t.micro}`;
      };
      const component = /kube-(apiserver|controller-manager|scheduler)/.exec(image)![0];
      const lines: Record<string, string[]> = {
        'kube-apiserver': [
          klog(at, 10, 'options.go:228', 'external host was not specified, using 192.168.49.2'),
          klog(at, 20, 'server.go:142', 'Version: v1.32.0'),
          klog(at, 900, 'secure_serving.go:213', 'Serving securely on [::]:6443'),
        ],
        'kube-controller-manager': [
          klog(at, 10, 'serving.go:386', 'Generated self-signed cert in-memory'),
          klog(at, 20, 'controllermanager.go:185', '"Starting" version="v1.32.0"'),
          klog(at, 400, 'leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-controller-manager...'),
          klog(at, 420, 'leaderelection.go:271', 'successfully acquired lease kube-system/kube-controller-manager'),
        ],
        'kube-scheduler': [
          klog(at, 10, 'serving.go:386', 'Generated self-signed cert in-memory'),
          klog(at, 20, 'server.go:167', '"Starting Kubernetes Scheduler" version="v1.32.0"'),
          klog(at, 400, 'leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-scheduler...'),
          klog(at, 420, 'leaderelection.go:271', 'successfully acquired lease kube-system/kube-scheduler'),
        ],
      };
      return lines[component];
    },
  },
  {
    // CoreDNS with kubeadm's Corefile: its server block, the reload plugin's hash of it, its version.
    match: /coredns:/,
    lines: (image) => {
      const version = /:v?([\d.]+)/.exec(image)?.[1] ?? '1.11.3';
      const corefileHash = `${digest('Corefile/.:53')}${digest('Corefile/kubernetes cluster.local')}`;
      return [
        '.:53',
        `[INFO] plugin/reload: Running configuration SHA512 = ${corefileHash}`,
        `CoreDNS-${version}`,
        'linux/amd64, go1.21.11, a6338e9',
      ];
    },
  },
  {
    match: /fluent-bit/,
    lines: (_image, start) => {
      const t = parts(start + 15);
      const stamp = `[${t.y}/${t.mo}/${t.d} ${t.h}:${t.mi}:${t.s}]`;
      return [
        'Fluent Bit v3.0.7',
        '* Copyright (C) 2015-2024 The Fluent Bit Authors',
        `${stamp} [ info] [fluent bit] version=3.0.7, commit=73e72bdf9b, pid=1`,
        `${stamp} [ info] [storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128`,
        `${stamp} [ info] [sp] stream processor started`,
      ];
    },
  },
];

/** The lines a container of this image has written since it started at `startedAt` (sim ms). */
export function containerLog(image: string, startedAt: number): string[] {
  return families.find((family) => family.match.test(image))?.lines(image, startedAt) ?? [];
}

/**
 * What a control-plane component logged about the cluster since `startedAt` (sim ms), after its
 * start-up lines: the controller manager's node lifecycle lines (zone states, master disruption
 * mode, #48), in klog's format.
 */
export function componentLog(state: SimState, image: string, startedAt: number): string[] {
  if (!/kube-controller-manager:/.test(image)) return [];
  const at: Stamp = (ms) => {
    const t = parts(ms);
    return `${t.mo}${t.d} ${t.h}:${t.mi}:${t.s}.${t.micro}`;
  };
  return state.nodeLifecycle.log.filter((line) => line.at >= startedAt).map((line) => klog(at, line.at, line.source, line.text));
}
