// kubectl set resources (kubectl/pkg/cmd/set/set_resources.go): --limits and --requests, each
// "cpu=100m,memory=256Mi", merged into the resources of the containers -c selects (every one by
// default; shell wildcards allowed). The API server then checks that no request is above its limit.
import { setResourcesErrors } from '../api/errors';
import type { Container, PodTemplate } from '../api/types';
import { parseCpu, parseMemory } from '../util/quantity';
import type { FlagSpec } from './flags';
import type { TemplateEdit } from './set';

export const resourcesFlags = [
  { name: 'limits', type: 'string' },
  { name: 'requests', type: 'string' },
  { name: 'containers', short: 'c', type: 'string' },
] as const satisfies readonly FlagSpec[];

type ResourceList = { cpu?: number; memory?: number };

/** populateResourceListV1: NAME=QUANTITY statements, comma-separated; the model has cpu and memory only. */
function resourceList(spec: string): ResourceList | { error: string } {
  const list: ResourceList = {};
  if (spec === '') return list;
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) return { error: setResourcesErrors.syntax(statement) };
    const [name, quantity] = parts;
    if (name !== 'cpu' && name !== 'memory') return { error: setResourcesErrors.unmodelled(name) };
    const value = name === 'cpu' ? parseCpu(quantity) : parseMemory(quantity);
    if (value === undefined) return { error: setResourcesErrors.quantity() };
    list[name] = value;
  }
  return list;
}

/** filepath.Match for container names: * and ? wildcards, the rest literal. */
export function selects(pattern: string, name: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${source}$`).test(name);
}

function merge(container: Container, limits: ResourceList, requests: ResourceList): boolean {
  const before = JSON.stringify([container.limits, container.requests]);
  if (Object.keys(limits).length > 0) container.limits = { ...container.limits, ...limits };
  // As manifests.convert does: a resource with a limit and no request is requested at its limit.
  const defaulted = { ...container.requests };
  for (const name of ['cpu', 'memory'] as const) if (!defaulted[name] && limits[name]) defaulted[name] = limits[name];
  container.requests = { ...defaulted, ...requests };
  return JSON.stringify([container.limits, container.requests]) !== before;
}

export function resourcesEdit(
  positional: string[],
  flags: Record<string, unknown>,
): { resources: string[]; edit: (template: PodTemplate) => TemplateEdit } | { error: string } {
  const limitsText = (flags.limits as string | undefined) ?? '';
  const requestsText = (flags.requests as string | undefined) ?? '';
  if (limitsText === '' && requestsText === '') return { error: setResourcesErrors.required() };
  const limits = resourceList(limitsText);
  if ('error' in limits) return limits;
  const requests = resourceList(requestsText);
  if ('error' in requests) return requests;
  const selector = (flags.containers as string | undefined) ?? '*';
  return {
    resources: positional,
    edit(template) {
      const chosen = template.spec.containers.filter((container) => selects(selector, container.name));
      if (chosen.length === 0) return { error: setResourcesErrors.noContainer(selector) };
      let changed = false;
      for (const container of chosen) changed = merge(container, limits, requests) || changed;
      return changed ? 'changed' : 'unchanged';
    },
  };
}
