// sim ssh NODE -- COMMAND: what crictl, ctr, ps, lsns and the cgroup files show comes from the
// model and agrees with kubectl; failures look like the real ones.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { milliCpuToShares, sharesToWeight } from '@/lib/cluster/node/shell/cgroups';
import { nodeShellErrors } from '@/lib/cluster/node/shell/nodeShell';
import { must, newCluster } from '../fixtures';

const pods = `
apiVersion: v1
kind: Pod
metadata: { name: burst }
spec:
  nodeName: worker-2
  containers: [{ name: app, image: "nginx:1.27", resources: { requests: { cpu: 250m, memory: 64Mi }, limits: { cpu: 500m, memory: 128Mi } } }]
---
apiVersion: v1
kind: Pod
metadata: { name: steady }
spec:
  nodeName: worker-2
  containers: [{ name: app, image: "nginx:1.27", resources: { limits: { cpu: "1", memory: 256Mi } } }]
---
apiVersion: v1
kind: Pod
metadata: { name: loose }
spec:
  nodeName: worker-2
  containers: [{ name: app, image: "busybox:1.36", args: [sleep, "3600"] }]
`;

function cluster() {
  const c = newCluster({ files: { 'pods.yaml': pods } });
  must(c, 'kubectl apply -f pods.yaml');
  c.advance('30s');
  return c;
}

const podJson = (c: ReturnType<typeof newCluster>, name: string) => JSON.parse(must(c, `kubectl get pod ${name} -o json`));
const ssh = (c: ReturnType<typeof newCluster>, command: string) => must(c, `sim ssh worker-2 -- ${command}`);

describe('crictl agrees with kubectl', () => {
  it('crictl ps lists each running container with its 13-character ID, and the pod it belongs to', () => {
    const c = cluster();
    const out = ssh(c, 'crictl ps');
    expect(out.split('\n')[0]).toMatch(/^CONTAINER {11}IMAGE {15}CREATED {13}STATE {15}NAME {16}ATTEMPT {13}POD ID {14}POD +NAMESPACE$/);
    for (const name of ['burst', 'steady', 'loose']) {
      const id = podJson(c, name).status.containerStatuses[0].containerID.replace('containerd://', '');
      expect(out).toMatch(
        new RegExp(`^${id.slice(0, 13)} +[0-9a-f]{13} +\\d+ seconds ago +Running +app +0 +[0-9a-f]{13} +${name} +default$`, 'm'),
      );
    }
  });

  it('one pause sandbox per pod: crictl pods, ctr -n k8s.io containers and ps agree', () => {
    const c = cluster();
    const sandboxes = ssh(c, 'crictl pods -q').trim().split('\n');
    const onNode = must(c, 'kubectl get pods -A --field-selector spec.nodeName=worker-2 -o name').trim().split('\n');
    expect(sandboxes).toHaveLength(onNode.length);
    const ctr = ssh(c, 'ctr -n k8s.io containers ls | grep -c pause:3.10');
    expect(Number(ctr)).toBe(onNode.length);
    expect(Number(ssh(c, 'ps aux | grep -c " /pause$"'))).toBe(onNode.length);
    expect(Number(ssh(c, 'ps -ef | grep -c containerd-shim-runc-v2'))).toBe(onNode.length);
  });

  it('ctr and nerdctl without -n k8s.io see containerd’s empty default namespace', () => {
    const c = cluster();
    expect(ssh(c, 'ctr containers ls').trim()).toBe('CONTAINER    IMAGE    RUNTIME');
    expect(ssh(c, 'nerdctl ps').trim().split('\n')).toHaveLength(1);
    expect(ssh(c, 'nerdctl -n k8s.io ps').trim().split('\n').length).toBeGreaterThan(3);
  });
});

describe('quiet and formatted listings, as the chapters pipe them', () => {
  it('ctr -q prints only the first column: container IDs, image refs', () => {
    const c = cluster();
    const ids = ssh(c, 'ctr -n k8s.io containers ls -q').trim().split('\n');
    expect(ids.every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
    expect(ids).toHaveLength(ssh(c, 'ctr -n k8s.io containers ls').trim().split('\n').length - 1);
    expect(ssh(c, 'ctr -n k8s.io images ls -q')).toContain('docker.io/library/nginx:1.27\n');
  });

  it('nerdctl ps --format fills a Go template per container; "table" adds the header; an unknown field fails', () => {
    const c = cluster();
    const names = ssh(c, "nerdctl -n k8s.io ps --format '{{.Names}}'").trim().split('\n');
    expect(names).toContain('k8s://default/burst/app');
    expect(names.every((name) => name.startsWith('k8s://'))).toBe(true);
    const table = ssh(c, "nerdctl -n k8s.io ps --format 'table {{.Names}}\\t{{.Status}}'").split('\n');
    expect(table[0]).toMatch(/^NAMES +STATUS$/);
    const bad = c.exec("sim ssh worker-2 -- nerdctl -n k8s.io ps --format '{{.Nope}}'");
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain("can't evaluate field Nope");
  });
});

describe('cgroups as the kubelet sets them (systemd driver)', () => {
  it('converts requests to cpu.weight through shares exactly as runc does', () => {
    expect(sharesToWeight(milliCpuToShares(250))).toBe(10);
    expect(sharesToWeight(milliCpuToShares(1000))).toBe(39);
    expect(sharesToWeight(milliCpuToShares(0))).toBe(1);
  });

  it('a Burstable container: cpu.max from its limit, cpu.weight from its request, memory.max from its limit', () => {
    const c = cluster();
    const pod = podJson(c, 'burst');
    const id = pod.status.containerStatuses[0].containerID.replace('containerd://', '');
    const dir = `/sys/fs/cgroup/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${pod.metadata.uid.replaceAll('-', '_')}.slice/cri-containerd-${id}.scope`;
    expect(ssh(c, `cat ${dir}/cpu.max`)).toBe('50000 100000\n');
    expect(ssh(c, `cat ${dir}/cpu.weight`)).toBe('10\n');
    expect(ssh(c, `cat ${dir}/memory.max`)).toBe(`${128 * 1024 * 1024}\n`);
    expect(Number(ssh(c, `cat ${dir}/memory.current`))).toBeLessThanOrEqual(128 * 1024 * 1024);
  });

  it('QoS picks the slice: Guaranteed directly under kubepods.slice, BestEffort with memory.max max', () => {
    const c = cluster();
    const steady = podJson(c, 'steady');
    expect(steady.status.qosClass).toBe('Guaranteed');
    const slice = `/sys/fs/cgroup/kubepods.slice/kubepods-pod${steady.metadata.uid.replaceAll('-', '_')}.slice`;
    expect(ssh(c, `cat ${slice}/cpu.max`)).toBe('100000 100000\n');
    const loose = podJson(c, 'loose');
    const id = loose.status.containerStatuses[0].containerID.replace('containerd://', '');
    const scope = `/sys/fs/cgroup/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${loose.metadata.uid.replaceAll('-', '_')}.slice/cri-containerd-${id}.scope`;
    expect(ssh(c, `cat ${scope}/memory.max`)).toBe('max\n');
    expect(ssh(c, `cat ${scope}/cpu.max`)).toBe('max 100000\n');
  });

  it('/proc/PID/cgroup of the container process is its scope; its net namespace is the sandbox’s', () => {
    const c = cluster();
    const pod = podJson(c, 'burst');
    const id = pod.status.containerStatuses[0].containerID.replace('containerd://', '');
    const inspect = JSON.parse(ssh(c, `crictl inspect ${id.slice(0, 13)}`));
    expect(ssh(c, `cat /proc/${inspect.info.pid}/cgroup`)).toMatch(
      new RegExp(`^0::/kubepods\\.slice/kubepods-burstable\\.slice/.*/cri-containerd-${id}\\.scope\\n$`),
    );
    const ns = (pid: number, type: string) => new RegExp(`${type} -> '${type}:\\[(\\d+)\\]'`).exec(ssh(c, `ls -l /proc/${pid}/ns`))![1];
    const sandboxPid = Number(/^(\d+)$/m.exec(ssh(c, `ps -ef | grep ${inspect.info.sandboxID} | awk '{print $2}'`))![1]);
    const pause = Number(ssh(c, `ps -ef | awk '$3 == ${sandboxPid} {print $2}' | head -1`));
    expect(ns(inspect.info.pid, 'net')).toBe(ns(pause, 'net'));
    expect(ns(inspect.info.pid, 'mnt')).not.toBe(ns(pause, 'mnt'));
  });
});

describe('failures look real', () => {
  it('a powered-off node does not answer ssh (exit 255)', () => {
    const c = cluster();
    must(c, 'sim node fail worker-2');
    expect(c.exec('sim ssh worker-2 -- hostname')).toEqual({
      stdout: '',
      stderr: `${nodeShellErrors.noRoute('worker-2')}\n`,
      exitCode: 255,
    });
  });

  it('with the kubelet stopped, systemctl says inactive (dead) and exits 3 while crictl still lists containers', () => {
    const c = cluster();
    const before = ssh(c, 'crictl ps -q');
    must(c, 'sim kubelet stop worker-2');
    const status = c.exec('sim ssh worker-2 -- systemctl status kubelet');
    expect(status.exitCode).toBe(3);
    expect(status.stdout).toContain('Active: inactive (dead)');
    expect(ssh(c, 'crictl ps -q')).toBe(before);
  });

  it('with containerd stopped, crictl cannot reach its socket', () => {
    const c = cluster();
    must(c, 'sim runtime stop worker-2');
    const result = c.exec('sim ssh worker-2 -- crictl ps');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('dial unix /run/containerd/containerd.sock: connect: no such file or directory');
  });
});

// Reference #113: kubeadm's node files, nodeInfo and the shell's versions.
describe('#113 the node’s files and versions agree with what the API reports', () => {
  it('#113 the control plane’s static pod manifests exist on it only, and hold the command lines ps shows', () => {
    const c = cluster();
    const listed = must(c, 'sim ssh control-plane -- ls /etc/kubernetes/manifests').trim().split('\n');
    expect(listed).toEqual(['etcd.yaml', 'kube-apiserver.yaml', 'kube-controller-manager.yaml', 'kube-scheduler.yaml']);
    expect(ssh(c, 'ls /etc/kubernetes/manifests')).toBe('');
    const manifest = parse(must(c, 'sim ssh control-plane -- cat /etc/kubernetes/manifests/kube-apiserver.yaml')) as {
      metadata: { name: string; labels: Record<string, string> };
      spec: { containers: { command: string[]; image: string }[] };
    };
    const mirror = JSON.parse(must(c, 'kubectl -n kube-system get pod kube-apiserver-control-plane -o json'));
    expect(manifest.metadata.labels).toEqual(mirror.metadata.labels);
    expect(manifest.spec.containers[0].image).toBe(mirror.spec.containers[0].image);
    const ps = must(c, 'sim ssh control-plane -- ps aux');
    expect(ps).toContain(manifest.spec.containers[0].command.join(' '));
    // Flags print plain, as go-yaml prints a leading "-" that no blank follows.
    expect(must(c, 'sim ssh control-plane -- cat /etc/kubernetes/manifests/etcd.yaml')).toMatch(/^ {4}- --data-dir=\/var\/lib\/etcd$/m);
    expect(c.exec('sim ssh worker-2 -- cat /etc/kubernetes/manifests/etcd.yaml').exitCode).toBe(1);
    expect(parse(ssh(c, 'cat /var/lib/kubelet/config.yaml'))).toMatchObject({
      kind: 'KubeletConfiguration',
      staticPodPath: '/etc/kubernetes/manifests',
    });
  });

  it('#113 crictl version, uname and /etc/os-release name what the Node reports in nodeInfo and get nodes -o wide prints', () => {
    const c = cluster();
    const info = JSON.parse(must(c, 'kubectl get node worker-2 -o json')).status.nodeInfo;
    expect(ssh(c, 'crictl version')).toContain(`RuntimeVersion:  ${info.containerRuntimeVersion.replace('containerd://', 'v')}`);
    expect(ssh(c, 'uname -r').trim()).toBe(info.kernelVersion);
    expect(ssh(c, 'cat /etc/os-release')).toContain(`PRETTY_NAME="${info.osImage}"`);
    const wide = must(c, 'kubectl get node worker-2 -o wide');
    for (const value of [info.osImage, info.kernelVersion, info.containerRuntimeVersion]) expect(wide).toContain(value);
    expect(ssh(c, 'ls /sys/fs/cgroup').split('\n')[0]).toBe('cgroup.controllers');
  });
});
