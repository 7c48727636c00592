// What kubectl asks the API server about itself rather than about objects: version, the resource
// types it serves, raw health endpoints.
import { kubectlErrors } from '../api/errors';
import { defaults } from '../engine/config';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { apiVersionOf } from './output/objects';
import { toYaml } from './output/yaml';
import { allKinds as resourceTypes } from '../api/kinds';
import { fail, ok, type CommandResult } from './result';
import { formatTable } from './table';

const version = defaults.kubernetesVersion.startsWith('v') ? defaults.kubernetesVersion : `v${defaults.kubernetesVersion}`;
/** The Kustomize release built into kubectl 1.32. */
const kustomizeVersion = 'v5.5.0';

export function kubectlVersion(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const client = parsed.flags.client === true;
  const output = parsed.flags.output;
  if (output !== undefined && output !== 'yaml' && output !== 'json') return fail(kubectlErrors.versionOutput());
  const reachable = env.engine.apiAvailability() !== 'unreachable';
  if (output !== undefined) {
    const info = (git: string) => ({
      major: '1',
      minor: version.split('.')[1],
      gitVersion: git,
      platform: 'linux/amd64',
    });
    const data = { clientVersion: info(version), kustomizeVersion, ...(client || !reachable ? {} : { serverVersion: info(version) }) };
    return ok(output === 'json' ? `${JSON.stringify(data, null, 2)}\n` : toYaml(data));
  }
  const lines = [`Client Version: ${version}`, `Kustomize Version: ${kustomizeVersion}`];
  if (!client && reachable) lines.push(`Server Version: ${version}`);
  return ok(`${lines.join('\n')}\n`);
}

export function kubectlApiResources(_env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'namespaced', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'api-group', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const namespaced = parsed.flags.namespaced;
  const group = parsed.flags['api-group'];
  const groupOf = (kind: string) => (apiVersionOf(kind).includes('/') ? apiVersionOf(kind).split('/')[0] : '');
  // The core group first, then the others, each sorted by name: discovery's order.
  const types = resourceTypes
    .filter((type) => namespaced === undefined || String(type.namespaced) === namespaced)
    .filter((type) => group === undefined || groupOf(type.kind) === group)
    .sort((a, b) => {
      const [ga, gb] = [groupOf(a.kind), groupOf(b.kind)];
      if (ga !== gb) return ga === '' ? -1 : gb === '' ? 1 : ga.localeCompare(gb);
      return a.plural.localeCompare(b.plural);
    });
  if (parsed.flags.output === 'name') return ok(types.map((type) => `${type.qualified.replace(type.singular, type.plural)}\n`).join(''));
  return ok(
    formatTable(
      ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'],
      types.map((type) => [type.plural, type.short.join(','), apiVersionOf(type.kind), String(type.namespaced), type.kind]),
    ),
  );
}

/** kubectl api-versions: every group/version the API server serves, sorted as kubectl prints them. */
export function kubectlApiVersions(_env: KubectlEnv, args: string[]): CommandResult {
  if (args.length > 0) return fail(kubectlErrors.unexpectedArgs(args));
  const versions = [...new Set(resourceTypes.map((type) => apiVersionOf(type.kind)))].sort();
  return ok(versions.map((version) => `${version}\n`).join(''));
}

/** The API server's health checks, in the order /readyz?verbose lists them. */
const readyChecks = [
  'ping',
  'log',
  'etcd',
  'etcd-readiness',
  'informer-sync',
  'poststarthook/start-apiserver-admission-initializer',
  'poststarthook/generic-apiserver-start-informers',
  'poststarthook/start-apiextensions-informers',
  'poststarthook/start-apiextensions-controllers',
  'poststarthook/crd-informer-synced',
  'poststarthook/start-system-namespaces-controller',
  'poststarthook/bootstrap-controller',
  'poststarthook/rbac/bootstrap-roles',
  'poststarthook/scheduling/bootstrap-system-priority-classes',
  'poststarthook/apiservice-registration-controller',
  'poststarthook/apiservice-status-available-controller',
  'shutdown',
];

/** kubectl get --raw PATH, for the health endpoints. */
export function getRaw(env: KubectlEnv, path: string): CommandResult {
  const [route, query = ''] = path.split('?', 2);
  const etcdDown = env.engine.api.readError() !== undefined;
  const endpoint = route.replace(/\/$/, '');
  if (!['/readyz', '/livez', '/healthz'].includes(endpoint)) return fail(kubectlErrors.resourceNotFound());
  const verbose = query.split('&').includes('verbose');
  const checks = endpoint === '/readyz' ? readyChecks : readyChecks.filter((check) => check !== 'etcd-readiness' && check !== 'shutdown');
  const failing = (check: string) => etcdDown && (check === 'etcd' || check === 'etcd-readiness');
  const body = [
    ...checks.map((check) => (failing(check) ? `[-]${check} failed: reason withheld` : `[+]${check} ok`)),
    etcdDown ? `${endpoint.slice(1)} check failed` : `${endpoint.slice(1)} check passed`,
  ].join('\n');
  if (etcdDown)
    return fail(
      `Error from server (InternalServerError): an error on the server ("${body.replaceAll('\n', '\\n')}") has prevented the request from succeeding`,
    );
  return ok(verbose ? `${body}\n` : 'ok\n');
}
