// Reference #118: kubectl exec (kubectl/pkg/cmd/exec) runs what the model can answer inside a
// running container: its cgroup files, hostname, environment and simple shell lines.
import { describe, expect, it } from 'vitest';
import { createCluster } from '@/lib/cluster';

const api = `apiVersion: v1
kind: Pod
metadata: { name: api }
spec:
  containers:
    - { name: api, image: "nginx:1.27", resources: { requests: { cpu: 250m, memory: 128Mi }, limits: { cpu: 500m, memory: 256Mi } } }
    - { name: side, image: "busybox:1.36", args: [sleep, "3600"] }
`;

function cluster() {
  const c = createCluster({ seed: 9, files: { 'api.yaml': api } });
  c.exec('kubectl apply -f api.yaml');
  c.exec('sim advance 30s');
  return c;
}

describe('#118 kubectl exec', () => {
  it('#118 the container sees its own cgroup as /sys/fs/cgroup: the files the node holds for its scope', () => {
    const c = cluster();
    const inside = c.exec('kubectl exec api -c api -- cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.max');
    // limits.memory 256Mi in bytes; limits.cpu 500m as a quota of the 100 ms period.
    expect(inside).toEqual({ stdout: `${256 * 1024 * 1024}\n${(500 / 1000) * 100_000} 100000\n`, stderr: '', exitCode: 0 });
    // The sidecar has no limits: its own cgroup says so.
    expect(c.exec('kubectl exec api -c side -- cat /sys/fs/cgroup/memory.max').stdout).toBe('max\n');
    expect(c.exec('kubectl exec api -c api -- cat /proc/1/cgroup').stdout).toBe('0::/\n');
  });

  it('#118 hostname, /etc/hostname and $HOSTNAME are the pod name; several containers default to the first, saying so', () => {
    const c = cluster();
    const result = c.exec('kubectl exec api -- hostname');
    expect(result.stdout).toBe('api\n');
    expect(result.stderr).toBe('Defaulted container "api" out of: api, side\n');
    expect(c.exec('kubectl exec api -c side -- cat /etc/hostname').stdout).toBe('api\n');
    expect(c.exec("kubectl exec api -c side -- sh -c 'echo $HOSTNAME | wc -c'").stdout.trim()).toBe('4');
    expect(c.exec('kubectl exec api -c side -- printenv KUBERNETES_SERVICE_HOST').stdout).toBe('10.96.0.1\n');
    // A non-zero exit status is reported, and kubectl exits with it.
    expect(c.exec('kubectl exec api -c side -- cat /nope')).toEqual({
      stdout: '',
      stderr: 'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n',
      exitCode: 1,
    });
    // The old form without `--` still runs, with kubectl's deprecation notice.
    const old = c.exec('kubectl exec api -c side hostname');
    expect(old.stdout).toBe('api\n');
    expect(old.stderr).toMatch(/^kubectl exec \[POD\] \[COMMAND\] is DEPRECATED/);
  });

  it('#118 refuses as kubectl does, and says what the simulator cannot run', () => {
    const c = cluster();
    expect(c.exec('kubectl exec api').stderr).toBe('error: you must specify at least one command for the container\n');
    expect(c.exec('kubectl exec api -c nope -- hostname').stderr).toBe('error: container nope not found in pod api\n');
    expect(c.exec('kubectl exec missing -- hostname').stderr).toBe('Error from server (NotFound): pods "missing" not found\n');
    expect(c.exec('kubectl exec -it api -- sh').stderr).toMatch(
      /^error: kubectl exec is not available in this simulator for an interactive shell/,
    );
    expect(c.exec('kubectl exec api -c api -- curl -s localhost').stderr).toMatch(
      /^error: kubectl exec is not available in this simulator for "curl"/,
    );
    c.exec('kubectl run once --image=busybox:1.36 --restart=Never -- true');
    c.exec('sim advance 10s');
    expect(c.exec('kubectl exec once -- hostname').stderr).toBe(
      'error: cannot exec into a container in a completed pod; current phase is Succeeded\n',
    );
    const node = c.exec("kubectl get pod api -o jsonpath='{.spec.nodeName}'").stdout.trim();
    c.exec(`sim node fail ${node}`);
    expect(c.exec('kubectl exec api -c api -- hostname').stderr).toMatch(
      /^Error from server: Get "https:\/\/[\d.]+:10250\/exec\/default\/api\/api": dial tcp [\d.]+:10250: connect: no route to host\n$/,
    );
  });
});
