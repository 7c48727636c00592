/**
 * Every message the labs show to authors (build problems, as `path:line: message`) and to readers,
 * defined once; tests import these instead of repeating strings.
 */
export const labErrors = {
  // Authoring problems.
  unknownScenario: (id: string) => `unknown lab scenario <ClusterLab scenario="${id}"> (add content/labs/${id}.yaml)`,
  scenarioWithoutId: '<ClusterLab> needs a scenario attribute, e.g. <ClusterLab scenario="node-failure" />',
  unknownPlaceholder: (name: string, known: readonly string[]) =>
    `unknown placeholder {${name}} in a check message; this check offers: ${known.map((k) => `{${k}}`).join(', ')}`,
  setupFailed: (line: string, output: string) => `setup command "${line}" failed: ${output}`,
  unknownNode: (name: string, known: readonly string[]) => `no node named "${name}" after setup (nodes: ${known.join(', ')})`,
  noCondition: 'a check needs at least one condition besides its label and failure message',
  badCount: 'must be a whole number or a comparison such as ">= 3", "< 2" or "!= 0"',
  badOwner: 'must be kind/name (deployment/web, statefulset/db, daemonset/agent, replicaset/web-5d8f) or "none"',
  badTaint: 'must look like key:Effect or key=value:Effect',
  badFileName: 'file names are plain names such as web.yaml',
  passesAtStart: (label: string) =>
    `check "${label}" already passes before the reader does anything (mark it initially: true if that is the point)`,
  solutionFails: (seed: string, reasons: readonly string[]) =>
    `the solution does not reach the goal with seed ${seed}: ${reasons.join('; ')} (steer placement in the setup, e.g. with cordon, instead of relying on the seed)`,

  afterItself: (index: number) => `after: ${index} must name an earlier check (checks count from 0)`,

  // Reader-facing messages.
  notYet: (label: string) => `waiting for "${label}" first`,
  setupBroken: 'This lab could not start: its setup failed. Please report it.',
  rewound: (time: string) => `rewound to ${time}`,
  redone: (time: string) => `forward again to ${time}`,
  switchedBranch: 'back on the branch you left',
  reset: 'lab reset to its starting point',
  advancing: (duration: string) => `advancing the clock by ${duration}...`,
  advanced: (duration: string, now: string) => `advanced ${duration}; now ${now}`,
  stopped: (total: string, now: string) => `^C: stopped before the ${total} had passed; now ${now}`,
  advancingProgress: (done: string, total: string) => `Advancing the clock: ${done} of ${total}`,
  workerFailed: 'The lab stopped working in the background. Reload the page to start it again.',
  noReinit: 'error: sim init is not available in a lab; press Reset to start the lab again',
} as const;
