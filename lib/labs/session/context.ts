import type { Cluster, ClusterSnapshot, ClusterView } from '@/lib/cluster';
import type { CheckResult, TranscriptEntry } from '../checks';
import type { LabCompletions } from '../completions';
import type { DiagramModel } from '../diagram/model';
import type { LabSpeed } from '../policy';
import type { LabScenario } from '../schema';
import type { TimelineEntry } from '../timeline';
import type { LabWorld } from '../world';
import type { LabEvent } from '../log/events';
import type { Jump } from './clock';
import type { EventWhy } from '../why';

export interface TerminalBlock {
  id: number;
  kind: 'command' | 'stdout' | 'stderr' | 'note';
  text: string;
  /** Under a table of events (`kubectl get events`, `describe`): why each listed reason happened. */
  whys?: EventWhy[];
}

/**
 * A restore point: the session as it was after `index` events of its log. Rewinding restores the
 * nearest one before the target and replays the events in between, so memory stays bounded
 * (a dozen cluster snapshots, not one per timeline entry).
 */
export interface Checkpoint {
  index: number;
  /** Simulated ms. */
  at: number;
  cluster: ClusterSnapshot;
  context: Omit<LabSessionContext, 'checkpoints'>;
}

export interface LabTranscriptEntry extends TranscriptEntry {
  /** The timeline entry the command created: a rewind before it forgets the command. */
  entryId: number;
}

export interface LabSessionInput {
  scenario: LabScenario;
  world: LabWorld;
  completions: LabCompletions;
  /** A saved or shared log to replay before the reader takes over. */
  resume?: LabResume;
}

/** What a reload or a link brings back: the events, the clock after them, and what was revealed. */
export interface LabResume {
  events: LabEvent[];
  now: number;
  hintsShown?: number;
  solutionShown?: boolean;
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
  /** Entries name the length of the log right after them: where a rewind to them lands. */
  timeline: TimelineEntry<number>[];
  /** What the reader did, in order: the session is a function of it (see lib/labs/log). */
  log: LabEvent[];
  /** Events undone by a rewind, in order: redo replays them. */
  future: LabEvent[];
  /** The timeline entries those events made, shown after the current one. */
  futureTimeline: TimelineEntry<number>[];
  /** The whole log of the branch left behind when the reader did something new after a rewind. */
  left: LabEvent[] | null;
  checkpoints: Checkpoint[];
  /** Ids for timeline entries and terminal blocks, never reused. */
  nextId: number;
  /** Ids for the notes a rewind, redo or reset prints (negative, counting down): not part of any replay. */
  noteId: number;
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
  /** `draw: false` skips the diagram: a worker runs many frames per slice and draws once (DRAW) after them. */
  | { type: 'FRAME'; elapsedMs: number; draw?: boolean }
  | { type: 'DRAW' }
  /** Stops a jump (a long `sim advance`) where the clock is now; Ctrl+C and the Cancel button send it. */
  | { type: 'CANCEL_JUMP' }
  | { type: 'RUN'; command: string }
  | { type: 'TOGGLE_NODE'; node: string }
  | { type: 'TOGGLE_ETCD_MEMBER'; member: string }
  | { type: 'REWIND'; entryId: number }
  | { type: 'REDO'; entryId: number }
  | { type: 'SWITCH_BRANCH' }
  | { type: 'RESET' }
  | { type: 'SHOW_HINT' }
  | { type: 'SHOW_SOLUTION' }
  | { type: 'CLEAR_TERMINAL' };

/** The states a session is in, as the panel asks about them. */
export type LabSessionState = 'paused' | 'playing' | 'jumping';

/** The context without what only the cluster's owner holds: what a worker posts to the page. */
export type LabSessionShown = Omit<LabSessionContext, 'cluster' | 'completions' | 'checkpoints'>;

/** What the panel reads: the state and the shown context, plus the clock as the cluster has it. */
export interface LabSessionSnapshot {
  value: LabSessionState;
  context: LabSessionShown & { now: number };
  matches(state: LabSessionState): boolean;
}
