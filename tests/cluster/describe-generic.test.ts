// kubectl describe for PodDisruptionBudgets and, through kubectl's generic describer, Leases (#110).
import { describe, expect, it } from 'vitest';
import { smartLabelFor } from '@/lib/cluster/kubectl/describe-generic';
import { must, newCluster } from './fixtures';

describe('describe pdb and the generic describer (#110)', () => {
  it('#110 describe pdb prints the budget, its selector and its status in two aligned blocks', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=3');
    must(cluster, 'kubectl create pdb web --selector=app=web --min-available=2');
    must(cluster, 'kubectl create pdb half --selector=app=web --max-unavailable=50%');
    cluster.advance('30s');
    expect(must(cluster, 'kubectl describe pdb web')).toBe(
      [
        'Name:           web',
        'Namespace:      default',
        'Min available:  2',
        'Selector:       app=web',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              3',
        '    Desired:              2',
        '    Total:                3',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
    const half = must(cluster, 'kubectl describe poddisruptionbudget half');
    expect(half).toContain('Max unavailable:  50%\n');
    expect(half).toMatch(/Allowed disruptions: {2}\d\n/);
  });

  it('#110 describe lease prints every served field under smartLabelFor labels, metadata name and namespace left out', () => {
    const cluster = newCluster();
    cluster.advance('25s');
    const text = must(cluster, 'kubectl describe lease -n kube-node-lease worker-1');
    const renew = must(cluster, 'kubectl get lease -n kube-node-lease worker-1 -o jsonpath={.spec.renewTime}').trim();
    expect(text).toMatch(
      /^Name: {9}worker-1\nNamespace: {4}kube-node-lease\nLabels: {7}<none>\nAnnotations: {2}<none>\nAPI Version: {2}coordination\.k8s\.io\/v1\nKind: {9}Lease\nMetadata:\n {2}Creation Timestamp: {2}\S+\n/,
    );
    expect(text).not.toMatch(/\n {2}Name:/);
    expect(text).toContain(
      `\nSpec:\n  Holder Identity:         worker-1\n  Lease Duration Seconds:  40\n  Renew Time:              ${renew}\nEvents:                    <none>\n`,
    );
  });

  it('smartLabelFor splits camelCase, capitalises common acronyms and leaves names with other characters alone', () => {
    expect(smartLabelFor('leaseDurationSeconds')).toBe('Lease Duration Seconds');
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('uid')).toBe('UID');
    // IP is not among its acronyms, and cases.Title lowercases the rest of a word.
    expect(smartLabelFor('podIP')).toBe('Pod Ip');
    expect(smartLabelFor('app.kubernetes.io/name')).toBe('app.kubernetes.io/name');
  });
});
