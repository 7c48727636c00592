// What the simulator and the API server refuse past, as data: Kubernetes' own object limits
// (the API server's and etcd's) and the simulator's, which keep every command to about a second
// of work at the lab's default size. Messages quoting them live in errors.ts.
export const limits = Object.freeze({
  /** apimachinery ValidateAnnotationsSize: TotalAnnotationSizeLimitB, keys plus values. */
  totalAnnotationSizeBytes: 256 * 1024,
  /** kube-apiserver --max-request-body-bytes default (3 MiB): larger bodies get 413. */
  maxRequestBodyBytes: 3 * 1024 * 1024,
  /** etcd --max-request-bytes default (1.5 MiB): a larger object is refused by etcd. */
  etcdMaxRequestBytes: 1.5 * 1024 * 1024,
  /**
   * The simulator keeps at most this many pods, or maxPodsPerNode for every node in larger
   * clusters: a thousand-node bench fits, a typo like --replicas=100000 does not.
   */
  minClusterPods: 5_000,
  /** The longest `sim advance`, and the longest a blocking kubectl command waits (drain --timeout). */
  maxAdvanceMs: 24 * 60 * 60_000,
  /** The most requests one `sim curl --count N` sends (each is a routing decision and a line). */
  maxCurlRequests: 1_000,
  /**
   * How long a kubectl command that would wait indefinitely (delete --wait, drain --timeout=0)
   * waits in simulated time before the simulator interrupts it, as a learner would with Ctrl+C:
   * this, or the longest grace period involved plus a minute, whichever is longer.
   */
  kubectlWaitHorizonMs: 5 * 60_000,
  /** The most lines one `kubectl get --watch` prints before the simulator stops it, as a learner would. */
  maxWatchLines: 2_000,
});
