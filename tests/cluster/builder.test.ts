// kubectl's resource builder as every command that takes resource arguments sees it: the same
// forms (TYPE NAME..., TYPE/NAME..., -l, --all, -n, -A) and the same errors, with each command's
// own limits kept (taint and cordon take only nodes, rollout and set image only Deployments).
import { twoDeployments } from './support/two-deployments';
import { cordonErrors, kubectlErrors, logsErrors, taintErrors } from '@/lib/cluster/api/errors';

const cluster = () => twoDeployments(7);

/** What a failed command must leave alone: every object kubectl can print. */
const world = (run: ReturnType<typeof cluster>) =>
  ['deployments', 'replicasets', 'pods', 'nodes', 'services'].map((type) => run(`kubectl get ${type} -A -o yaml`).stdout).join('');

describe('the builder reads the same argument forms for every command', () => {
  it('get lists a type, names objects by TYPE NAME... or TYPE/NAME, selects with -l and spans namespaces with -A', () => {
    const run = cluster();
    expect(run('kubectl get deployments front back -o name').stdout).toBe('deployment.apps/front\ndeployment.apps/back\n');
    expect(run('kubectl get deployment/back deploy/front -o name').stdout).toBe('deployment.apps/back\ndeployment.apps/front\n');
    expect(run('kubectl get deployments -l tier=web -o name').stdout).toBe('deployment.apps/front\n');
    expect(run('kubectl get pods -A').stdout).toMatch(/^NAMESPACE\s+NAME\s+READY/);
    expect(run('kubectl get pods -A').stdout).toContain('kube-system');
    // Cluster-scoped objects are found by name whatever the namespace flags say.
    expect(run('kubectl get nodes worker-1 -A -o name').stdout).toBe('node/worker-1\n');
  });

  it('get with several types and names visits each type with each name (normalizeMultipleResourcesArgs)', () => {
    const run = cluster();
    const result = run('kubectl get deployments,services front');
    expect(result.stdout).toMatch(/^NAME\s+READY/);
    expect(result.stdout).toContain('deployment.apps/front');
    expect(result.stderr.trim()).toBe('Error from server (NotFound): services "front" not found');
    expect(result.exitCode).toBe(1);
  });

  it('describe, label, scale and delete take TYPE/NAME, -l and --all the same way', () => {
    const run = cluster();
    expect(run('kubectl describe deployment/front').stdout).toMatch(/^Name:\s+front/);
    expect(run('kubectl label deployment/front team=shop').stdout).toBe('deployment.apps/front labeled\n');
    expect(run('kubectl label deployments -l team=shop owner=me').stdout).toBe('deployment.apps/front labeled\n');
    expect(run('kubectl scale deployment/back --replicas=2').stdout).toBe('deployment.apps/back scaled\n');
    expect(run('kubectl delete deployment/back --wait=false').stdout).toBe('deployment.apps "back" deleted\n');
  });

  it('taint takes NODE..., node/NODE, -l or --all, and only nodes', () => {
    const run = cluster();
    expect(run('kubectl taint nodes worker-1 a=b:NoSchedule').stdout).toBe('node/worker-1 tainted\n');
    expect(run('kubectl taint node node/worker-2 a=b:NoSchedule').stdout).toBe('node/worker-2 tainted\n');
    expect(run('kubectl taint nodes -l kubernetes.io/hostname=worker-1 a:NoSchedule-').stdout).toBe('node/worker-1 untainted\n');
    expect(run('kubectl taint nodes --all c=d:PreferNoSchedule').stdout).toBe(
      'node/control-plane tainted\nnode/worker-1 tainted\nnode/worker-2 tainted\n',
    );
  });

  it('cordon and uncordon take NODE..., node/NODE or -l', () => {
    const run = cluster();
    expect(run('kubectl cordon worker-1 node/worker-2').stdout).toBe('node/worker-1 cordoned\nnode/worker-2 cordoned\n');
    expect(run('kubectl uncordon -l kubernetes.io/hostname=worker-2').stdout).toBe('node/worker-2 uncordoned\n');
  });

  it('rollout and set image take TYPE/NAME, and a bare type means every object of it', () => {
    const run = cluster();
    expect(run('kubectl rollout history deployments').stdout).toMatch(/^deployment\.apps\/back \n[\s\S]*deployment\.apps\/front \n/);
    expect(run('kubectl rollout restart deployment/front').stdout).toBe('deployment.apps/front restarted\n');
    expect(run('kubectl set image deployments -l tier=api nginx=nginx:1.28').stdout).toBe('deployment.apps/back image updated\n');
    expect(run('kubectl set image deployments --all nginx=nginx:1.29').stdout).toBe(
      'deployment.apps/back image updated\ndeployment.apps/front image updated\n',
    );
  });

  it('-l takes set-based requirements (in, notin) beside equality ones, as labels.Parse does', () => {
    const run = cluster();
    expect(run("kubectl get deployments -l 'tier in (web, api)' -o name").stdout).toBe('deployment.apps/back\ndeployment.apps/front\n');
    expect(run("kubectl get deployments -l 'tier notin (web)' -o name").stdout).toBe('deployment.apps/back\n');
    expect(run("kubectl get pods -l 'app in (front,back),tier=web' -o name").stdout).toMatch(/^pod\/front-\S+\n$/);
    for (const bad of ["'tier in ()'", "'tier in (web'", "'tier in web'"])
      expect(run(`kubectl get deployments -l ${bad}`).stderr).toBe(`${kubectlErrors.invalidLabelSelector(bad.slice(1, -1))}\n`);
  });

  it('logs -l prints the last 10 lines of each selected pod, in name order, with --prefix naming pod and container', () => {
    const run = cluster();
    const front = run('kubectl logs deployment/front').stdout.trimEnd().split('\n');
    const selected = run('kubectl logs -l tier=web').stdout.trimEnd().split('\n');
    expect(selected).toEqual(front.slice(-10));
    const pod = run('kubectl get pods -l app=front -o name').stdout.trim();
    expect(run('kubectl logs -l tier -c nginx --prefix --tail=1').stdout.split('\n')[1]).toBe(`[${pod}/nginx] ${front.at(-1)}`);
    expect(run('kubectl logs -l tier=none')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(run('kubectl logs -l tier=web deployment/front').stderr).toBe(`${logsErrors.selectorWithName()}\n`);
  });

  it('logs and expose name their object as POD, TYPE NAME or TYPE/NAME', () => {
    const run = cluster();
    expect(run('kubectl logs deployment/front').exitCode).toBe(0);
    expect(run('kubectl expose deployment/front --port 80').stdout).toBe('service/front exposed\n');
    expect(run('kubectl expose deployment back --port 80').stdout).toBe('service/back exposed\n');
  });
});

describe("the builder's errors, the same from every command, and nothing changes", () => {
  const cases: [command: string, message: string][] = [
    ['kubectl get', kubectlErrors.requiredResource()],
    ['kubectl get bogus', kubectlErrors.unknownResource('bogus')],
    ['kubectl describe bogus/x', kubectlErrors.unknownResource('bogus')],
    // A name is looked up in one namespace: with -A there is none (visitByName, visitByResource).
    ['kubectl get pods web -A', kubectlErrors.nameAcrossNamespaces()],
    ['kubectl describe pod/web -A', kubectlErrors.nameAcrossNamespaces()],
    ['kubectl delete pods web -A', kubectlErrors.nameAcrossNamespaces()],
    ['kubectl label deployment front x=y -A', kubectlErrors.nameAcrossNamespaces()],
    // TYPE NAME and TYPE/NAME do not mix.
    ['kubectl get deployment deployment/front', kubectlErrors.mixedResourceForms()],
    ['kubectl label deployment deployment/front x=y', kubectlErrors.mixedResourceForms()],
    ['kubectl scale deployment deployment/front --replicas=2', kubectlErrors.mixedResourceForms()],
    ['kubectl rollout restart deployment deployment/front', kubectlErrors.mixedResourceForms()],
    ['kubectl get deployment/front/x', kubectlErrors.tooManySlashes()],
    // Commands that change objects need names, -l or --all.
    ['kubectl delete deployments', kubectlErrors.requiredResourceName()],
    ['kubectl label deployments x=y', kubectlErrors.requiredResourceName()],
    ['kubectl scale deployments --replicas=2', kubectlErrors.requiredResourceName()],
    ['kubectl set image deployments nginx=nginx:1.28', kubectlErrors.requiredResourceName()],
    ['kubectl expose deployment --port 80', kubectlErrors.requiredResourceName()],
    ['kubectl apply view-last-applied deployments', kubectlErrors.requiredResourceName()],
    // A selector (or --all) picks objects: names cannot come with it.
    ['kubectl get deployments front -l tier=web', kubectlErrors.nameWithSelector()],
    ['kubectl delete deployments front --all', kubectlErrors.nameWithSelector()],
    ['kubectl scale deployments front --all --replicas=2', kubectlErrors.nameWithSelector()],
    ['kubectl delete deployment/front -l tier=web', kubectlErrors.selectorWithTuples()],
    ['kubectl label deployment/front --all x=y', kubectlErrors.selectorWithTuples()],
    ['kubectl set image deployment/front -l tier=web nginx=nginx:1.28', kubectlErrors.selectorWithTuples()],
    ['kubectl label deployments --all -l tier=web x=y', kubectlErrors.allAndSelector()],
    // SingleResourceType: cordon, drain, rollout status, view-last-applied, logs.
    ['kubectl cordon worker-1 deployment/front', kubectlErrors.singleResourceType()],
    ['kubectl drain worker-1 --selector=x', kubectlErrors.unknownFlag('--selector')],
    ['kubectl rollout status deployment/front replicaset/front', kubectlErrors.singleResourceType()],
    ['kubectl apply view-last-applied deployment/front pod/x', kubectlErrors.singleResourceType()],
    // Each command's own limits, after the builder found the object.
    ['kubectl taint pods x a=b:NoSchedule', taintErrors.onlyNodes('pods')],
    ['kubectl taint node deployment/front a=b:NoSchedule', `error: ${taintErrors.notANode('Deployment')}`],
    ['kubectl taint nodes a=b:NoSchedule', taintErrors.nameRequired()],
    ['kubectl taint nodes --all -l x=y a=b:NoSchedule', taintErrors.allWithSelector()],
    ['kubectl cordon deployment/front', cordonErrors.notANode('apps/v1, Resource=deployments')],
    ['kubectl drain deployment/front', cordonErrors.notANode('apps/v1, Resource=deployments')],
    ['kubectl cordon worker-1 -l x=y', cordonErrors.nameAndSelector()],
    ['kubectl cordon', kubectlErrors.usage('cordon NODE [flags]')],
    ['kubectl logs service/kubernetes', logsErrors.cannotGetLogs('Service')],
    ['kubectl logs deployment/nope', 'Error from server (NotFound): deployments.apps "nope" not found'],
    ['kubectl cordon nope worker-1', 'Error from server (NotFound): nodes "nope" not found'],
  ];

  it.each(cases)('%s', (command, message) => {
    const run = cluster();
    const before = world(run);
    const result = run(command);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe(message);
    expect(world(run)).toBe(before);
  });

  it('cordon stops at the first missing node, before anything changes; taint goes on past it', () => {
    const run = cluster();
    expect(run('kubectl cordon worker-1 nope').stdout).toBe('');
    expect(run('kubectl get nodes worker-1').stdout).not.toContain('SchedulingDisabled');
    const tainted = run('kubectl taint nodes nope worker-1 a=b:NoSchedule');
    expect(tainted.stdout).toBe('node/worker-1 tainted\n');
    expect(tainted.stderr.trim()).toBe('Error from server (NotFound): nodes "nope" not found');
  });
});
