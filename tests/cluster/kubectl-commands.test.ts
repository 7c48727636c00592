// kubectl commands and forms beyond the basics: real commands the model does not run and why,
// label columns, kinds a real cluster has and the model lacks, api-versions, persistent flags
// before the command, kubectl events, scale preconditions, the all category, describe rs and ds.
import { describe, expect, it } from 'vitest';
import { kubectlErrors } from '@/lib/cluster/api/errors';
import { must, newCluster } from './fixtures';

describe('kubectl beyond get', () => {
  it('answers real commands it does not simulate with why and what to use, not "unknown command"', () => {
    const cluster = newCluster();
    expect(cluster.exec('kubectl top nodes').stderr).toBe(`${kubectlErrors.metricsUnavailable()}\n`);
    for (const verb of ['attach', 'port-forward', 'autoscale', 'edit']) {
      const result = cluster.exec(`kubectl ${verb} web`);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^error: kubectl ${verb} is not available in this simulator: .+`));
    }
    expect(cluster.exec('kubectl attach web').stderr).toContain('kubectl logs');
    // Combined shorthands parse as pflag's do: -it is -i -t.
    expect(cluster.exec('kubectl run box --image=busybox:1.36 --restart=Never --rm -it -- sh').stderr).toBe(
      `${kubectlErrors.interactiveRun()}\n`,
    );
    expect(cluster.exec('kubectl get pod box').exitCode).toBe(1);
    // The dry run reads the same flags.
    expect(cluster.exec('kubectl run box --image=busybox:1.36 -it --rm --dry-run=client -o yaml -- sh').stderr).toBe(
      `${kubectlErrors.interactiveRun()}\n`,
    );
  });

  it('get -L adds a column per label, headed by the key’s last segment in capitals, before --show-labels', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27');
    const [header, row] = must(cluster, 'kubectl get pods -L app -L kubernetes.io/tier --show-labels').split('\n');
    expect(header).toMatch(/\sAGE\s+APP\s+TIER\s+LABELS$/);
    expect(row).toMatch(/\sweb\s+app=web,pod-template-hash=\S+$/);
    expect(must(cluster, 'kubectl get nodes -L kubernetes.io/hostname,kubernetes.io/os').split('\n')[1]).toMatch(
      /\scontrol-plane\s+linux$/,
    );
  });

  it('names the resource types a real cluster has and the model does not, instead of "no such type"', () => {
    const cluster = newCluster({ files: { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n' } });
    expect(cluster.exec('kubectl get cm').stderr).toBe(`${kubectlErrors.unmodelledResource('configmaps')}\n`);
    expect(cluster.exec('kubectl get jobs.batch').stderr).toBe(`${kubectlErrors.unmodelledResource('jobs')}\n`);
    expect(cluster.exec('kubectl get widgets').stderr).toBe(`${kubectlErrors.unknownResource('widgets')}\n`);
    expect(cluster.exec('kubectl apply -f cm.yaml').stderr).toMatch(
      /^error: ConfigMap in "cm\.yaml": configmaps are not part of this simulated cluster/,
    );
  });

  it('api-versions lists every group/version api-resources shows, once each, sorted', () => {
    const cluster = newCluster();
    const versions = must(cluster, 'kubectl api-versions').trimEnd().split('\n');
    const fromResources = must(cluster, 'kubectl api-resources')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s+/).find((cell) => /^([a-z0-9.-]+\/)?v1$/.test(cell))!);
    expect(versions).toEqual([...new Set(fromResources)].sort());
    expect(versions).toContain('apps/v1');
  });

  it('takes --namespace before the command, as cobra reads persistent flags anywhere', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create namespace dev');
    expect(must(cluster, 'kubectl -n dev create deployment api --image=httpd:2.4')).toBe('deployment.apps/api created\n');
    for (const line of [
      'kubectl -n dev get deploy -o name',
      'kubectl --namespace dev get deploy -o name',
      'kubectl --namespace=dev get deploy -o name',
      'kubectl -ndev get deploy -o name',
    ])
      expect(must(cluster, line)).toBe('deployment.apps/api\n');
    // Flags after `--` belong to the container's command.
    must(cluster, 'kubectl -n dev run x --image=busybox:1.36 -- sleep 10');
    expect(must(cluster, 'kubectl get pod x -n dev -o jsonpath={.spec.containers[0].args}')).toBe('["sleep","10"]\n');
    expect(cluster.exec('kubectl -n').stderr).toBe("error: flag needs an argument: 'n' in -n\n");
    expect(cluster.exec('kubectl -x get pods').stderr).toBe("error: unknown shorthand flag: 'x' in -x\n");
    expect(cluster.exec('kubectl --colour get pods').stderr).toBe('error: unknown flag: --colour\n');
  });

  it('#72 kubectl events lists by time, folds repeats into "(xN over T)" and filters by --for and --types', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.999');
    cluster.advance('2m');
    const lines = must(cluster, 'kubectl events').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    const seconds = (cell: string) => {
      const match = /^(?:(\d+)m)?(?:(\d+)s)?/.exec(cell)!;
      return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
    };
    const lastSeen = lines.slice(1).map((line) => seconds(line.split(/\s{2,}/)[0]));
    expect(lastSeen).toEqual([...lastSeen].sort((a, b) => b - a));
    expect(lines.some((line) => /^\S+ \(x\d+ over \S+\)\s+Normal\s+BackOff\s+Pod\/web-/.test(line))).toBe(true);
    const warnings = must(cluster, 'kubectl events --types=Warning').trimEnd().split('\n').slice(1);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((line) => /\sWarning\s/.test(line))).toBe(true);
    expect(must(cluster, 'kubectl events --for deployment/web').trimEnd().split('\n').slice(1)).toHaveLength(1);
    expect(cluster.exec('kubectl events -n nope').stderr).toBe('No events found in nope namespace.\n');
  });

  it('scale --current-replicas is a precondition, and the all category works for every command', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=3');
    expect(cluster.exec('kubectl scale deployment web --current-replicas=2 --replicas=5').stderr).toBe(
      `${kubectlErrors.scalePrecondition(2, 3)}\n`,
    );
    expect(must(cluster, 'kubectl get deploy web -o jsonpath={.spec.replicas}')).toBe('3\n');
    expect(must(cluster, 'kubectl scale deployment web --current-replicas=3 --replicas=5')).toBe('deployment.apps/web scaled\n');
    const deleted = must(cluster, 'kubectl delete all --all --wait=false');
    expect(deleted).toContain('deployment.apps "web" deleted\n');
    expect(deleted).toContain('service "kubernetes" deleted\n');
    cluster.advance('1m');
    // Everything went; the API server brought its own Service back (#101).
    expect(must(cluster, 'kubectl get all -o name')).toBe('service/kubernetes\n');
  });

  it('describe replicaset, daemonset and statefulset show owner, replicas, pods by phase, template and events', () => {
    const statefulSet =
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db }\nspec:\n  replicas: 2\n  serviceName: db\n  selector: { matchLabels: { app: db } }\n  template:\n    metadata: { labels: { app: db } }\n    spec: { containers: [{ name: db, image: "postgres:16" }] }\n';
    const cluster = newCluster({ files: { 'sts.yaml': statefulSet } });
    must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=3');
    cluster.advance('20s');
    const text = must(cluster, 'kubectl describe rs');
    const rs = must(cluster, 'kubectl get rs -o name').trim().replace('replicaset.apps/', '');
    expect(text.split('\n').slice(0, 3)).toEqual([
      `Name:           ${rs}`,
      'Namespace:      default',
      `Selector:       app=web,pod-template-hash=${rs.split('-').at(-1)}`,
    ]);
    expect(text).toContain(
      '\nControlled By:  Deployment/web\nReplicas:       3 current / 3 desired\nPods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed\nPod Template:\n',
    );
    expect(text).toMatch(/Normal\s+SuccessfulCreate\s+\S+\s+replicaset-controller\s+Created pod: web-/);
    expect(cluster.exec('kubectl describe pdb').stderr).toBe('No resources found in default namespace.\n');
    must(cluster, 'kubectl apply -f sts.yaml');
    cluster.advance('1m');
    const sts = must(cluster, 'kubectl describe sts db');
    expect(sts).toContain(
      '\nReplicas:           2 desired | 2 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\nPods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed\nPod Template:\n',
    );
    expect(sts).toContain('\nVolume Claims:  <none>\nEvents:\n');
    const ds = must(cluster, 'kubectl describe ds kube-proxy -n kube-system');
    expect(ds).toContain('\nDesired Number of Nodes Scheduled: 4\nCurrent Number of Nodes Scheduled: 4\n');
    expect(ds).toContain('\nPods Status:  4 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    // A toleration of everything (operator Exists, no key, no effect) prints as op=Exists alone.
    expect(ds).toMatch(/\n {2}Tolerations: +op=Exists\n/);
  });

  it('auth can-i answers yes for kubeadm’s admin (warning about types no server has), and whoami names it', () => {
    const cluster = newCluster();
    expect(cluster.exec('kubectl auth can-i create pods')).toEqual({ stdout: 'yes\n', stderr: '', exitCode: 0 });
    expect(cluster.exec('kubectl auth can-i get secrets -n kube-system').stdout).toBe('yes\n');
    expect(cluster.exec('kubectl auth can-i delete widgets').stderr).toBe(`${kubectlErrors.canIUnknownResource('widgets')}\n`);
    // The wildcard names every resource, so discovery has nothing to warn about.
    expect(cluster.exec("kubectl auth can-i '*' '*'")).toEqual({ stdout: 'yes\n', stderr: '', exitCode: 0 });
    expect(cluster.exec('kubectl auth can-i create').stderr).toBe(`${kubectlErrors.canIUsage()}\n`);
    expect(must(cluster, 'kubectl auth whoami')).toMatch(
      /^ATTRIBUTE\s+VALUE\nUsername\s+kubernetes-admin\nGroups\s+\[kubeadm:cluster-admins system:authenticated\]\n$/,
    );
  });

  it('logs --all-containers prints every container of the pod in turn, and refuses a container name beside it', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: duo, labels: { app: duo } }
spec:
  containers: [{ name: web, image: nginx:1.27 }, { name: cache, image: redis:7.4 }]
`;
    const cluster = newCluster({ files: { 'duo.yaml': pod } });
    must(cluster, 'kubectl apply -f duo.yaml');
    cluster.advance('1m');
    const web = must(cluster, 'kubectl logs duo -c web');
    const cache = must(cluster, 'kubectl logs duo -c cache');
    expect(must(cluster, 'kubectl logs duo --all-containers')).toBe(web + cache);
    const prefixed = must(cluster, 'kubectl logs -l app=duo --all-containers --prefix').split('\n');
    expect(prefixed.some((line) => line.startsWith('[pod/duo/web] '))).toBe(true);
    expect(prefixed.some((line) => line.startsWith('[pod/duo/cache] '))).toBe(true);
    expect(cluster.exec('kubectl logs duo --all-containers -c web').stderr).toBe(
      'error: --all-containers=true should not be specified with container name web\n',
    );
  });
});
