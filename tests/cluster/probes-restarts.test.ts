// Facts #35-#42: probes, app misbehaviour, restarts with back-off, OOM kills and logs of the
// previous instance, each driven through the terminal as a learner would (#51 in termination.test.ts).
import { describe, expect, it } from 'vitest';
import { apiErrors, fieldErrors, formatApiError } from '@/lib/cluster/api/errors';
import { engineOf } from '@/lib/cluster/cluster';
import { kubeletMessages } from '@/lib/cluster/kubelet/kuberuntime';
import { containersServe } from '@/lib/cluster/kubelet/status';
import { proberMessages } from '@/lib/cluster/kubelet/prober';
import { appErrors } from '@/lib/cluster/sim/app';
import { advanceUntil, must, newCluster, pods } from './fixtures';
import { applied, deployment, eventCount, eventsOf, onlyPod, pod } from './support/probe-apps';

describe('probes (#35-#37)', () => {
  it('#35 probe fields take their defaults and describe prints them as kubectl does', () => {
    const spec = `readinessProbe: { httpGet: { port: 80 } }
livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 5 }
startupProbe: { exec: { command: [cat, /tmp/ready] }, failureThreshold: 30 }`;
    const cluster = applied({ 'web.yaml': deployment(spec) });
    cluster.advance('10s');
    const out = must(cluster, `kubectl describe pod ${onlyPod(cluster).name}`);
    expect(out).toContain('    Liveness:       tcp-socket :80 delay=5s timeout=1s period=10s #success=1 #failure=3');
    expect(out).toContain('    Readiness:      http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(out).toContain('    Startup:        exec [cat /tmp/ready] delay=0s timeout=1s period=10s #success=1 #failure=30');
    const yaml = must(cluster, `kubectl get pod ${onlyPod(cluster).name} -o yaml`);
    expect(yaml).toMatch(
      /readinessProbe:\n\s+failureThreshold: 3\n\s+httpGet:\n\s+path: \/\n\s+port: 80\n\s+scheme: HTTP\n\s+periodSeconds: 10/,
    );
  });

  it('#35 a probe needs exactly one handler, and liveness needs successThreshold 1', () => {
    const cluster = newCluster({
      files: {
        none: pod('livenessProbe: { periodSeconds: 5 }'),
        two: pod('readinessProbe: { tcpSocket: { port: 80 }, exec: { command: ["true"] } }'),
        success: pod('livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 }'),
      },
    });
    const invalid = (causes: string[]) => formatApiError(apiErrors.invalid('Pod', 'Pod', 'job', causes));
    expect(cluster.exec('kubectl apply -f none').stderr.trim()).toBe(invalid([fieldErrors.noHandler('spec.containers[0].livenessProbe')]));
    expect(cluster.exec('kubectl apply -f two').stderr.trim()).toBe(
      invalid([fieldErrors.tooManyHandlers('spec.containers[0].readinessProbe', 'tcpSocket')]),
    );
    expect(cluster.exec('kubectl apply -f success').stderr.trim()).toBe(
      invalid([fieldErrors.mustBeOne('spec.containers[0].livenessProbe.successThreshold', 2)]),
    );
    expect(cluster.view().pods.some((p) => p.name === 'job')).toBe(false);
  });

  it('#36 readiness starts failed: a pod whose readiness probe waits 20s is Running but not Ready until then', () => {
    const cluster = applied({ 'web.yaml': deployment('readinessProbe: { httpGet: { path: /, port: 80 }, initialDelaySeconds: 20 }') });
    const running = advanceUntil(cluster, () => onlyPod(cluster)?.phase === 'Running', 30_000, 500)!;
    expect(onlyPod(cluster).ready).toBe(false);
    expect(onlyPod(cluster).readyContainers).toBe('0/1');
    const ready = advanceUntil(cluster, () => onlyPod(cluster).ready, 60_000, 500)!;
    expect(ready - running).toBeGreaterThanOrEqual(18_000);
    expect(ready - running).toBeLessThanOrEqual(32_000);
  });

  it('#36 liveness and readiness wait for the startup probe; each failure is an Unhealthy event', () => {
    const cluster = applied({
      'web.yaml': deployment(`startupProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: 5, failureThreshold: 4 }
livenessProbe: { httpGet: { path: /nope, port: 80 } }`),
    });
    cluster.advance('17s');
    const name = onlyPod(cluster).name;
    const startupFailure = proberMessages.unhealthy(
      'startup',
      `Get "http://${must(cluster, `kubectl get pod ${name} -o jsonpath={.status.podIP}`).trim()}:8080/": dial tcp`,
    );
    expect(eventsOf(cluster)).toContain(startupFailure.slice(0, 40));
    // The liveness probe never ran: its failures would say so.
    expect(eventsOf(cluster)).not.toContain('Liveness probe failed');
    expect(onlyPod(cluster).ready).toBe(false);
  });

  it('#36 a steady healthy probe holds no timer, and after a quiet hour its failures still fall on its period grid', () => {
    const probes =
      'livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 7 }\nreadinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 7 }';
    for (const offsetMs of [3_123, 0]) {
      const cluster = applied({ 'web.yaml': deployment(probes) });
      advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
      const engine = engineOf(cluster);
      const proberTimers = () => engine.clock.snapshot().timers.filter((timer) => timer.task.owner === 'prober').length;
      const name = onlyPod(cluster).name;
      const uid = engine.store.get('Pod', `default/${name}`)!.metadata.uid;
      const startedAt = engine.state.runtimes['worker-1'].containers[uid].instances!.web.startedAt;
      cluster.advance('1h');
      expect(proberTimers()).toBe(0);
      // Onto the grid (startedAt + k * 7s), then `offsetMs` past it: a tick due at the very instant
      // of the command has fired already, so the first failure is one period later.
      const sinceStart = cluster.now() - startedAt;
      cluster.advance(`${7_000 - (sinceStart % 7_000) + offsetMs}ms`);
      const hungAt = cluster.now();
      must(cluster, `sim app hang ${name}`);
      expect(proberTimers()).toBe(2);
      cluster.advance('30s');
      const firstFailure = startedAt + (Math.floor((hungAt - startedAt) / 7_000) + 1) * 7_000;
      const events = cluster.view().events.filter((event) => event.object === `pod/${name}`);
      const unhealthy = events.filter((event) => event.reason === 'Unhealthy');
      expect(unhealthy.map((event) => event.firstTimestamp)).toEqual([firstFailure, firstFailure]);
      expect(events.find((event) => event.reason === 'Killing')?.firstTimestamp).toBe(firstFailure + 14_000);
    }
  });

  it('#37 a failing readiness probe only clears Ready: no restart, the pod comes back after heal', () => {
    const cluster = applied({ 'web.yaml': deployment('readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }') });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    must(cluster, 'sim app unready deployment/web');
    const notReady = advanceUntil(cluster, () => !onlyPod(cluster).ready, 60_000, 500)!;
    expect(notReady).toBeDefined();
    expect(onlyPod(cluster).status).toBe('Running');
    expect(onlyPod(cluster).restarts).toBe(0);
    expect(eventsOf(cluster)).toContain(proberMessages.unhealthy('readiness', 'HTTP probe failed with statuscode: 503'));
    must(cluster, 'sim app heal deployment/web');
    expect(advanceUntil(cluster, () => onlyPod(cluster).ready, 30_000, 500)).toBeDefined();
    expect(onlyPod(cluster).restarts).toBe(0);
  });

  it('#37 a hung app fails liveness three times, is killed with the grace period (SIGKILL, 137), and restarts', () => {
    const cluster = applied({
      'web.yaml': deployment('livenessProbe: { httpGet: { path: /, port: 80 } }\nreadinessProbe: { httpGet: { path: /, port: 80 } }'),
    });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    const name = onlyPod(cluster).name;
    const serves = () => containersServe(engineOf(cluster), engineOf(cluster).store.get('Pod', `default/${name}`)!);
    expect(serves()).toBe(true);
    must(cluster, `sim app hang ${name}`);
    // A hung process answers nothing, though the API still shows the pod Running and Ready.
    expect(serves()).toBe(false);
    expect(onlyPod(cluster).ready).toBe(true);
    cluster.advance('35s');
    expect(eventsOf(cluster)).toContain(kubeletMessages.probeKill('web', 'liveness'));
    expect(eventCount(cluster, name, 'Liveness probe failed')).toBe(3);
    expect(onlyPod(cluster).restarts).toBe(0);
    // The hung app ignores SIGTERM: it dies only when the 30s grace runs out.
    expect(advanceUntil(cluster, () => onlyPod(cluster).restarts === 1, 40_000, 500)).toBeDefined();
    expect(onlyPod(cluster).lastTermination).toMatchObject({ reason: 'Error', exitCode: 137 });
    expect(advanceUntil(cluster, () => onlyPod(cluster).ready, 30_000, 500)).toBeDefined();
    expect(serves()).toBe(true);
  });
});

describe('restarts (#38-#42)', () => {
  it('#38 the first exit restarts at once, the next waits in CrashLoopBackOff with BackOff events', () => {
    const cluster = applied({ 'web.yaml': deployment('') });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    const name = onlyPod(cluster).name;
    must(cluster, 'sim app crash deployment/web');
    expect(advanceUntil(cluster, () => onlyPod(cluster).restarts === 1, 5_000, 250)).toBeDefined();
    must(cluster, 'sim app crash deployment/web');
    cluster.advance('1s');
    expect(onlyPod(cluster).status).toBe('CrashLoopBackOff');
    expect(onlyPod(cluster).readyContainers).toBe('0/1');
    expect(onlyPod(cluster).waitingReason).toBe('CrashLoopBackOff');
    const uid = must(cluster, `kubectl get pod ${name} -o jsonpath={.metadata.uid}`).trim();
    expect(eventsOf(cluster)).toContain(`Back-off restarting failed container web in pod ${name}_default(${uid})`);
    expect(must(cluster, `kubectl get pod ${name} -o yaml`)).toContain(
      `back-off 10s restarting failed container=web pod=${name}_default(${uid})`,
    );
    // Back-off 10s, then the next 10-15s re-sync restarts it.
    const restarted = advanceUntil(cluster, () => onlyPod(cluster).restarts === 2, 30_000, 250)!;
    expect(onlyPod(cluster).lastTermination).toMatchObject({ reason: 'Error', exitCode: 1 });
    const finished = onlyPod(cluster).lastTermination!.finishedAt;
    expect(restarted - finished).toBeGreaterThanOrEqual(10_000);
    expect(restarted - finished).toBeLessThanOrEqual(18_000);
  });

  it('#38 the back-off doubles from 10s to its 300s cap, measured from each finish', () => {
    const cluster = applied({ 'web.yaml': deployment('command: [sh, -c, "sleep 1; exit 3"]', { image: 'busybox:1.36' }) });
    const gaps: number[] = [];
    let seen = 0;
    advanceUntil(
      cluster,
      () => {
        const view = onlyPod(cluster);
        if (view && view.restarts > seen && view.status !== 'CrashLoopBackOff') {
          seen = view.restarts;
          gaps.push(cluster.now() - view.lastTermination!.finishedAt);
        }
        return seen >= 8;
      },
      1_800_000,
      250,
    );
    const floors = [0, 10, 20, 40, 80, 160, 300, 300].map((s) => s * 1000);
    gaps.forEach((gap, i) => {
      expect(gap, `restart ${i + 1}`).toBeGreaterThanOrEqual(floors[i]);
      expect(gap, `restart ${i + 1}`).toBeLessThanOrEqual(floors[i] + 16_000 + 3_000);
    });
  });

  it('#38 a container that ran for more than 10 minutes is restarted at once again', () => {
    const cluster = applied({ 'web.yaml': deployment('') });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    must(cluster, 'sim app crash deployment/web');
    cluster.advance('5s');
    must(cluster, 'sim app crash deployment/web');
    advanceUntil(cluster, () => onlyPod(cluster).restarts === 2 && onlyPod(cluster).ready, 60_000, 500);
    cluster.advance('11m');
    must(cluster, 'sim app crash deployment/web');
    expect(advanceUntil(cluster, () => onlyPod(cluster).restarts === 3, 5_000, 250)).toBeDefined();
  });

  it('#39 OnFailure: exit 0 completes the pod (Succeeded); Never leaves an Error and phase Failed', () => {
    const cluster = newCluster({
      workers: 1,
      files: {
        ok: pod('command: [sh, -c, "sleep 3; exit 0"]', 'restartPolicy: OnFailure'),
        bad: pod('command: [sh, -c, "sleep 3; exit 2"]', 'restartPolicy: Never').replace('name: job', 'name: bad'),
      },
    });
    must(cluster, 'kubectl apply -f ok');
    must(cluster, 'kubectl apply -f bad');
    cluster.advance('30s');
    const out = must(cluster, 'kubectl get pods');
    expect(out).toMatch(/job\s+0\/1\s+Completed\s+0/);
    expect(out).toMatch(/bad\s+0\/1\s+Error\s+0/);
    expect(pods(cluster, (p) => p.name === 'job')[0].phase).toBe('Succeeded');
    expect(pods(cluster, (p) => p.name === 'bad')[0].phase).toBe('Failed');
    const described = must(cluster, 'kubectl describe pod bad');
    expect(described).toContain('    State:          Terminated\n      Reason:       Error\n      Exit Code:    2');
  });

  it('#39 Always restarts after exit 0 too, and a Deployment refuses any other policy', () => {
    const cluster = applied({ 'web.yaml': deployment('command: [sh, -c, "sleep 5"]', { image: 'busybox:1.36' }) });
    cluster.advance('20s');
    expect(onlyPod(cluster).restarts).toBeGreaterThanOrEqual(1);
    expect(onlyPod(cluster).lastTermination).toMatchObject({ reason: 'Completed', exitCode: 0 });
    const never = deployment('')
      .replace('      containers:', '      restartPolicy: Never\n      containers:')
      .replace('name: web }', 'name: other }');
    const other = newCluster({ files: { 'never.yaml': never } });
    const result = other.exec('kubectl apply -f never.yaml');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(fieldErrors.unsupportedValue('spec.template.spec.restartPolicy', 'Never', ['Always']));
  });

  it('#40 RESTARTS prints the count and the age of the last termination; describe shows Last State', () => {
    const cluster = applied({ 'web.yaml': deployment('') });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    must(cluster, 'sim app crash deployment/web --exit-code 3');
    cluster.advance('25s');
    const name = onlyPod(cluster).name;
    expect(must(cluster, 'kubectl get pods')).toMatch(new RegExp(`${name}\\s+1/1\\s+Running\\s+1 \\(25s ago\\)`));
    const out = must(cluster, `kubectl describe pod ${name}`);
    expect(out).toMatch(
      / {4}Last State: {5}Terminated\n {6}Reason: {7}Error\n {6}Exit Code: {4}3\n {6}Started: {6}.+\n {6}Finished: {5}.+/,
    );
    expect(must(cluster, `kubectl get pod ${name} -o yaml`)).toMatch(
      /lastState:\n\s+terminated:\n\s+containerID: containerd:\/\/\w+\n\s+exitCode: 3/,
    );
  });

  it('#41 over its memory limit the container is OOMKilled (137); without a limit the sim says so', () => {
    const limited = deployment('resources: { limits: { memory: 128Mi } }');
    const cluster = applied({ 'web.yaml': limited });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    const before = JSON.stringify(cluster.view().pods);
    const refused = cluster.exec('sim app memory deployment/web lots');
    expect(refused.stderr.trim()).toBe(appErrors.size('lots'));
    expect(JSON.stringify(cluster.view().pods)).toBe(before);
    must(cluster, 'sim app memory deployment/web 300Mi');
    cluster.advance('2s');
    expect(onlyPod(cluster).lastTermination).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    // The app still needs 300Mi: every new instance is killed again, into CrashLoopBackOff.
    expect(advanceUntil(cluster, () => onlyPod(cluster).status === 'CrashLoopBackOff', 30_000, 250)).toBeDefined();
    const unlimited = applied({ 'web.yaml': deployment('') });
    advanceUntil(unlimited, () => onlyPod(unlimited)?.ready === true, 30_000, 500);
    expect(must(unlimited, 'sim app memory deployment/web 3Gi')).toContain('node memory pressure is not simulated');
    unlimited.advance('10s');
    expect(onlyPod(unlimited).restarts).toBe(0);
  });

  it('#41 a stress container asking for more than its limit is OOMKilled at every start', () => {
    const cluster = applied({
      'mem.yaml': deployment(
        'command: [stress]\nargs: [--vm, "1", --vm-bytes, 250M, --vm-hang, "1"]\nresources: { limits: { memory: 100Mi } }',
        {
          name: 'mem',
          image: 'polinux/stress',
        },
      ),
    });
    expect(advanceUntil(cluster, () => onlyPod(cluster, 'mem')?.restarts === 2, 120_000, 500)).toBeDefined();
    expect(onlyPod(cluster, 'mem').lastTermination).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
  });

  it('#42 logs --previous prints the previous instance, or the BadRequest text when there is none', () => {
    const cluster = applied({ 'web.yaml': deployment('') });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    const name = onlyPod(cluster).name;
    const none = cluster.exec(`kubectl logs ${name} --previous`);
    expect(none.stderr.trim()).toBe(`Error from server (BadRequest): previous terminated container "web" in pod "${name}" not found`);
    const first = must(cluster, `kubectl logs ${name}`);
    cluster.advance('30s');
    must(cluster, `sim app crash ${name}`);
    cluster.advance('5s');
    expect(must(cluster, `kubectl logs ${name} --previous`)).toBe(first);
    expect(must(cluster, `kubectl logs ${name}`)).not.toBe(first);
  });

  it('#42 sim app refuses bad input and changes nothing', () => {
    const cluster = applied({ 'web.yaml': deployment('') });
    const before = JSON.stringify(cluster.view().pods);
    expect(cluster.exec('sim app crash nothing').stderr.trim()).toBe(appErrors.notFound('nothing', 'default'));
    expect(cluster.exec('sim app crash deployment/web').stderr.trim()).toBe(appErrors.notRunning(onlyPod(cluster).name));
    expect(cluster.exec('sim app crash deployment/web --exit-code 0').stderr.trim()).toBe(appErrors.exitCode(0));
    expect(cluster.exec('sim app dance deployment/web').stderr.trim()).toBe(appErrors.usage);
    expect(JSON.stringify(cluster.view().pods)).toBe(before);
  });
});
