// Every timing and threshold of the simulation, with the real Kubernetes default it mirrors.
// One frozen table so chapters, quizzes and tests quote the same numbers.
export const defaults = Object.freeze({
  kubernetesVersion: 'v1.32.0',
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
  /** Runtime timings ("a few seconds each"), jittered by the seeded RNG. */
  imagePullMs: { min: 2_000, max: 5_000 },
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
});
