import { getSite, type Chapter } from '@/lib/content';

/**
 * Every fact of the seed notes (../shared/seeds) and where the course teaches it. Each row names
 * the section and words that must stay in it, so a rewrite that drops a fact fails here.
 */
const facts: [fact: string, where: string, mustSay: RegExp[]][] = [
  ['Docker is the most popular container tool', 'containers-and-images#', [/Docker/, /most people|most popular|most widely/i]],
  [
    'containers solve dependency and compatibility conflicts',
    'containers-and-images#dependency-and-compatibility-conflicts',
    [/librar/i, /version/i],
  ],
  ['containers shorten long set-up time', 'containers-and-images#long-set-up-time', [/set-?up|install/i]],
  [
    'dev, test and prod environments drift apart',
    'containers-and-images#drift-between-development-test-and-production',
    [/production/i, /test/i],
  ],
  [
    'a container is an isolated environment with its own processes, network and mounts',
    'containers-and-images#what-a-container-is',
    [/isolated/i, /process/i, /network/i],
  ],
  ['containers existed before Docker (LXC)', 'containers-and-images#what-a-container-is', [/LXC/, /2008/]],
  ['Docker no longer uses LXC (what changed)', 'containers-and-images#what-a-container-is', [/libcontainer/, /0\.9/, /runc/]],
  [
    'containers share the host kernel; any distribution on the same kernel',
    'containers-and-images#one-kernel-many-distributions',
    [/kernel/i, /Debian/, /Fedora/],
  ],
  ['no Windows container on a Linux kernel', 'containers-and-images#no-windows-containers-on-a-linux-kernel', [/Windows/, /Linux host/i]],
  ['VMs isolate more; containers share more', 'containers-and-images#isolation-trade-offs', [/kernel/i, /hypervisor/i, /escape/i]],
  ['container images are much smaller than VM images', 'containers-and-images#size-and-start-up-time', [/smaller|megabytes|MB/i]],
  [
    'an image is a template; a container is a running instance of it',
    'containers-and-images#images-and-containers',
    [/template/i, /instance/i],
  ],
  ['the Dockerfile puts set-up in developers hands', 'containers-and-images#writing-a-dockerfile', [/Dockerfile/, /FROM/]],
  [
    'the Docker workflow: build, push, pull, run',
    'containers-and-images#the-docker-workflow-build-push-pull-run',
    [/build/i, /push/i, /pull/i, /run/i],
  ],
  ['registries store and share images', 'containers-and-images#registries', [/registr/i, /share|sharing/i]],
  ['an OS is a kernel plus software', 'operating-system#what-an-operating-system-is', [/kernel/i]],
  ['the kernel manages CPU, memory, file systems and I/O', 'operating-system#the-kernel', [/CPU/, /memory/i, /file system/i]],
  ['the shell interprets commands between user and kernel', 'operating-system#the-shell', [/interpret|reads/i, /command/i]],
  ['user to shell to kernel to hardware', 'operating-system#from-user-to-hardware', [/shell/i, /kernel/i, /hardware/i]],
  ['namespaces give isolation: a process sees only its namespace', 'namespaces#what-a-namespace-is', [/namespace/i, /see|sees|view/i]],
  [
    'a process belongs to one namespace of each kind',
    'namespaces#what-a-namespace-is',
    [/one namespace of (each|every) kind|one of each kind/i],
  ],
  [
    'the namespace kinds mnt, pid, net, ipc, uts, user (plus cgroup and time)',
    'namespaces#the-eight-namespace-kinds',
    [/mnt/, /pid/, /net/, /ipc/, /uts/, /user/, /cgroup/, /time/],
  ],
  ['UTS decides the hostname and domain name a process sees', 'namespaces#the-uts-namespace', [/hostname/i, /domain/i]],
  ['each container has its own network namespace and interfaces', 'namespaces#the-net-namespace', [/interface/i]],
  ['cgroups limit the resources of a group of processes', 'namespaces#control-groups', [/limit/i, /process/i]],
  [
    'cgroups can limit CPU, memory, I/O and PIDs (not bandwidth)',
    'namespaces#what-cgroups-can-limit',
    [/cpu/i, /memory/i, /pids/i, /bandwidth/i],
  ],
  ['cgroups v1 vs v2', 'namespaces#cgroups-v1-and-v2', [/v1/, /v2/, /unified|single/i]],
  ['Docker uses namespaces and cgroups', 'namespaces#a-container-is-namespaces-plus-cgroups', [/namespace/i, /cgroup/i]],
  ['memory limits end in OOM kills, CPU limits in throttling', 'resource-limits#throttling-versus-oom-kills', [/throttl/i, /OOM/]],
  ['LXC, LXD and LXCFS', 'runtime-history#lxc-lxd-and-lxcfs', [/LXC/, /LXD/, /LXCFS/]],
  ['Docker made low-level containers easy', 'runtime-history#what-docker-added', [/image/i]],
  ['rkt was an alternative runtime and was archived', 'runtime-history#rkt-and-its-end', [/rkt/, /archiv/i]],
  ['the OCI image spec', 'oci-and-cri#the-image-spec', [/image/i, /layer|manifest/i]],
  ['the OCI runtime spec', 'oci-and-cri#the-runtime-spec', [/bundle|config\.json/i]],
  [
    'the CRI lets the kubelet talk to any runtime',
    'container-runtime-interface#the-container-runtime-interface',
    [/kubelet/i, /gRPC|interface/i],
  ],
  ['containerd and CRI-O implement the CRI', 'container-runtime-interface#containerd-and-cri-o', [/containerd/, /CRI-O/]],
  ['dockershim existed and was removed in 1.24', 'container-runtime-interface#the-dockershim-story', [/dockershim/i, /1\.24/]],
  ['ctr is for low-level debugging', 'runtime-clis#ctr-for-low-level-debugging', [/ctr/, /debug/i]],
  ['nerdctl is a Docker-compatible CLI for containerd', 'runtime-clis#nerdctl-for-docker-style-work', [/nerdctl/, /Docker/]],
  ['crictl inspects any CRI runtime', 'runtime-clis#crictl-on-kubernetes-nodes', [/crictl/, /CRI/]],
  ['monoliths are split into microservices', 'microservices#splitting-into-microservices', [/microservice/i]],
  ['microservices deploy and scale independently', 'microservices#deploying-and-scaling-each-part-on-its-own', [/scal/i, /releas|deploy/i]],
  ['microservices expose REST APIs', 'microservices#talking-through-rest-apis', [/REST/, /API/]],
  ['microservices: many moving parts', 'microservices#many-components-many-moving-parts', [/services/i, /replica/i]],
  ['microservices: difficult inter-communication', 'microservices#difficult-inter-communication', [/network|call/i]],
  [
    'microservices: hard to use resources well',
    'microservices#difficult-to-achieve-high-resource-utilisation',
    [/headroom|percent CPU/i, /bin-packing/i],
  ],
  ['microservices: manual management does not scale', 'microservices#manual-management-doesnt-scale', [/manual|by hand/i]],
  [
    'orchestration is automatic deployment and management of containers',
    'orchestrators#what-container-orchestration-means',
    [/automat/i, /deploy/i],
  ],
  [
    'an orchestrator schedules, scales, heals and configures',
    'orchestrators#the-jobs-an-orchestrator-takes-over',
    [/schedul/i, /scal/i, /fail|heal/i, /config/i],
  ],
  [
    'Kubernetes: developers deploy often, ops rely on automatic rescheduling, datacenter as one computer',
    'orchestrators#what-kubernetes-promises',
    [/deploy/i, /resched|hardware/i, /single|one (big|giant|computer)/i],
  ],
  ['Docker Swarm: easy but lacks advanced autoscaling', 'choosing-an-orchestrator#docker-swarm', [/one command/i, /autoscal/i]],
  ['Apache Mesos: hard to set up, advanced, now retired', 'choosing-an-orchestrator#apache-mesos', [/Mesos/, /retired|Attic/i]],
  [
    'Kubernetes is the most popular and runs on every public cloud',
    'choosing-an-orchestrator#kubernetes-in-the-cloud',
    [/GKE|Google/, /AKS|Azure/, /EKS|AWS|Amazon/],
  ],
  ['minikube for learning', 'choosing-an-orchestrator#learning-with-minikube', [/minikube/]],
  ['a node is a physical or virtual machine running Kubernetes', 'nodes-and-clusters#what-a-node-is', [/physical/i, /virtual/i]],
  ['a cluster is a set of nodes', 'nodes-and-clusters#what-a-cluster-is', [/set of nodes|group of nodes|nodes/i]],
  ['several nodes keep the app available and share load', 'nodes-and-clusters#why-more-than-one-node', [/fail/i, /load/i]],
  ['master and minion are old names', 'nodes-and-clusters#master-and-minion-the-old-names', [/master/i, /minion/i, /control plane/i]],
  [
    'which components run on control plane and workers',
    'nodes-and-clusters#which-components-run-where',
    [/kube-apiserver|API server/i, /etcd/, /kubelet/, /kube-proxy/],
  ],
  ['the API server is the front end everyone talks to', 'control-plane#kube-apiserver-the-front-door', [/kubectl|users|clients/i]],
  ['etcd is a distributed reliable key-value store of all cluster data', 'control-plane#etcd-the-clusters-memory', [/key-value/i]],
  ['etcd quorum', 'control-plane#raft-and-quorum', [/quorum/i, /majority|n\/2|floor/i]],
  [
    'how conflicts between control-plane instances are prevented (not etcd locks)',
    'control-plane#how-conflicts-are-prevented',
    [/resourceVersion/, /leader/i, /lock/i],
  ],
  ['the scheduler assigns new pods to nodes (filter and score)', 'control-plane#kube-scheduler-choosing-a-node', [/filter/i, /scor/i]],
  ['controllers notice failures and respond', 'control-plane#kube-controller-manager-reconcile-loops', [/node/i, /replica/i]],
  ['the kubelet is the agent on each node that keeps containers running', 'worker-nodes#the-kubelet', [/agent/i, /node/i]],
  [
    'the container runtime runs containers (Docker once, containerd or CRI-O now)',
    'worker-nodes#the-container-runtime',
    [/containerd/, /CRI-O/, /Docker/],
  ],
  ['kube-proxy load-balances traffic to pods', 'worker-nodes#kube-proxy', [/kube-proxy/, /Service/]],
  ['kubectl run', 'kubectl-basics#kubectl-run-a-single-pod', [/kubectl run/, /--image/]],
  ['kubectl cluster-info', 'kubectl-basics#where-is-the-control-plane', [/cluster-info/, /Kubernetes control plane is running at/]],
  ['kubectl get nodes', 'kubectl-basics#looking-at-nodes', [/kubectl get nodes/, /STATUS/]],
  ['running an app: six steps', 'running-an-app#the-six-steps-at-a-glance', [/registry/i, /API server/i, /scheduler/i, /kubelet/i]],
  ['node heartbeats: Lease every 10s', 'node-failure#heartbeats-how-a-node-says-it-is-alive', [/Lease/, /10 ?s|10 seconds/]],
  [
    'the grace period is 50s since v1.32 (40s before)',
    'node-failure#the-node-lifecycle-controller-notices-the-silence',
    [/50/, /40/, /1\.32/],
  ],
  ['pods tolerate unreachable for 300s by default', 'node-failure#why-pods-wait-five-minutes', [/300/, /tolerat/i]],
  ['bare pods are not recreated', 'node-failure#bare-pods', [/not|nothing|never/i]],
  ['DaemonSet pods stay', 'node-failure#daemonset-pods', [/toleration|tolerate/i]],
  ['StatefulSet pods stay Terminating', 'node-failure#statefulset-pods', [/Terminating/]],
  ['cordon and drain', 'maintenance#drain-cordon-then-evict', [/cordon/i, /evict/i]],
  ['PodDisruptionBudgets', 'maintenance#poddisruptionbudgets', [/minAvailable|maxUnavailable/]],
  [
    'control plane spread over several nodes for high availability',
    'control-plane-failures#highly-available-control-planes',
    [/load balancer/i, /leader/i],
  ],
  ['losing etcd quorum stops changes but not running pods', 'control-plane-failures#etcd-and-its-quorum', [/quorum/i]],
];

/**
 * What the course teaches beyond the notes (issue 19): the topics a learner meets next, each tied
 * to the section that teaches it and the facts that section must keep.
 */
const concepts: [concept: string, where: string, mustSay: RegExp[]][] = [
  ['Linux, containerd and Kubernetes namespaces side by side', 'three-namespaces#side-by-side', [/kernel/i, /k8s\.io/, /API server/]],
  [
    'namespaced vs cluster-scoped objects',
    'three-namespaces#namespaced-and-cluster-scoped-objects',
    [/cluster-scoped/i, /api-resources --namespaced=false/],
  ],
  ['kube-system and kube-node-lease', 'three-namespaces#the-system-namespaces', [/kube-system/, /kube-node-lease/, /Lease/]],
  ['ResourceQuota', 'three-namespaces#resourcequota-a-budget-per-namespace', [/ResourceQuota/, /exceeded quota/, /admission/i]],
  [
    'the flat pod network and the CNI',
    'services-and-kube-proxy#the-pod-network',
    [/own IP/i, /without network address translation|without NAT/i, /CNI/],
  ],
  [
    'ClusterIP, NodePort, LoadBalancer and headless Services',
    'services-and-kube-proxy#four-kinds-of-service',
    [/ClusterIP/, /NodePort/, /30000-32767/, /LoadBalancer/, /clusterIP: None/],
  ],
  [
    'EndpointSlices and their conditions',
    'services-and-kube-proxy#endpointslices-who-is-behind-the-service',
    [/EndpointSlice/, /ready/, /terminating/],
  ],
  [
    'iptables and nftables rules, ipvs deprecated',
    'services-and-kube-proxy#kube-proxy-turns-slices-into-rules',
    [/KUBE-SVC-/, /--probability/, /numgen random/, /ipvs/i],
  ],
  [
    'traffic times out until the pod leaves the endpoints, about 50 s in, long before eviction',
    'services-and-kube-proxy#traffic-during-a-node-failure',
    [/50 s/, /timeout/i, /evict/i],
  ],
  ['set image and rollout status', 'rolling-updates#starting-and-watching-a-rollout', [/kubectl set image/, /kubectl rollout status/]],
  [
    'maxSurge and maxUnavailable default to 25%',
    'rolling-updates#maxsurge-and-maxunavailable',
    [/maxSurge/, /maxUnavailable/, /25%/, /round/i],
  ],
  ['Recreate', 'rolling-updates#recreate', [/Recreate/]],
  ['rollout history and undo', 'rolling-updates#history-and-undo', [/rollout history/, /rollout undo/, /revisionHistoryLimit/]],
  [
    'a rollout stuck on a bad image',
    'rolling-updates#a-rollout-stuck-on-a-bad-image',
    [/ImagePullBackOff/, /ErrImagePull/, /ProgressDeadlineExceeded/],
  ],
  ['liveness, readiness and startup probes', 'probes-and-termination#three-probes', [/livenessProbe/, /readinessProbe/, /startupProbe/]],
  [
    'CrashLoopBackOff: 10 s doubling to 5 minutes, reset after 10 minutes',
    'probes-and-termination#restarts-and-crashloopbackoff',
    [/CrashLoopBackOff/, /10 seconds/, /300 seconds/, /10 minutes/],
  ],
  [
    'OOMKilled is the cgroup memory limit',
    'probes-and-termination#oomkilled-the-memory-limit-at-work',
    [/OOMKilled/, /memory\.max/, /137/],
  ],
  [
    'termination: preStop, SIGTERM, 30 s grace, SIGKILL',
    'probes-and-termination#how-a-pod-stops',
    [/preStop/, /SIGTERM/, /30 seconds/, /SIGKILL/],
  ],
  ['why PID 1 matters', 'probes-and-termination#why-pid-1-matters', [/PID 1/, /handler/i, /exec form/i]],
  [
    'node selectors and node affinity',
    'placing-pods#choosing-nodes-nodeselector-and-node-affinity',
    [/nodeSelector/, /required/i, /preferred/i],
  ],
  ['pod anti-affinity', 'placing-pods#pod-anti-affinity', [/podAntiAffinity/, /topologyKey/]],
  [
    'topology spread across zones',
    'placing-pods#topology-spread-constraints',
    [/maxSkew/, /topology\.kubernetes\.io\/zone/, /DoNotSchedule/],
  ],
  ['priority and preemption', 'placing-pods#priority-and-preemption', [/PriorityClass/, /preempt/i, /system-node-critical/]],
  [
    'zone disruption counts every node and needs at least 55%',
    'node-failure#when-many-nodes-fail-zone-disruption',
    [/control-plane nodes included/, /exclude-disruption/, /55%/],
  ],
  [
    'on deletion the kubelet stops containers, then the sandbox; removal is garbage collection',
    'container-runtime-interface#what-the-kubelet-asks-for',
    [/StopContainer/, /StopPodSandbox/, /garbage collection/],
  ],
];

function sectionText(chapter: Chapter, id: string): string {
  // An empty id means the introduction before the first heading.
  const start = chapter.sections.findIndex((s) => s.id === (id || null));
  if (start < 0) return '';
  // A section includes its sub-sections (h3 under an h2).
  const depth = chapter.sections[start].depth ?? 2;
  const parts = [chapter.sections[start].text];
  for (const s of chapter.sections.slice(start + 1)) {
    if ((s.depth ?? 2) <= depth) break;
    parts.push(s.text);
  }
  return parts.join(' ');
}

describe('the course teaches every fact of the seed notes', () => {
  it.each(facts)('%s (%s)', async (_fact, where, mustSay) => {
    const [slug, id] = where.split('#');
    const chapter = (await getSite()).chapters.find((c) => c.slug === slug);
    expect(chapter, `chapter ${slug}`).toBeDefined();
    const text = sectionText(chapter!, id);
    expect(text, `section ${where}`).not.toBe('');
    for (const pattern of mustSay) expect(text, `${where} should say ${pattern}`).toMatch(pattern);
  });
});

describe('the course teaches what comes after the notes', () => {
  it.each(concepts)('%s (%s)', async (_concept, where, mustSay) => {
    const [slug, id] = where.split('#');
    const chapter = (await getSite()).chapters.find((c) => c.slug === slug);
    expect(chapter, `chapter ${slug}`).toBeDefined();
    const text = sectionText(chapter!, id);
    expect(text, `section ${where}`).not.toBe('');
    for (const pattern of mustSay) expect(text, `${where} should say ${pattern}`).toMatch(pattern);
  });

  it('gives every part a version line', async () => {
    const site = await getSite();
    expect(site.parts.filter((p) => !p.versions).map((p) => p.id)).toEqual([]);
    for (const part of site.parts) expect(part.versions!.checked, part.id).toMatch(/v1\.(3[7-9]|[4-9]\d)/);
  });
});

describe('the real content', () => {
  it('has chapters in every part and a glossary of at least 50 terms', async () => {
    const site = await getSite();
    expect(site.parts.filter((p) => p.chapters.length === 0).map((p) => p.id)).toEqual([]);
    expect(site.glossary.length).toBeGreaterThanOrEqual(50);
  });

  it('gives the 40-second grace period only as history', async () => {
    const site = await getSite();
    let mentions = 0;
    for (const chapter of site.chapters) {
      const text = chapter.sections.map((s) => s.text).join(' ');
      for (const [sentence] of text.matchAll(/[^.]*grace period[^.]*\b40\b[^.]*\.|[^.]*\b40\b[^.]*grace period[^.]*\./gi)) {
        mentions++;
        expect(sentence, `${chapter.slug}: "${sentence.trim()}"`).toMatch(/before|was|older|still say|used to/i);
      }
    }
    expect(mentions).toBeGreaterThan(0);
  });

  it('calls the old names old: "minion" and "master" appear only where the text explains the rename', async () => {
    const site = await getSite();
    for (const chapter of site.chapters) {
      for (const section of chapter.sections) {
        for (const [sentence] of section.text.matchAll(/[^.]*\bminions?\b[^.]*\./gi)) {
          expect(sentence, `${chapter.slug}#${section.id}: "${sentence.trim()}"`).toMatch(
            /old|earl|former|renam|dropped|no longer|used to|was|were|note|retired|deprecated|alias/i,
          );
        }
      }
    }
  });
});
