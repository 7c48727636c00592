// The entry for the lab session on the page's own thread: the fallback where no worker runs
// (jsdom, or a worker script that could not load). The page imports it on demand, so its bundle
// leaves the cluster, its YAML parser and the session machine to the worker.
import { createActor } from 'xstate';
import type { LabCompletions } from './completions';
import type { LabScenario } from './schema';
import { createLabWorld } from './world';
import type { LabResume } from './session/context';
import { type LabSessionRef, localLabSession } from './session/remote';
import { labSessionMachine } from './session/session.machine';

export function startLocalSession(input: { scenario: LabScenario; completions: LabCompletions; resume?: LabResume }): LabSessionRef {
  const { scenario, completions, resume } = input;
  const actor = createActor(labSessionMachine, { input: { scenario, world: createLabWorld(scenario), completions, resume } });
  actor.start();
  return localLabSession(actor);
}
