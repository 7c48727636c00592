// What the API server checks before it stores a write (the parts the simulator models): the
// annotation size limit every object has, replica counts, and the simulator's own pod limit.
import { defaults } from '../engine/config';
import { fieldErrors } from '../api/errors';
import { limits } from '../api/limits';
import type { AnyObject } from '../api/types';
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
  if (object.kind === 'Deployment' || object.kind === 'ReplicaSet' || object.kind === 'StatefulSet') {
    const { replicas } = object.spec;
    if (replicas < 0) causes.push(fieldErrors.negative('spec.replicas', replicas));
    else if (replicas > maxPods) causes.push(fieldErrors.tooManyReplicas('spec.replicas', replicas, maxPods));
  }
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
