/**
 * What the quiz engine needs from the mini-cluster, and nothing more. The real model
 * (lib/cluster) is adapted to this in ./realCluster.ts; tests use a small fake. Keeping the
 * surface this narrow means the quiz never reaches inside the model.
 */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ViewTaint {
  key: string;
  value?: string;
  effect: string;
}

export interface ViewNode {
  name: string;
  /** The STATUS word of `kubectl get nodes`: Ready, NotReady, Ready,SchedulingDisabled... */
  status: string;
  schedulable: boolean;
  taints: ViewTaint[];
  labels: Record<string, string>;
}

export interface ViewPod {
  name: string;
  namespace: string;
  /** The STATUS word of `kubectl get pods`: Running, Pending, Terminating, ContainerCreating... */
  status: string;
  node?: string;
}

export interface ViewDeployment {
  name: string;
  namespace: string;
  replicas: number;
  ready: number;
  available: number;
}

/** The state questions are graded on: a plain JSON summary of the cluster. */
export interface ClusterView {
  nodes: ViewNode[];
  pods: ViewPod[];
  deployments: ViewDeployment[];
}

export interface QuizCluster {
  exec(line: string): ExecResult | Promise<ExecResult>;
  view(): ClusterView | Promise<ClusterView>;
}

export interface ClusterOptions {
  /** Fixes every random choice inside the cluster (names, timings, ties). */
  seed: number;
  /** Manifests for `kubectl apply -f PATH`, keyed by path. */
  files: Record<string, string>;
}

/** Makes a fresh cluster. */
export type ClusterFactory = (options: ClusterOptions) => Promise<QuizCluster>;
