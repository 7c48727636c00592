'use client';

import { useEffect, useState } from 'react';
import type { Prepared, ScenarioRun } from '@/lib/quiz';
import { quizErrors, runScenario } from '@/lib/quiz';
import { useQuizServices } from './services';

export type ScenarioState = { status: 'none' | 'loading' } | { status: 'ready'; run: ScenarioRun } | { status: 'error'; message: string };

/** Whether a question shows the simulated cluster before it is answered. */
export function needsScenario(prepared: Prepared): boolean {
  return prepared.type === 'prediction' || (prepared.type === 'command' && prepared.question.observe !== undefined);
}

/**
 * Runs a simulation question's scenario when it is shown, loading the mini-cluster on first use.
 * `attempt` re-runs it after a failure (the reader pressed Try again).
 */
export function useScenario(prepared: Prepared, attempt: number): ScenarioState {
  const { makeCluster } = useQuizServices();
  const [state, setState] = useState<ScenarioState>({ status: 'none' });
  useEffect(() => {
    if (!needsScenario(prepared) || (prepared.type !== 'command' && prepared.type !== 'prediction')) {
      setState({ status: 'none' });
      return;
    }
    let cancelled = false;
    setState({ status: 'loading' });
    makeCluster()
      .then((factory) => runScenario(prepared, factory))
      .then(
        (run) => !cancelled && setState({ status: 'ready', run }),
        (error: unknown) =>
          !cancelled &&
          setState({
            status: 'error',
            message: error instanceof Error && error.name === 'ScenarioError' ? error.message : quizErrors.clusterUnavailable,
          }),
      );
    return () => {
      cancelled = true;
    };
  }, [prepared, attempt, makeCluster]);
  return state;
}
