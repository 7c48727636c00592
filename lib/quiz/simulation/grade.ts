import type { AnswerOf, GradeOutcome, Prepared, ScenarioRun } from '../answers';
import { quizErrors } from '../errors';
import { quizPolicy } from '../policy';
import { evaluateGoal } from './checks';
import { kubectlCommands } from './kubectlCommands';
import type { ClusterFactory, ExecResult } from './port';
import { answerFrom, answerKind } from './queries';
import { advance, outputOf, runScript } from './scenario';

type CommandPrepared = Extract<Prepared, { type: 'command' }>;
type PredictionPrepared = Extract<Prepared, { type: 'prediction' }>;

/**
 * Runs a question's scenario in a fresh cluster to show the reader where things stand. For a
 * prediction it also lets the waiting time pass and reads the true answer off the model: the
 * answer is computed, never written in the content.
 */
export async function runScenario(prepared: CommandPrepared | PredictionPrepared, makeCluster: ClusterFactory): Promise<ScenarioRun> {
  const q = prepared.question;
  const cluster = await makeCluster({ seed: prepared.seed, files: q.files });
  await runScript(cluster, q.setup);
  const observed = q.observe ? await outputOf(cluster, q.observe) : undefined;
  if (q.type === 'command') return { observed };
  await advance(cluster, q.wait);
  const expected = answerFrom(q.ask, await cluster.view());
  const revealCommand = q.reveal ?? q.observe;
  return { observed, expected, revealed: revealCommand ? await outputOf(cluster, revealCommand) : undefined };
}

/** Why a typed command cannot be graded as it stands, or undefined when it can. */
export function commandProblem(command: string): string | undefined {
  // A pasted "$ " prompt is not part of the answer (the cluster's shell strips it too).
  const line = command.trim().replace(/^\$\s+/, '');
  if (line === '') return quizErrors.emptyCommand;
  if (line.includes('\n')) return quizErrors.oneLineOnly;
  if (line.length > quizPolicy.maxCommandLength || !quizPolicy.allowedPrograms.includes(line.split(/\s+/)[0])) return quizErrors.notKubectl;
  return undefined;
}

/**
 * The real kubectl command the model does not run, if that is what happened: one it answers
 * "unknown command" to, or one it says it does not simulate (kubectl top needs metrics-server).
 */
function unsupportedVerb(output: ExecResult): string | undefined {
  if (output.exitCode === 0) return undefined;
  // The texts of api/errors.ts (kubectlErrors.metricsUnavailable, unsimulatedCommand), matched here
  // so the quiz code does not load the cluster's error table.
  if (output.stderr.startsWith('error: Metrics API not available')) return 'top';
  const verb =
    /^error: unknown command "([^"]+)" for "kubectl"/.exec(output.stderr)?.[1] ??
    /^error: kubectl (\S+) is not available in this simulator/.exec(output.stderr)?.[1];
  return verb !== undefined && kubectlCommands.has(verb) ? verb : undefined;
}

/**
 * Grades a typed command by running it after the scenario in a fresh cluster and judging the
 * state it leaves, so any command that reaches the goal passes, whatever its spelling.
 */
export async function gradeCommand(
  prepared: CommandPrepared,
  answer: AnswerOf<'command'>,
  makeCluster: ClusterFactory,
): Promise<GradeOutcome> {
  const problem = commandProblem(answer.command);
  if (problem) return { rejected: problem };
  const command = answer.command.trim();
  const q = prepared.question;
  const cluster = await makeCluster({ seed: prepared.seed, files: q.files });
  await runScript(cluster, q.setup);
  const output = await cluster.exec(command);
  const unsupported = unsupportedVerb(output);
  if (unsupported) return { rejected: quizErrors.notSimulated(unsupported) };
  await advance(cluster, q.settle);
  const { reached, results } = evaluateGoal(q.goal, await cluster.view());
  return { correct: reached, detail: { type: 'command', command, output, results } };
}

/** Grades a prediction against the answer its scenario computed. */
export function gradePrediction(prepared: PredictionPrepared, answer: AnswerOf<'prediction'>, run: ScenarioRun): GradeOutcome {
  const given = answer.value.trim();
  if (given === '') return { rejected: answerKind(prepared.question.ask) === 'number' ? quizErrors.noNumber : quizErrors.noChoice };
  if (answerKind(prepared.question.ask) === 'number' && !/^\d+$/.test(given)) return { rejected: quizErrors.noNumber };
  const expected = run.expected ?? '';
  const same = answerKind(prepared.question.ask) === 'number' ? Number(given) === Number(expected) : given === expected;
  return { correct: same, detail: { type: 'prediction', given, expected, revealed: run.revealed } };
}
