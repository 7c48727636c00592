// Builders shared by the lab tests: scenarios from content/labs, and a driver that runs a
// solution the way the panel would (commands through the session, time in frames).
import path from 'node:path';
import { createActor } from 'xstate';
import { fromCallback } from 'xstate';
import { loadLabFile } from '@/lib/labs/load';
import { memoryCompletions, type LabCompletions } from '@/lib/labs/completions';
import type { LabScenario } from '@/lib/labs/schema';
import { labSessionMachine } from '@/lib/labs/session/session.machine';
import { scriptLines } from '@/lib/labs/lines';
import { createLabWorld } from '@/lib/labs/world';

export const labsDir = path.join(process.cwd(), 'content/labs');

export async function scenario(id: string): Promise<LabScenario> {
  const result = await loadLabFile(path.join(labsDir, `${id}.yaml`));
  if ('problems' in result) throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  return result.lab;
}

/** The session machine with frames that only come when a test sends them. */
export const testMachine = labSessionMachine.provide({ actors: { frames: fromCallback(() => () => {}) } });

export function startSession(lab: LabScenario, completions: LabCompletions = memoryCompletions()) {
  const actor = createActor(testMachine, { input: { scenario: lab, world: createLabWorld(lab), completions } });
  actor.start();
  return actor;
}

export type Session = ReturnType<typeof startSession>;

/** Sends 60 frames per second of real time until no jump is left (or the limit). */
export function settleJump(actor: Session, limitFrames = 10_000): number {
  let frames = 0;
  while (actor.getSnapshot().matches('jumping') && frames < limitFrames) {
    actor.send({ type: 'FRAME', elapsedMs: 1000 / 60 });
    frames++;
  }
  return frames;
}

/** Runs every line of the scenario's solution through the session, letting jumps play out. */
export function runSolution(actor: Session, lab: LabScenario): void {
  for (const line of scriptLines(lab.solution)) {
    actor.send({ type: 'RUN', command: line });
    settleJump(actor);
  }
}

export const failing = (actor: Session) => actor.getSnapshot().context.checks.filter((c) => !c.passed);

export { createLabWorld };
