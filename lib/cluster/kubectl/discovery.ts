// What kubectl asks the API server about itself rather than about objects: version, the resource
// types it serves, raw health endpoints; and the kubeconfig kubeadm writes for its admin.
import { kubectlErrors } from '../api/errors';
import { defaults } from '../engine/config';
import { nodeIp } from '../kubelet/runtime';
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

/** The kubeconfig kubeadm writes to /etc/kubernetes/admin.conf. */
const kubeconfig = {
  cluster: 'kubernetes',
  user: 'kubernetes-admin',
  context: 'kubernetes-admin@kubernetes',
};

export function kubectlConfig(_env: KubectlEnv, args: string[]): CommandResult {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'current-context':
      return ok(`${kubeconfig.context}\n`);
    case 'get-contexts': {
      if (rest[0] && rest[0] !== kubeconfig.context) return fail(kubectlErrors.contextNotFound(rest[0]));
      return ok(
        formatTable(
          ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
          [['*', kubeconfig.context, kubeconfig.cluster, kubeconfig.user, '']],
        ),
      );
    }
    case 'use-context':
      if (!rest[0]) return fail(kubectlErrors.unexpectedArgs([]));
      if (rest[0] !== kubeconfig.context) return fail(kubectlErrors.noContext(rest[0]));
      return ok(`Switched to context "${rest[0]}".\n`);
    case 'view':
      return ok(
        toYaml({
          apiVersion: 'v1',
          clusters: [
            { cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: `https://${nodeIp(0)}:6443` }, name: kubeconfig.cluster },
          ],
          contexts: [{ context: { cluster: kubeconfig.cluster, user: kubeconfig.user }, name: kubeconfig.context }],
          'current-context': kubeconfig.context,
          kind: 'Config',
          preferences: {},
          users: [{ name: kubeconfig.user, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
        }),
      );
    default:
      return fail(sub ? kubectlErrors.unknownConfigSubcommand(sub) : kubectlErrors.configNeedsSubcommand());
  }
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
