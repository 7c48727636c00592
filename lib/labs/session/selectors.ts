import type { LabSessionShown, LabSessionState } from './context';

/**
 * Named selectors: each component reads exactly the values it shows. They read only what a
 * worker posts, so they take the session's own snapshot as well as the page's copy of it.
 */
type State = { context: LabSessionShown; matches(state: LabSessionState): boolean };

export const selectScenario = (s: State) => s.context.scenario;
export const selectIsPlaying = (s: State) => s.matches('playing');
export const selectIsJumping = (s: State) => s.matches('jumping');
export const selectSpeed = (s: State) => s.context.speed;
export const selectClockText = (s: State) => s.context.view.time.text;
export const selectClockMs = (s: State) => s.context.view.time.ms;
/** The events array keeps its identity while no event is recorded (see eventViews in lib/cluster/view). */
export const selectEvents = (s: State) => s.context.view.events;
export const selectDiagram = (s: State) => s.context.diagram;
export const selectChecks = (s: State) => s.context.checks;
export const selectPassedCount = (s: State) => s.context.checks.filter((c) => c.passed).length;
export const selectCompleted = (s: State) => s.context.completed;
export const selectTimeline = (s: State) => s.context.timeline;
export const selectFutureTimeline = (s: State) => s.context.futureTimeline;
export const selectHasOtherBranch = (s: State) => s.context.left !== null;
export const selectTerminal = (s: State) => s.context.terminal;
export const selectHintsShown = (s: State) => s.context.hintsShown;
export const selectSolutionShown = (s: State) => s.context.solutionShown;
export const selectAnnouncement = (s: State) => s.context.announcement;
export const selectSetupFailed = (s: State) => s.context.setupFailed;
/** A jump long enough to show its progress: how long it is, and how much of it has passed (0 when there is none). */
export const selectJumpTotalMs = (s: State) => s.context.jump?.totalMs ?? 0;
export const selectJumpDoneMs = (s: State) => (s.context.jump ? s.context.jump.totalMs - s.context.jump.remainingMs : 0);
