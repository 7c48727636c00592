// kubectl annotate as kubectl/pkg/cmd/annotate does it: free-text values, KEY- removes, an
// existing value changes only with --overwrite (change-cause excepted), and rollout history
// shows the change-cause the Deployment controller copies to the new ReplicaSet.
import { annotateErrors } from '@/lib/cluster/kubectl/annotate';
import { must, newCluster } from './fixtures';

function webCluster() {
  const c = newCluster();
  must(c, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
  c.advance('30s');
  return c;
}

const annotations = (c: ReturnType<typeof newCluster>) =>
  JSON.parse(must(c, 'kubectl get deployment web -o json')).metadata.annotations ?? {};

describe('kubectl annotate', () => {
  it('sets a free-text value (spaces, "=") and prints TYPE/NAME annotated', () => {
    const c = webCluster();
    expect(must(c, 'kubectl annotate deployment/web note="a=b and c"')).toBe('deployment.apps/web annotated\n');
    expect(annotations(c).note).toBe('a=b and c');
  });

  it('refuses to change an existing value without --overwrite, and changes it with it', () => {
    const c = webCluster();
    must(c, 'kubectl annotate deployment web owner=team-a');
    const refused = c.exec('kubectl annotate deployment web owner=team-b');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(annotateErrors.overwrite(["'owner' already has a value (team-a)"]));
    expect(annotations(c).owner).toBe('team-a');
    must(c, 'kubectl annotate deployment web owner=team-b --overwrite');
    expect(annotations(c).owner).toBe('team-b');
  });

  it('KEY- removes an annotation; no change at all is an error that changes nothing', () => {
    const c = webCluster();
    must(c, 'kubectl annotate deployment web owner=team-a');
    must(c, 'kubectl annotate deployment web owner-');
    expect(annotations(c)).not.toHaveProperty('owner');
    const none = c.exec('kubectl annotate deployment web');
    expect(none.stderr.trim()).toBe(annotateErrors.noUpdate());
  });

  it('a change-cause may always be rewritten, and rollout history shows it per revision', () => {
    const c = webCluster();
    must(c, 'kubectl set image deployment/web nginx=nginx:1.28');
    must(c, 'kubectl annotate deployment/web kubernetes.io/change-cause="nginx 1.28"');
    must(c, 'kubectl annotate deployment/web kubernetes.io/change-cause="nginx 1.28, by hand"');
    c.advance('1m');
    expect(must(c, 'kubectl rollout history deployment/web')).toMatch(/^2\s+nginx 1\.28, by hand$/m);
  });

  it('a missing object is NotFound; --all annotates every object of the type', () => {
    const c = webCluster();
    expect(c.exec('kubectl annotate deployment nope a=b').stderr).toContain('deployments.apps "nope" not found');
    expect(must(c, 'kubectl annotate nodes --all checked=yes').trim().split('\n')).toHaveLength(4);
  });
});
