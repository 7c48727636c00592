import { complete } from '@/lib/labs/terminal/complete';
import { emptyHistory, newer, older, remember } from '@/lib/labs/terminal/history';
import { baseView } from './support/views';

const context = () => ({ view: baseView(), files: ['web.yaml', 'pdb.yaml'] });

describe('terminal history', () => {
  it('up walks back, down walks forward and then returns the draft', () => {
    let history = remember(remember(emptyHistory, 'kubectl get nodes'), 'kubectl get pods');
    let step = older(history, 'kubectl ge');
    expect(step.line).toBe('kubectl get pods');
    step = older(step.history, step.line);
    expect(step.line).toBe('kubectl get nodes');
    step = older(step.history, step.line);
    expect(step.line).toBe('kubectl get nodes');
    step = newer(step.history, step.line);
    expect(step.line).toBe('kubectl get pods');
    step = newer(step.history, step.line);
    expect(step.line).toBe('kubectl ge');
    history = step.history;
    expect(newer(history, 'x').line).toBe('x');
  });

  it('blank lines and immediate repeats are not remembered', () => {
    const history = remember(remember(remember(emptyHistory, 'kubectl get nodes'), 'kubectl get nodes'), '   ');
    expect(history.entries).toEqual(['kubectl get nodes']);
  });
});

describe('tab completion', () => {
  it.each([
    ['ku', 'kubectl '],
    ['kubectl dr', 'kubectl drain '],
    ['kubectl get no', 'kubectl get nodes '],
    ['kubectl get nodes worker-', 'kubectl get nodes worker-'],
    ['kubectl cordon worker-3', 'kubectl cordon worker-3 '],
    ['kubectl get pods -o w', 'kubectl get pods -o wide '],
    ['kubectl apply -f w', 'kubectl apply -f web.yaml '],
    ['kubectl scale deployment w', 'kubectl scale deployment web '],
    ['kubectl scale --rep', 'kubectl scale --replicas='],
    ['kubectl delete pod so', 'kubectl delete pod solo '],
    ['kubectl describe deployment/w', 'kubectl describe deployment/web '],
    ['sim no', 'sim node '],
    ['kubectl rollout st', 'kubectl rollout status '],
    ['kubectl rollout status deployment/w', 'kubectl rollout status deployment/web '],
    ['kubectl rollout undo deployment w', 'kubectl rollout undo deployment web '],
    ['kubectl set image deployment/w', 'kubectl set image deployment/web '],
    ['kubectl get pods --show-l', 'kubectl get pods --show-labels '],
    ['sim netw', 'sim network '],
    ['sim network partition worker-1', 'sim network partition worker-1 '],
    ['sim init --wor', 'sim init --workers '],
    ['sim node fail worker-2', 'sim node fail worker-2 '],
    ['sim etcd fail e', 'sim etcd fail etcd-1 '],
    [
      'kubectl taint nodes worker-1 node.kubernetes.io/o',
      'kubectl taint nodes worker-1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute ',
    ],
  ])('"%s" completes to "%s"', (line, expected) => {
    expect(complete(line, context()).line).toBe(expected);
  });

  it('an ambiguous word completes the common part and lists the choices', () => {
    const result = complete('kubectl get nodes w', context());
    expect(result.line).toBe('kubectl get nodes worker-');
    expect(result.candidates).toEqual(['worker-1', 'worker-2', 'worker-3']);
  });

  it('pod names come from the namespace asked for', () => {
    expect(complete('kubectl get pods -n kube-system kube-p', context()).candidates.every((c) => c.startsWith('kube-proxy-'))).toBe(true);
    expect(complete('kubectl get pods kube-p', context()).candidates).toEqual([]);
  });

  it('nothing to complete leaves the line alone', () => {
    expect(complete('ls -l', context())).toEqual({ line: 'ls -l', candidates: [] });
    expect(complete('kubectl get nodes zzz', context())).toEqual({ line: 'kubectl get nodes zzz', candidates: [] });
  });
});
