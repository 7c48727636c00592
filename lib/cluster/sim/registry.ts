// `sim registry list|push|rm`: what is in the simulated image registry, as if an image had been
// built and pushed (docker push) or deleted from the registry. Nodes keep the images they pulled.
import type { Engine } from '../engine/engine';
import { fail, ok, type CommandResult } from '../kubectl/result';
import { isReference, parseImageReference } from '../registry/reference';
import { pushImage, referenceArgument, registryImages, registryMessages, removeImage } from '../registry/registry';

/** docker's SIZE column: go-units HumanSize, decimal units. */
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number.parseFloat(value.toPrecision(3))}${units[unit]}`;
}

const familiarRepository = (repository: string) =>
  repository.startsWith('docker.io/library/')
    ? repository.slice(18)
    : repository.startsWith('docker.io/')
      ? repository.slice(10)
      : repository;

function list(engine: Engine, filter: string | undefined): CommandResult {
  let images = registryImages(engine.state.registry);
  if (filter !== undefined) {
    const parsed = parseImageReference(filter);
    const repository = isReference(parsed) ? parsed.repository : filter;
    images = images.filter((image) => image.repository === repository || familiarRepository(image.repository) === filter);
    if (images.length === 0) return ok(registryMessages.noImages(filter));
  }
  const rows = [['REPOSITORY', 'TAG', 'DIGEST', 'SIZE']];
  for (const image of images)
    rows.push([familiarRepository(image.repository), image.tag, image.digest.slice(0, 19), humanSize(image.sizeBytes)]);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return ok(
    rows.map((row) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column] + 3) : cell)).join('')).join('\n') +
      '\n',
  );
}

export function registryCommand(engine: Engine, args: string[]): CommandResult {
  const [verb, target, ...rest] = args;
  if (verb === 'list' || verb === 'ls') {
    if (rest.length > 0) return fail(registryMessages.usage);
    return list(engine, target);
  }
  if (verb !== 'push' && verb !== 'rm') return fail(registryMessages.usage);
  if (!target) return fail(registryMessages.nameRequired(verb));
  if (rest.length > 0) return fail(registryMessages.usage);
  const reference = referenceArgument(target);
  if ('error' in reference) return fail(reference.error);
  if (verb === 'push') {
    pushImage(engine.state.registry, reference);
    return ok(registryMessages.pushed(reference));
  }
  if (!removeImage(engine.state.registry, reference)) return fail(registryMessages.notInRegistry(reference.full));
  return ok(registryMessages.removed(reference));
}
