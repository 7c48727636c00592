// The node's processes and Linux namespaces: systemd, containerd and the kubelet on the host, and
// per pod one containerd-shim-runc-v2, the pause process holding the sandbox, and each app.
// Containers of a pod join the sandbox's net, ipc and uts namespaces and get their own mnt, pid
// and cgroup namespaces; hostNetwork pods stay in the host's net and uts namespaces.
import { nodeIp } from '../../kubelet/runtime';
import { digest } from '../containers';
import { containerCgroup, sandboxCgroup, type NodeMachine } from './machine';

export const namespaceTypes = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'] as const;
export type NamespaceType = (typeof namespaceTypes)[number];

/** The host's initial namespaces, with the inode numbers the kernel gives them. */
const hostNamespaces: Record<NamespaceType, number> = {
  time: 4026531834,
  cgroup: 4026531835,
  pid: 4026531836,
  user: 4026531837,
  uts: 4026531838,
  ipc: 4026531839,
  net: 4026531840,
  mnt: 4026531841,
};

const inodeFor = (key: string) => 4026532160 + (Number.parseInt(digest(`ns/${key}`).slice(0, 6), 16) % 200000);

export interface Process {
  pid: number;
  ppid: number;
  user: string;
  command: string;
  cgroup: string;
  startedAt: number;
  namespaces: Record<NamespaceType, number>;
  /** Resident memory in KiB, for ps aux. */
  rss: number;
}

/** What an image's main process looks like in ps. */
function appCommand(image: string, node: string, index: number): string[] {
  const name = image.split('/').pop()!.split(/[:@]/)[0];
  const ip = nodeIp(index);
  const commands: Record<string, string[]> = {
    nginx: ['nginx: master process nginx -g daemon off;', 'nginx: worker process'],
    busybox: ['sleep 3600'],
    redis: ['redis-server *:6379'],
    etcd: [
      `etcd --advertise-client-urls=https://${ip}:2379 --data-dir=/var/lib/etcd --listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379 --name=${node}`,
    ],
    'kube-apiserver': [
      `kube-apiserver --advertise-address=${ip} --etcd-servers=https://127.0.0.1:2379 --secure-port=6443 --service-cluster-ip-range=10.96.0.0/12`,
    ],
    'kube-controller-manager': ['kube-controller-manager --kubeconfig=/etc/kubernetes/controller-manager.conf --leader-elect=true'],
    'kube-scheduler': ['kube-scheduler --kubeconfig=/etc/kubernetes/scheduler.conf --leader-elect=true'],
    'kube-proxy': [`/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=${node}`],
    coredns: ['/coredns -conf /etc/coredns/Corefile'],
    'fluent-bit': ['/fluent-bit/bin/fluent-bit -c /fluent-bit/etc/fluent-bit.conf'],
  };
  return Object.hasOwn(commands, name) ? commands[name] : [name];
}

/** A control-plane component's command line as its static pod manifest writes it, word by word. */
export function componentCommand(component: string, node: string, index: number): string[] {
  return appCommand(component, node, index)[0].split(' ');
}

export function processes(machine: NodeMachine): Process[] {
  const hardware = machine.engine.state.hardware[machine.name];
  const index = hardware?.index ?? 0;
  const host = (pid: number, ppid: number, command: string, cgroup: string, rss: number): Process => ({
    pid,
    ppid,
    user: 'root',
    command,
    cgroup,
    startedAt: 0,
    namespaces: { ...hostNamespaces },
    rss,
  });
  const list: Process[] = [
    host(1, 0, '/sbin/init', '/init.scope', 13124),
    host(2, 0, '[kthreadd]', '/', 0),
    host(352, 1, '/usr/lib/systemd/systemd-journald', '/system.slice/systemd-journald.service', 18432),
    host(801, 1, 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', '/system.slice/ssh.service', 8960),
    // The login shell `sim ssh` runs commands from ($$).
    host(1104, 801, '-bash', '/user.slice/user-0.slice/session-1.scope', 5240),
  ];
  if (machine.runtimeUp) list.push(host(612, 1, '/usr/bin/containerd', '/system.slice/containerd.service', 52340));
  if (machine.kubeletUp)
    list.push(
      host(
        734,
        1,
        `/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///run/containerd/containerd.sock --node-ip=${nodeIp(index)} --pod-infra-container-image=registry.k8s.io/pause:3.10`,
        '/system.slice/kubelet.service',
        78120,
      ),
    );
  for (const sandbox of machine.sandboxes) {
    const hostNetwork = sandbox.pod.spec.hostNetwork;
    const shared = {
      net: hostNetwork ? hostNamespaces.net : inodeFor(`${sandbox.id}/net`),
      ipc: inodeFor(`${sandbox.id}/ipc`),
      uts: hostNetwork ? hostNamespaces.uts : inodeFor(`${sandbox.id}/uts`),
    };
    const own = (key: string) => ({
      mnt: inodeFor(`${key}/mnt`),
      pid: inodeFor(`${key}/pid`),
      cgroup: inodeFor(`${key}/cgroup`),
      time: hostNamespaces.time,
      user: hostNamespaces.user,
    });
    list.push({
      ...host(
        sandbox.shimPid,
        1,
        `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${sandbox.id} -address /run/containerd/containerd.sock`,
        '/system.slice/containerd.service',
        13800,
      ),
      startedAt: sandbox.createdAt,
    });
    list.push({
      pid: sandbox.pid,
      ppid: sandbox.shimPid,
      user: '65535',
      command: '/pause',
      cgroup: sandboxCgroup(sandbox),
      startedAt: sandbox.createdAt,
      namespaces: { ...shared, ...own(sandbox.id) },
      rss: 240,
    });
    for (const container of machine.containers.filter((c) => c.sandbox === sandbox && c.state === 'Running')) {
      const [main, ...children] = appCommand(container.image, machine.name, index);
      const namespaces = { ...shared, ...own(container.id) };
      const base = { user: 'root', cgroup: containerCgroup(container), startedAt: container.startedAt, namespaces };
      list.push({ ...base, pid: container.pid, ppid: sandbox.shimPid, command: main, rss: 6200 });
      children.forEach((command, i) => {
        list.push({ ...base, pid: container.pid + 31 + i, ppid: container.pid, user: '101', command, rss: 2900 });
      });
    }
  }
  return list.sort((a, b) => a.pid - b.pid);
}
