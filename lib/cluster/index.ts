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
// The help tables, which the terminal's tab completion reads its commands and flags from.
export { commandHelpByName as kubectlCommandHelp } from './kubectl/help/commands';
export type { CommandHelp, OptionHelp } from './kubectl/help/commands';
export { simCommandHelp } from './sim/help';
