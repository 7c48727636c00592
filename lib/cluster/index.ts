// The mini-cluster's public API. UI code, labs and quizzes import only from here.
export { createCluster } from './cluster';
export type { Cluster, CreateClusterOptions, ScriptStep } from './cluster';
export type { CommandResult } from './kubectl/result';
export type { ClusterSnapshot } from './snapshot';
export type {
  ClusterView,
  EventView,
  NodeView,
  PdbView,
  PodView,
  ServiceView,
  WorkloadView,
} from './view';
export { defaults } from './engine/config';
export { parseDuration, formatGoDuration, humanDuration } from './util/duration';
