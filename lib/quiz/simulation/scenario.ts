import { quizErrors } from '../errors';
import type { ExecResult, QuizCluster } from './port';

/** A scenario line failed: the question itself is broken (tests catch this before readers do). */
export class ScenarioError extends Error {
  constructor(
    readonly line: string,
    readonly result: ExecResult,
  ) {
    super(quizErrors.setupFailed(line, result.stderr.trim() || result.stdout.trim()));
    this.name = 'ScenarioError';
  }
}

/** The command lines of a script: blank lines and `#` comments are skipped. */
export function scriptLines(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Runs every line of a scenario; any failing line is an authoring bug, so it throws. */
export async function runScript(cluster: QuizCluster, script: string): Promise<void> {
  for (const line of scriptLines(script)) {
    const result = await cluster.exec(line);
    if (result.exitCode !== 0) throw new ScenarioError(line, result);
  }
}

/** Lets simulated time pass; "0s" is a no-op so questions without waiting cost nothing. */
export async function advance(cluster: QuizCluster, duration: string): Promise<void> {
  if (/^0+(ms|s|m|h)?$/.test(duration)) return;
  await runScript(cluster, `sim advance ${duration}`);
}

/** Output of a command for display: stdout, then stderr, like a terminal shows them. */
export async function outputOf(cluster: QuizCluster, command: string): Promise<string> {
  const result = await cluster.exec(command);
  return [result.stdout, result.stderr]
    .filter((s) => s.trim() !== '')
    .join('\n')
    .trimEnd();
}
