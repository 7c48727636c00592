// The API server's defaulting and validation of a Deployment's rollout fields, after
// pkg/apis/apps/v1/defaults.go SetDefaults_Deployment and pkg/apis/apps/validation
// ValidateDeploymentSpec / ValidateRollingUpdateDeployment.
import { fieldErrors } from '../api/errors';
import type { Deployment, IntOrPercent } from '../api/types';
import { deploymentDefaults } from '../controllers/deployment.util';

/** SetDefaults_Deployment: RollingUpdate 25% / 25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function defaultDeployment(deployment: Deployment): void {
  const spec = deployment.spec;
  const strategy = spec.strategy ?? { type: 'RollingUpdate' as const };
  if (strategy.type === 'RollingUpdate')
    strategy.rollingUpdate = {
      maxSurge: strategy.rollingUpdate?.maxSurge ?? deploymentDefaults.maxSurge,
      maxUnavailable: strategy.rollingUpdate?.maxUnavailable ?? deploymentDefaults.maxUnavailable,
    };
  spec.strategy = strategy;
  spec.revisionHistoryLimit ??= deploymentDefaults.revisionHistoryLimit;
  spec.progressDeadlineSeconds ??= deploymentDefaults.progressDeadlineSeconds;
  spec.minReadySeconds ??= deploymentDefaults.minReadySeconds;
}

const percentPattern = /^[0-9]+%$/;
const isZero = (value: IntOrPercent) => value === 0 || (typeof value === 'string' && /^0+%$/.test(value));

function intOrPercentErrors(path: string, value: IntOrPercent): string[] {
  if (typeof value === 'string') return percentPattern.test(value) ? [] : [fieldErrors.notPercent(path, value)];
  return value < 0 ? [fieldErrors.negative(path, value)] : [];
}

/** The field errors of a Deployment's strategy, minReadySeconds and progress deadline. */
export function deploymentErrors(deployment: Deployment): string[] {
  const spec = deployment.spec;
  const errors: string[] = [];
  const strategy = spec.strategy;
  if (strategy?.type === 'Recreate' && strategy.rollingUpdate) errors.push(fieldErrors.rollingUpdateWithRecreate());
  const rolling = strategy?.type === 'RollingUpdate' ? strategy.rollingUpdate : undefined;
  if (rolling) {
    const surgePath = 'spec.strategy.rollingUpdate.maxSurge';
    const unavailablePath = 'spec.strategy.rollingUpdate.maxUnavailable';
    errors.push(...intOrPercentErrors(surgePath, rolling.maxSurge), ...intOrPercentErrors(unavailablePath, rolling.maxUnavailable));
    if (
      typeof rolling.maxUnavailable === 'string' &&
      percentPattern.test(rolling.maxUnavailable) &&
      Number.parseInt(rolling.maxUnavailable, 10) > 100
    )
      errors.push(fieldErrors.over100Percent(unavailablePath, rolling.maxUnavailable));
    if (isZero(rolling.maxSurge) && isZero(rolling.maxUnavailable))
      errors.push(fieldErrors.bothZero(unavailablePath, rolling.maxUnavailable));
  }
  for (const [path, value] of [
    ['spec.minReadySeconds', spec.minReadySeconds],
    ['spec.revisionHistoryLimit', spec.revisionHistoryLimit],
    ['spec.progressDeadlineSeconds', spec.progressDeadlineSeconds],
  ] as const) {
    if (value !== undefined && value < 0) errors.push(fieldErrors.negative(path, value));
  }
  const deadline = spec.progressDeadlineSeconds;
  if (deadline !== undefined && deadline <= (spec.minReadySeconds ?? 0)) errors.push(fieldErrors.deadlineNotAboveMinReady(deadline));
  return errors;
}
