// Reference #117: what a container's own shell command writes to its log, on the virtual clock.
import { describe, expect, it } from 'vitest';
import { createCluster } from '@/lib/cluster';
import { commandLog as written } from '@/lib/cluster/node/commandlog';

const commandLog = (...args: Parameters<typeof written>) => written(...args).map((line) => line.text);

const sh = (script: string) => ['sh', '-c', script];
const host = (name: string) => new Map([['HOSTNAME', name]]);

describe('#117 a container command’s output', () => {
  it('#117 echo, printf, date and hostname print; sleep moves the clock; nothing prints after `until`', () => {
    expect(commandLog(['echo', 'Hello', 'World'], host('hi'), 0, 0)).toEqual(['Hello World']);
    expect(commandLog(sh('echo start; sleep 5; echo done'), host('p'), 0, 60_000)).toEqual(['start', 'done']);
    expect(commandLog(sh('echo start; sleep 5; echo done'), host('p'), 0, 4_000)).toEqual(['start']);
    expect(commandLog(sh("printf 'a\\nb\\n' && hostname && echo '$HOME stays'"), host('web-1'), 0, 0)).toEqual([
      'a',
      'b',
      'web-1',
      '$HOME stays',
    ]);
    expect(commandLog(sh('date'), host('p'), 27_000, 27_000)).toEqual(['Mon Jan  6 09:00:27 UTC 2025']);
  });

  it('#117 the logging docs’ counter prints one numbered line per second until `until`', () => {
    const counter = sh('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done');
    const lines = commandLog(counter, host('counter'), 2_000, 6_500);
    expect(lines).toEqual([0, 1, 2, 3, 4].map((i) => `${i}: Mon Jan  6 09:00:0${i + 2} UTC 2025`));
  });

  it('#117 what the model cannot read ends the output there, and a loop without a sleep prints nothing forever', () => {
    expect(commandLog(sh('echo one; curl http://web; echo two'), host('p'), 0, 1_000)).toEqual(['one']);
    expect(commandLog(sh('echo $(cat /etc/hostname)'), host('p'), 0, 1_000)).toEqual([]);
    expect(commandLog(sh('while true; do echo spin; done'), host('p'), 0, 60_000)).toEqual(['spin']);
    expect(commandLog(['nginx', '-g', 'daemon off;'], host('p'), 0, 1_000)).toEqual([]);
  });

  it('#117 kubectl logs and crictl logs show it, from the instance’s start', () => {
    const cluster = createCluster({ seed: 8, workers: 1 });
    cluster.exec('kubectl run once --image=busybox:1.36 --restart=Never -- sh -c "echo hello; sleep 2; echo bye"');
    cluster.exec('kubectl run counter --image=busybox:1.36 -- /bin/sh -c \'i=0; while true; do echo "$i"; i=$((i+1)); sleep 1; done\'');
    cluster.exec('sim advance 20s');
    expect(cluster.exec('kubectl logs once').stdout).toBe('hello\nbye\n');
    expect(cluster.exec('kubectl get pod once -o jsonpath={.status.phase}').stdout.trim()).toBe('Succeeded');
    const counted = cluster.exec('kubectl logs counter').stdout.trimEnd().split('\n');
    expect(counted[0]).toBe('0');
    expect(counted.map(Number)).toEqual(counted.map((_, i) => i));
    expect(cluster.exec('kubectl logs counter --tail=1').stdout).toBe(`${counted.length - 1}\n`);
    // --timestamps: each line at the instant it was written, a second apart.
    const stamped = cluster.exec('kubectl logs counter --timestamps --tail=2').stdout.trimEnd().split('\n');
    const [first, second] = stamped.map((line) => Date.parse(line.split(' ')[0]));
    expect(second - first).toBe(1000);
    const id = cluster.exec('sim ssh worker-1 -- crictl ps --name counter -q').stdout.trim();
    expect(cluster.exec(`sim ssh worker-1 -- crictl logs ${id}`).stdout).toBe(cluster.exec('kubectl logs counter').stdout);
  });
});
