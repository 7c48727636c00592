// kubectl commands that take several objects at once: several names, TYPE/NAME, -l and --all,
// for taint, label, cordon, drain, get, describe, delete and scale.
import { describe, expect, it } from 'vitest';
import { must, newCluster, nodeTaints, script } from './fixtures';

describe('kubectl taint and label on several nodes', () => {
  it('kubectl taint nodes --all node-role.kubernetes.io/control-plane- untaints the control plane (#25) and reports the workers that have no such taint', () => {
    const cluster = newCluster();
    const result = cluster.exec('kubectl taint nodes --all node-role.kubernetes.io/control-plane-');
    expect(result.stdout).toBe('node/control-plane untainted\n');
    expect(result.stderr).toBe(
      ['worker-1', 'worker-2', 'worker-3'].map(() => 'taint "node-role.kubernetes.io/control-plane" not found').join('\n') + '\n',
    );
    expect(result.exitCode).toBe(1);
    expect(nodeTaints(cluster, 'control-plane')).toEqual([]);
    must(cluster, 'kubectl run x --image=nginx:1.27');
    expect(cluster.exec('kubectl taint nodes control-plane node-role.kubernetes.io/control-plane:NoSchedule-').stderr).toBe(
      'error: taint "node-role.kubernetes.io/control-plane:NoSchedule" not found\n',
    );
  });

  it('kubectl taint takes several names and -l; an existing key and effect needs --overwrite, which reports modified', () => {
    const cluster = newCluster();
    expect(must(cluster, 'kubectl taint nodes worker-1 worker-2 gpu=yes:NoSchedule')).toBe(
      'node/worker-1 tainted\nnode/worker-2 tainted\n',
    );
    const clash = cluster.exec('kubectl taint nodes worker-2 worker-3 gpu=no:NoSchedule');
    expect(clash).toEqual({
      stdout: 'node/worker-3 tainted\n',
      stderr: 'error: node worker-2 already has gpu taint(s) with same effect(s) and --overwrite is false\n',
      exitCode: 1,
    });
    expect(must(cluster, 'kubectl taint nodes worker-2 gpu=no:NoSchedule --overwrite')).toBe('node/worker-2 modified\n');
    expect(nodeTaints(cluster, 'worker-2')).toEqual(['gpu=no:NoSchedule']);
    must(cluster, 'kubectl label nodes worker-1 worker-3 pool=gpu');
    expect(must(cluster, 'kubectl taint nodes -l pool=gpu gpu-')).toBe('node/worker-1 untainted\nnode/worker-3 untainted\n');
    expect(nodeTaints(cluster, 'worker-1')).toEqual([]);
    expect(cluster.exec('kubectl taint nodes worker-1').stderr).toBe('error: at least one taint update is required\n');
    expect(cluster.exec('kubectl taint nodes gpu=yes:NoSchedule').stderr).toBe(
      "error: at least one resource name must be specified since 'all' parameter is not set\n",
    );
    expect(cluster.exec('kubectl taint nodes --all -l pool=gpu a=b:NoSchedule').stderr).toBe(
      "error: setting 'all' parameter with a non empty selector is prohibited\n",
    );
    expect(cluster.exec('kubectl taint nodes worker-1 a=b:Sometimes').stderr).toBe(
      'error: invalid taint effect: Sometimes, unsupported taint effect\n',
    );
    expect(cluster.exec('kubectl taint pods worker-1 a=b:NoSchedule').stderr).toBe(
      'error: invalid resource type pods, only node types are supported\n',
    );
    expect(cluster.exec('kubectl taint nodes worker-1 a=b:NoSchedule worker-2').stderr).toBe(
      'error: all resources must be specified before taint changes: worker-2\n',
    );
  });

  it('kubectl label takes several names, TYPE/NAME, -l and --all; changing a value needs --overwrite and the same value is "not labeled"', () => {
    const cluster = newCluster();
    expect(must(cluster, 'kubectl label nodes worker-1 worker-2 disktype=ssd')).toBe('node/worker-1 labeled\nnode/worker-2 labeled\n');
    expect(must(cluster, 'kubectl label node/worker-3 disktype=hdd')).toBe('node/worker-3 labeled\n');
    expect(must(cluster, 'kubectl label node worker-1 disktype=ssd')).toBe('node/worker-1 not labeled\n');
    const refused = cluster.exec('kubectl label nodes worker-2 worker-3 disktype=nvme');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      "'disktype' already has a value (ssd), and --overwrite is false\n'disktype' already has a value (hdd), and --overwrite is false\n",
    );
    expect(cluster.view().nodes.filter((n) => n.labels.disktype === 'nvme')).toEqual([]);
    expect(must(cluster, 'kubectl label nodes -l disktype=ssd disktype=nvme --overwrite')).toBe(
      'node/worker-1 labeled\nnode/worker-2 labeled\n',
    );
    expect(must(cluster, 'kubectl label nodes --all rack=r1')).toBe(
      'node/control-plane labeled\nnode/worker-1 labeled\nnode/worker-2 labeled\nnode/worker-3 labeled\n',
    );
    expect(must(cluster, 'kubectl label nodes worker-3 rack-')).toBe('node/worker-3 unlabeled\n');
    expect(must(cluster, 'kubectl label nodes worker-3 rack-')).toBe('label "rack" not found.\nnode/worker-3 not labeled\n');
    expect(cluster.exec('kubectl label nodes disktype=x').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(cluster.exec('kubectl label nodes --all -l a=b x=y').stderr).toBe('error: cannot set --all and --selector at the same time\n');
    expect(cluster.exec('kubectl label nodes worker-1 a=b a-').stderr).toBe(
      'error: can not both modify and remove a label in the same command\n',
    );
    expect(cluster.exec('kubectl label nodes worker-9 a=b').stderr).toBe('Error from server (NotFound): nodes "worker-9" not found\n');
  });
});

describe('TYPE/NAME arguments', () => {
  it('cordon, uncordon and drain take node/NAME like NAME; cordon and uncordon also take several names or -l', () => {
    const cluster = newCluster();
    expect(must(cluster, 'kubectl cordon node/worker-3')).toBe('node/worker-3 cordoned\n');
    expect(must(cluster, 'kubectl cordon worker-3 nodes/worker-2')).toBe('node/worker-3 already cordoned\nnode/worker-2 cordoned\n');
    expect(must(cluster, 'kubectl uncordon -l kubernetes.io/os=linux')).toBe(
      'node/control-plane already uncordoned\nnode/worker-1 already uncordoned\nnode/worker-2 uncordoned\nnode/worker-3 uncordoned\n',
    );
    expect(must(cluster, 'kubectl drain node/worker-3 --ignore-daemonsets')).toMatch(
      /^node\/worker-3 cordoned\n[\s\S]*node\/worker-3 drained\n$/,
    );
    expect(cluster.exec('kubectl cordon node/worker-9').stderr).toBe('Error from server (NotFound): nodes "worker-9" not found\n');
    expect(cluster.exec('kubectl cordon worker-1 -l a=b').stderr).toBe('error: cannot specify both a node name and a --selector option\n');
    must(cluster, 'kubectl run solo --image=nginx:1.27');
    expect(cluster.exec('kubectl cordon pod/solo').stderr).toBe('error: expected resource of type node, got "/v1, Resource=pods"\n');
  });

  it('get, describe, delete, label and scale take TYPE/NAME, several at once, and refuse a mix of both forms', () => {
    const cluster = newCluster();
    script(cluster, 'kubectl create deployment web --image=nginx:1.27\nkubectl run solo --image=nginx:1.27\nsim advance 20s');
    expect(must(cluster, 'kubectl get node/worker-1 node/worker-2')).toMatch(/^NAME\s+STATUS[^\n]*\nworker-1\s[^\n]*\nworker-2\s/);
    expect(must(cluster, 'kubectl get deploy/web pod/solo -o name')).toBe('deployment.apps/web\npod/solo\n');
    expect(cluster.exec('kubectl get nodes node/worker-1').stderr).toMatch(
      /^error: there is no need to specify a resource type as a separate argument/,
    );
    const described = must(cluster, 'kubectl describe node/worker-1 pod/solo');
    expect(described).toMatch(/^Name:\s+worker-1$/m);
    expect(described).toMatch(/^Name:\s+solo$/m);
    expect(must(cluster, 'kubectl scale deploy/web --replicas=2')).toBe('deployment.apps/web scaled\n');
    expect(cluster.exec('kubectl label pod/solo tier=x deploy/web').stderr).toBe(
      'error: all resources must be specified before label changes: deploy/web\n',
    );
    expect(must(cluster, 'kubectl label pod/solo deployment/web team=a')).toBe('pod/solo labeled\ndeployment.apps/web labeled\n');
    expect(must(cluster, 'kubectl delete pod/solo deployment.apps/web')).toBe('pod "solo" deleted\ndeployment.apps "web" deleted\n');
    expect(cluster.exec('kubectl delete pod/a/b').stderr).toBe('error: arguments in resource/name form may not have more than one slash\n');
  });
});
