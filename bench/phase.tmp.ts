import { performance } from 'node:perf_hooks';
import { createCluster, defaults } from '../lib/cluster/index';
import { engineOf } from '../lib/cluster/cluster';
import { Engine } from '../lib/cluster/engine/engine';
import { appDeployment } from './cluster/apps';

const N = Number(process.env.N ?? 1000);
const counts = new Map<string, { n: number; ms: number }>();
const bump = (k: string, ms: number) => { const c = counts.get(k) ?? { n: 0, ms: 0 }; c.n++; c.ms += ms; counts.set(k, c); };
const COUNT = process.env.COUNT === '1';
if (COUNT) {
  const origDispatch = Engine.prototype.dispatch;
  Engine.prototype.dispatch = function (task: any) {
    const t = performance.now();
    const r = origDispatch.call(this, task);
    const k = task.owner === 'actor' ? `actor:${task.actor.replace(/\/.*/, '/*')}:${task.delay}` : `${task.owner}:${task.step ?? task.probe ?? ''}`;
    bump(`T ${k}${r === false ? ' (noop)' : ''}`, performance.now() - t);
    return r;
  };
  const origAfter = Engine.prototype.afterChange;
  Engine.prototype.afterChange = function () { const t = performance.now(); origAfter.call(this); bump('afterChange', performance.now() - t); };
}
const ds = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: node-agent }
spec:
  selector: { matchLabels: { app: node-agent } }
  template:
    metadata: { labels: { app: node-agent } }
    spec:
      containers: [{ name: agent, image: "fluent/fluent-bit:3.0", resources: { requests: { cpu: 50m, memory: 64Mi } } }]
`;
async function main() {
  const inspector = require('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (m: string, p?: any) => new Promise<any>((res, rej) => session.post(m, p, (e: any, r: any) => (e ? rej(e) : res(r))));
  if (process.env.ALLOC) await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const files: Record<string, string> = { 'ds.yaml': ds };
  for (let i = 0; i < N; i++) files[`app-${i}.yaml`] = appDeployment(i, true);
  const phases: [string, number][] = [];
  let t = performance.now();
  const mark = (name: string) => { const n = performance.now(); phases.push([name, n - t]); t = n; };
  const cluster = createCluster({ seed: 1, workers: N, cpu: '4', memory: '8Gi', files, zones: 3 });
  mark('create');
  const engine = engineOf(cluster);
  if (COUNT) for (const c of (engine as any).controllers) { const r=c.run; c.run=()=>{const t=performance.now(); const w=r(); if (w) bump('C '+c.name, performance.now()-t); return w;}; }
  const rv0 = engine.store.resourceVersion;
  let phase='apply'; const wc=new Map<string,number>(); if (process.env.WRITES) engine.store.watch((e:any)=>{const k=`${phase} ${e.kind} ${e.type} ${e.hint}`; wc.set(k,(wc.get(k)??0)+1);});
  const instants=new Set<number>(); if (process.env.WRITES){ const od=Engine.prototype.dispatch; Engine.prototype.dispatch=function(t:any){instants.add(this.clock.now()); return od.call(this,t);} }
  cluster.exec('kubectl apply -f ds.yaml');
  for (let i = 0; i < N; i++) { cluster.exec(`kubectl apply -f app-${i}.yaml`); cluster.exec(`kubectl expose deployment app-${i} --port 80`); }
  mark('apply'); const rv1 = engine.store.resourceVersion;
  phase='adv'; cluster.advance('1m');
  mark('advance1m'); const rv2 = engine.store.resourceVersion;
  phase='fail'; cluster.exec('sim zone fail zone-a');
  cluster.advance(10 * 60_000 + Math.ceil(Math.ceil(N / 3) / defaults.evictionRateQps) * 1000);
  mark('fail'); const rv3 = engine.store.resourceVersion;
  if (process.env.SNAP) { (globalThis as any).keep = cluster; require("node:v8").writeHeapSnapshot("/tmp/heap.heapsnapshot"); }
  if (process.env.ALLOC) { const { profile } = await post('HeapProfiler.stopSampling'); require('node:fs').writeFileSync('/tmp/hprof/alloc.heapprofile', JSON.stringify(profile)); }
  for (const [n, ms] of phases) console.log(n.padEnd(12), ms.toFixed(0), 'ms');
  console.log('writes', { apply: rv1 - rv0, adv: rv2 - rv1, fail: rv3 - rv2 });
  for (const [k,v] of [...wc].sort((a,b)=>b[1]-a[1]).slice(0,50)) console.log(k.padEnd(50), v);
  console.log('instants', instants.size);
  if (COUNT) for (const [k, c] of [...counts].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40)) console.log(k.padEnd(60), String(c.n).padStart(8), c.ms.toFixed(0).padStart(7), 'ms');
}
main();
