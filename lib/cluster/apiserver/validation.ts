// What the API server checks before it stores a write (the parts the simulator models): the
// annotation size limit every object has, replica counts, and the simulator's own pod limit.
import { formatCpu, formatMemory } from '../util/quantity';
import { defaults } from '../engine/config';
import { fieldErrors } from '../api/errors';
import { limits } from '../api/limits';
import type { AnyObject, EnvVar, LifecycleHandler, PodSpec, PodTemplate, Service } from '../api/types';
import { envFieldPaths, validFieldPath } from '../api/envvars';
import { isExternalName, isHeadless } from '../api/services';
import { isDns1123LabelFormat, isDns1123Subdomain } from '../util/validation';
import { deploymentErrors } from './deployment.validation';
import { highestUserDefinablePriority, systemPriorityClasses } from './admission';

/** The most pods the simulator keeps: a floor, or every node full in larger clusters. */
export function podLimit(nodes: number): number {
  return Math.max(limits.minClusterPods, defaults.maxPodsPerNode * nodes);
}

function annotationBytes(annotations: Record<string, string>): number {
  let total = 0;
  for (const key in annotations) total += utf8Length(key) + utf8Length(annotations[key]);
  return total;
}

/** Byte length in UTF-8 without allocating (Go measures strings in bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The field errors of an object about to be stored; empty when it may be stored. */
export function validateObject(object: AnyObject, maxPods: number): string[] {
  const causes: string[] = [];
  const annotations = object.metadata.annotations;
  if (annotations && annotationBytes(annotations) > limits.totalAnnotationSizeBytes) causes.push(fieldErrors.annotationsTooLong());
  if (object.kind === 'Namespace') causes.push(...dnsLabelErrors('metadata.name', object.metadata.name));
  if (object.kind === 'Pod') causes.push(...podSpecErrors(object.spec, 'spec'));
  if (object.kind === 'Service') causes.push(...serviceErrors(object));
  if (object.kind === 'Deployment' || object.kind === 'ReplicaSet' || object.kind === 'StatefulSet' || object.kind === 'DaemonSet')
    causes.push(...templateErrors(object.spec.template, 'spec.template'));
  if (object.kind === 'Deployment' || object.kind === 'ReplicaSet' || object.kind === 'StatefulSet') {
    const { replicas } = object.spec;
    if (replicas < 0) causes.push(fieldErrors.negative('spec.replicas', replicas));
    else if (replicas > maxPods) causes.push(fieldErrors.tooManyReplicas('spec.replicas', replicas, maxPods));
  }
  if (object.kind === 'Deployment') causes.push(...deploymentErrors(object));
  // ValidatePriorityClass: user classes stay at or below 1e9 and may not take the system- prefix.
  if (
    object.kind === 'PriorityClass' &&
    !systemPriorityClasses.some((pc) => pc.name === object.metadata.name && pc.value === object.value)
  ) {
    if (object.metadata.name.startsWith('system-')) causes.push(fieldErrors.reservedPriorityClassName());
    else if (object.value > highestUserDefinablePriority) causes.push(fieldErrors.userPriorityTooHigh(highestUserDefinablePriority));
  }
  return causes;
}

/** ValidateDNS1123Label. */
function dnsLabelErrors(path: string, value: string): string[] {
  if (!isDns1123LabelFormat(value)) return [fieldErrors.dnsLabel(path, value)];
  return value.length > 63 ? [fieldErrors.dnsLabelTooLong(path, value)] : [];
}

/** ValidateService's port and headless rules (#119). */
function serviceErrors(service: Service): string[] {
  const headless = isHeadless(service);
  const errors: string[] = [];
  if (service.spec.ports.length === 0 && !headless && !isExternalName(service)) errors.push(fieldErrors.portsRequired());
  if (isExternalName(service)) {
    // The name may end with a dot (fully qualified).
    const alias = (service.spec.externalName ?? '').replace(/\.$/, '');
    if (alias === '') errors.push(fieldErrors.externalNameRequired());
    else if (!isDns1123Subdomain(alias)) errors.push(fieldErrors.externalName(service.spec.externalName!));
    if (service.spec.clusterIP !== '') errors.push(fieldErrors.externalNameClusterIP());
  } else if (headless && service.spec.type !== 'ClusterIP') errors.push(fieldErrors.headlessType(service.spec.type));
  return errors;
}

/** validateEnv (#120): a name of printable ASCII without '=', and a fieldRef the downward API has. */
function envErrors(variable: EnvVar, path: string): string[] {
  if (variable.name === '') return [fieldErrors.envNameRequired(path)];
  const errors = /^[\x20-\x3c\x3e-\x7e]+$/.test(variable.name) ? [] : [fieldErrors.envName(path, variable.name)];
  if (variable.fieldPath !== undefined && !validFieldPath(variable.fieldPath))
    errors.push(fieldErrors.envFieldPath(path, variable.fieldPath, envFieldPaths));
  return errors;
}

/** #35 validateHandler: exactly one action (preStop may also sleep). */
function handlerErrors(handler: LifecycleHandler, path: string): string[] {
  const set = (['exec', 'httpGet', 'tcpSocket', 'sleep'] as const).filter((key) => handler[key] !== undefined);
  if (set.length === 0) return [fieldErrors.noHandler(path)];
  const errors = set.slice(1).map((key) => fieldErrors.tooManyHandlers(path, key));
  const port = handler.httpGet?.port ?? handler.tcpSocket?.port;
  if (port === 0) errors.push(fieldErrors.portName(`${path}.${handler.httpGet ? 'httpGet' : 'tcpSocket'}.port`));
  return errors;
}

/** Probes (liveness and startup must have successThreshold 1) and preStop hooks of every container. */
function podSpecErrors(spec: Pick<PodSpec, 'containers' | 'hostname' | 'subdomain'>, path: string): string[] {
  const errors: string[] = [];
  if (spec.hostname) errors.push(...dnsLabelErrors(`${path}.hostname`, spec.hostname));
  if (spec.subdomain) errors.push(...dnsLabelErrors(`${path}.subdomain`, spec.subdomain));
  spec.containers.forEach((container, i) => {
    const at = `${path}.containers[${i}]`;
    for (const type of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      const probe = container[type];
      if (!probe) continue;
      errors.push(...handlerErrors(probe, `${at}.${type}`));
      if (type !== 'readinessProbe' && probe.successThreshold !== 1)
        errors.push(fieldErrors.mustBeOne(`${at}.${type}.successThreshold`, probe.successThreshold));
    }
    for (const [j, variable] of (container.env ?? []).entries()) errors.push(...envErrors(variable, `${at}.env[${j}]`));
    const preStop = container.lifecycle?.preStop;
    if (preStop) errors.push(...handlerErrors(preStop, `${at}.lifecycle.preStop`));
    const { limits, requests } = container;
    if (limits?.cpu && requests.cpu > limits.cpu)
      errors.push(fieldErrors.requestOverLimit(at, formatCpu(requests.cpu), 'cpu', formatCpu(limits.cpu)));
    if (limits?.memory && requests.memory > limits.memory)
      errors.push(fieldErrors.requestOverLimit(at, formatMemory(requests.memory), 'memory', formatMemory(limits.memory)));
  });
  return errors;
}

/** #39 a Deployment's, ReplicaSet's, StatefulSet's or DaemonSet's pods must restart Always. */
function templateErrors(template: PodTemplate, path: string): string[] {
  const errors = podSpecErrors(template.spec, `${path}.spec`);
  const policy = template.spec.restartPolicy;
  if (policy !== undefined && policy !== 'Always')
    errors.push(fieldErrors.unsupportedValue(`${path}.spec.restartPolicy`, policy, ['Always']));
  return errors;
}
