// Every timing and threshold of the simulation, with the real Kubernetes default it mirrors.
// One frozen table so chapters, quizzes and tests quote the same numbers.
export const defaults = Object.freeze({
  kubernetesVersion: 'v1.32.0',
  /** What every node runs and reports in status.nodeInfo (get nodes -o wide, uname, crictl version). */
  nodeSystem: Object.freeze({ osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-51-generic', containerdVersion: '2.0.2' }),
  /** #1 kubelet computes node status every nodeStatusUpdateFrequency. */
  nodeStatusUpdateFrequencyMs: 10_000,
  /** #2 ...and posts it when it changed, or at least every nodeStatusReportFrequency. */
  nodeStatusReportFrequencyMs: 5 * 60_000,
  /** #3 Node Lease duration. */
  leaseDurationSeconds: 40,
  /** #4 renewed every 0.25 x duration; failures retry with backoff 200ms..7s. */
  leaseRenewIntervalMs: 10_000,
  leaseRetryBackoffMinMs: 200,
  leaseRetryBackoffMaxMs: 7_000,
  /** #5 node lifecycle controller period. */
  nodeMonitorPeriodMs: 5_000,
  /** #6 grace period since v1.32. */
  nodeMonitorGracePeriodMs: 50_000,
  /** #8 the NoExecute tainter runs every 100ms, rate-limited to evictionLimiterQPS. */
  noExecuteTaintingPassMs: 100,
  evictionRateQps: 0.1,
  /** #10 zone disruption thresholds. */
  secondaryEvictionRateQps: 0.01,
  unhealthyZoneThreshold: 0.55,
  largeClusterSizeThreshold: 50,
  /** #12 DefaultTolerationSeconds admission plugin. */
  defaultTolerationSeconds: 300,
  /** #21 PodGC period and the quarantine for pods on deleted nodes. */
  podGCPeriodMs: 20_000,
  podGCOrphanQuarantineMs: 40_000,
  terminationGracePeriodSeconds: 30,
  /** #35 SetDefaults_Probe. */
  probe: Object.freeze({ initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }),
  /** #38 the kubelet's container restart back-off (containerBackOffPeriod, MaxContainerBackOff). */
  containerBackoff: Object.freeze({ initialMs: 10_000, maxMs: 300_000 }),
  /** #38 a pod whose sync failed (back-off) is re-synced after workerBackOffPeriod with jitter 0.5: 10-15s. */
  podWorkerBackoffMs: Object.freeze({ min: 10_000, max: 15_000 }),
  /** #41 an app over its memory limit runs this long before the OOM killer fires (it is still allocating). */
  oomAfterStartMs: Object.freeze({ min: 500, max: 2_000 }),
  /** Runtime timings ("a few seconds each"), jittered by the seeded RNG. */
  /** An image pull: resolving the reference (all a failed pull costs), then the layers at this speed. */
  imageResolveMs: { min: 400, max: 1_200 },
  imagePullBytesPerMs: { min: 25_000, max: 40_000 },
  /** A pull whose layers are all on the node already (policy Always, image cached) only checks the manifest. */
  imageUpToDateMs: { min: 150, max: 600 },
  /** #45 the kubelet's image pull back-off (imageBackOffPeriod, MaxImageBackOff). */
  imagePullBackoff: { initialMs: 10_000, maxMs: 300_000 },
  /** #45 a pod whose sync failed is re-synced after workerBackOffPeriod 10s with 0.5 jitter. */
  podWorkerErrorResyncMs: { min: 10_000, max: 15_000 },
  containerStartMs: { min: 1_000, max: 2_500 },
  containerStopMs: { min: 300, max: 1_500 },
  nodeBootMs: 5_000,
  kubeletStartupMs: 1_000,
  /** kubectl drain retries a refused eviction every 5s (its --timeout defaults to 0: no limit). */
  drainRetryIntervalMs: 5_000,
  /** kube-scheduler's defaults for pods without requests (used for scoring only). */
  defaultScoringCpuMilli: 100,
  defaultScoringMemoryBytes: 200 * 1024 * 1024,
  maxPodsPerNode: 110,
  /** kubeadm: eviction-hard memory.available<100Mi is subtracted from allocatable memory. */
  evictionHardMemoryBytes: 100 * 1024 * 1024,
  eventTtlMs: 60 * 60_000,
  /**
   * The simulator also keeps at most this many events (the most recently updated ones): the API
   * server would keep every event for its hour, but a thousand-node cluster makes hundreds of
   * thousands, and a learner reads the last few.
   */
  maxEvents: 10_000,
  workers: 3,
  cpu: '4',
  memory: '8Gi',
  etcdMembers: 1 as 1 | 3 | 5,
  seed: 1 as number | string,
  /** #33 kube-proxy's --iptables-min-sync-period: rules are rewritten at most once a second. */
  kubeProxyMinSyncPeriodMs: 1_000,
  /** #30 the EndpointSlice controller's --max-endpoints-per-slice. */
  maxEndpointsPerSlice: 100,
  /** #32 the API server's --service-node-port-range. */
  nodePortRange: Object.freeze({ min: 30_000, max: 32_767 }),
});
