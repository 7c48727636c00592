// Reference #111: kubectl get --watch (kubectl/pkg/cmd/get watch, printers.GetNewTabWriter,
// cli-runtime's interrupt handler), on the virtual clock.
import { describe, expect, it } from 'vitest';
import { createCluster } from '@/lib/cluster';
import { kubectlErrors } from '@/lib/cluster/api/errors';

const rowsOf = (stdout: string) => stdout.trimEnd().split('\n');

describe('#111 kubectl get --watch', () => {
  it("#111 prints the list, then a row per change while simulated time passes, aligned like kubectl's tabwriter", () => {
    const cluster = createCluster({ seed: 3, workers: 2 });
    cluster.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    const start = cluster.now();
    const result = cluster.exec('kubectl get pods -w --request-timeout=20s');
    // The server ends the watch at --request-timeout, and kubectl returns quietly.
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(cluster.now() - start).toBe(20_000);
    const [header, ...rows] = rowsOf(result.stdout);
    expect(header).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
    const listed = cluster.exec('kubectl get pods -o name').stdout.trim().split('\n');
    // Each pod is listed, then seen again once it runs; no second header.
    expect(rows.length).toBeGreaterThan(listed.length);
    expect(rows.filter((row) => row.startsWith('NAME'))).toEqual([]);
    for (const name of listed)
      expect(rows.filter((row) => row.includes(' Running ')).map((row) => `pod/${row.split(' ')[0]}`)).toContain(name);
    // Columns line up with the header until a wider cell widens its column for the lines after it.
    const column = (line: string, word: string) => line.indexOf(word);
    expect(column(rows[0], '0/1')).toBe(column(header, 'READY'));
  });

  it('#111 --output-watch-events names each change; a deleted object prints last as DELETED; --watch-only skips the list', () => {
    const cluster = createCluster({ seed: 3, workers: 2 });
    cluster.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    cluster.exec('sim advance 20s');
    cluster.exec('kubectl scale deployment web --replicas=1');
    const events = cluster.exec('kubectl get pods -w --output-watch-events --request-timeout=60s');
    const [header, ...rows] = rowsOf(events.stdout);
    expect(header.split(/ +/)).toEqual(['EVENT', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(rows.slice(0, 2).every((row) => row.startsWith('ADDED '))).toBe(true);
    const terminating = rows.find((row) => row.includes(' Terminating '))!.split(/ +/)[1];
    expect(rows.at(-1)).toMatch(new RegExp(`^DELETED +${terminating} `));
    expect(cluster.exec(`kubectl get pod ${terminating}`).exitCode).toBe(1);
    const only = cluster.exec('kubectl get pods --watch-only --request-timeout=10s');
    expect(only).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('#111 the watch filters as the API server does: an object that starts matching is ADDED, one that stops is DELETED', () => {
    const cluster = createCluster({ seed: 3, workers: 2 });
    cluster.exec('kubectl run once --image=busybox:1.36 --restart=Never -- sleep 10');
    const result = cluster.exec('kubectl get pods --field-selector=status.phase=Running -w --output-watch-events --request-timeout=30s');
    const changes = rowsOf(result.stdout)
      .slice(1)
      .map((row) => row.split(/ +/).slice(0, 4));
    expect(changes[0]).toEqual(['ADDED', 'once', '1/1', 'Running']);
    expect(changes.at(-1)?.slice(0, 2)).toEqual(['DELETED', 'once']);
    expect(cluster.exec('kubectl get pod once -o jsonpath={.status.phase}').stdout.trim()).toBe('Succeeded');
  });

  it("#111 with no --request-timeout the simulator presses Ctrl+C at its horizon: exit 1, as get's interrupt handler exits", () => {
    const cluster = createCluster({ seed: 3, workers: 2 });
    cluster.exec('sim advance 30s');
    cluster.exec('sim node fail worker-1');
    const start = cluster.now();
    const result = cluster.exec('kubectl get nodes -w');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^\^C\n\(simulator\) kubectl get --watch was still waiting after 5m0s/);
    expect(cluster.now() - start).toBe(5 * 60_000);
    // The node lifecycle controller marks the dead node: its row changes to NotReady.
    expect(rowsOf(result.stdout).some((row) => /^worker-1 +NotReady /.test(row))).toBe(true);
  });

  it('#111 watches one type or one named object, and refuses more; events are watched too', () => {
    const cluster = createCluster({ seed: 3, workers: 2 });
    const now = cluster.now();
    expect(cluster.exec('kubectl get pods,svc -w').stderr).toBe(`${kubectlErrors.singleResourceType()}\n`);
    expect(cluster.exec('kubectl get pod/a pod/b -w').stderr).toBe(`${kubectlErrors.watchOneSource()}\n`);
    expect(cluster.exec('kubectl get pod missing -w').stderr).toBe('Error from server (NotFound): pods "missing" not found\n');
    expect(cluster.exec('kubectl get pods -w --request-timeout=soon').stderr).toBe(
      `${kubectlErrors.invalidDuration('soon', '--request-timeout')}\n`,
    );
    expect(cluster.now()).toBe(now);
    cluster.exec('kubectl create deployment web --image=nginx:1.27');
    const listed = cluster.exec('kubectl get events').stdout;
    expect(listed).not.toMatch(/ Started /);
    // The image pull and the container start come later: their events print as they are recorded.
    const later = cluster.exec('kubectl get events --watch-only --request-timeout=30s');
    const [header, ...rows] = rowsOf(later.stdout);
    expect(header.split(/ {2,}/)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(rows.map((row) => row.split(/ +/)[2])).toEqual(expect.arrayContaining(['Pulled', 'Created', 'Started']));
  });

  it('#111 kubectl events --watch: the existing events as the watch brings them, then each new one, filtered by --for and --types', () => {
    const cluster = createCluster({ seed: 3, workers: 2 });
    cluster.exec('kubectl create deployment web --image=nginx:1.27');
    const pod = cluster.exec('kubectl get pods -o name').stdout.trim().split('/')[1];
    // Recorded so far: the pod's scheduling; the pull and start come while the watch runs.
    expect(cluster.exec(`kubectl events --for pod/${pod}`).stdout).not.toMatch(/ Started /);
    const watched = cluster.exec(`kubectl events --watch --for pod/${pod} --types=Normal --request-timeout=30s`);
    expect(watched.exitCode).toBe(0);
    const [header, ...rows] = rowsOf(watched.stdout);
    expect(header.split(/ {2,}/)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(rows.every((row) => row.includes(` Pod/${pod} `))).toBe(true);
    expect(rows.map((row) => row.split(/ +/)[2])).toEqual(expect.arrayContaining(['Scheduled', 'Pulled', 'Started']));
    const interrupted = cluster.exec('kubectl events -w');
    expect(interrupted.exitCode).toBe(1);
    expect(interrupted.stderr).toMatch(/^\^C\n\(simulator\) kubectl events --watch was still waiting after 5m0s/);
  });
});
