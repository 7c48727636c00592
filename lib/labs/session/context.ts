import type { Cluster, ClusterSnapshot, ClusterView } from '@/lib/cluster';
import type { CheckResult, TranscriptEntry } from '../checks';
import type { LabCompletions } from '../completions';
import type { DiagramModel } from '../diagram/model';
import type { LabSpeed } from '../policy';
import type { LabScenario } from '../schema';
import type { TimelineEntry } from '../timeline';
import type { LabWorld } from '../world';
import type { Jump } from './clock';

export interface TerminalBlock {
  id: number;
  kind: 'command' | 'stdout' | 'stderr' | 'note';
  text: string;
}

/** Where a rewind lands: the cluster, and which checks had passed by then. */
export interface RestorePoint {
  cluster: ClusterSnapshot;
  reached: number[];
}

export interface LabTranscriptEntry extends TranscriptEntry {
  /** The timeline entry the command created: a rewind before it forgets the command. */
  entryId: number;
}

export interface LabSessionInput {
  scenario: LabScenario;
  world: LabWorld;
  completions: LabCompletions;
}

export interface LabSessionContext {
  scenario: LabScenario;
  cluster: Cluster;
  completions: LabCompletions;
  setupFailed: boolean;
  view: ClusterView;
  diagram: DiagramModel;
  checks: CheckResult[];
  /** Checks (by index) that have passed at some moment so far: what `after` gates read. */
  reached: number[];
  transcript: LabTranscriptEntry[];
  timeline: TimelineEntry<RestorePoint>[];
  /** Ids for timeline entries and terminal blocks, never reused. */
  nextId: number;
  terminal: TerminalBlock[];
  speed: LabSpeed;
  jump: Jump | null;
  /** Simulated ms the current frame moves the clock (set just before the cluster advances). */
  frameMs: number;
  hintsShown: number;
  solutionShown: boolean;
  /** Finished now or on an earlier visit (saved with the reader's progress). */
  completed: boolean;
  /** Became complete in the last change: time to save it. */
  justCompleted: boolean;
  announcement: string;
}

export type LabSessionEvent =
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'SET_SPEED'; speed: LabSpeed }
  | { type: 'JUMP'; duration: string }
  | { type: 'FRAME'; elapsedMs: number }
  | { type: 'RUN'; command: string }
  | { type: 'TOGGLE_NODE'; node: string }
  | { type: 'TOGGLE_ETCD_MEMBER'; member: string }
  | { type: 'REWIND'; entryId: number }
  | { type: 'RESET' }
  | { type: 'SHOW_HINT' }
  | { type: 'SHOW_SOLUTION' }
  | { type: 'CLEAR_TERMINAL' };
