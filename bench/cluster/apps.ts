// The Deployment the cluster benchmarks create per worker: 29 nginx replicas, optionally with a
// readiness (HTTP) and a liveness (TCP) probe on every pod.
export const appDeployment = (i: number, probes: boolean) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: app-${i} }
spec:
  replicas: 29
  selector: { matchLabels: { app: app-${i} } }
  template:
    metadata: { labels: { app: app-${i} } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
${probes ? '          readinessProbe: { httpGet: { path: /, port: 80 } }\n          livenessProbe: { tcpSocket: { port: 80 } }\n' : ''}`;
