// kubectl cluster-info dump (kubectl/pkg/cmd/clusterinfo/clusterinfo_dump.go): the nodes, then
// for kube-system and the current namespace (or -A, or --namespaces) the events, replication
// controllers, services, daemon sets, deployments, replica sets and pods as JSON lists, and every
// container's log between START and END markers, all on standard output.
import { kubectlErrors } from '../api/errors';
import type { AnyObject, Kind, KubeEvent } from '../api/types';
import { readBlocked } from './builder';
import type { KubectlEnv } from './env';
import { namespaceFlags, parseArgs } from './flags';
import { contextNamespace } from './kubeconfig';
import { containerLines } from './logs';
import { apiObject, type JsonObject } from './output/objects';
import { fail, ok, type CommandResult } from './result';

const dumpErrors = {
  outputDirectory: () =>
    'error: --output-directory is not available in this simulator: the dump goes to standard output (redirect it with > FILE)',
  output: (format: string) => `error: the simulator dumps as json only, not ${JSON.stringify(format)}`,
};

/** A typed list as the clientset returns it: kind FooList, its items without their own kind and apiVersion. */
function typedList(env: KubectlEnv, kind: string, apiVersion: string, objects: (AnyObject | KubeEvent)[]): string {
  const items = objects.map((object) => {
    const { apiVersion: _version, kind: _kind, ...rest } = apiObject(object, env.engine);
    return rest;
  });
  const list: JsonObject = {
    kind: `${kind}List`,
    apiVersion,
    metadata: { resourceVersion: String(env.engine.store.resourceVersion) },
    items,
  };
  return `${JSON.stringify(list, null, 4)}\n`;
}

export function clusterInfoDump(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    ...namespaceFlags,
    { name: 'namespaces', type: 'strings' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'output-directory', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.positional.length > 0) return fail(kubectlErrors.unexpectedArgs(parsed.positional));
  if (parsed.flags['output-directory'] !== undefined && parsed.flags['output-directory'] !== '-') return fail(dumpErrors.outputDirectory());
  const format = parsed.flags.output ?? 'json';
  if (format !== 'json') return fail(dumpErrors.output(format));
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const { engine } = env;
  const inNamespace = (kind: Kind, namespace: string) =>
    [...engine.store.list(kind)]
      .filter((object) => object.metadata.namespace === namespace)
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const namespaces =
    parsed.flags['all-namespaces'] === true
      ? [...engine.store.list('Namespace')].map((ns) => ns.metadata.name).sort()
      : parsed.flags.namespaces
        ? parsed.flags.namespaces.flatMap((list) => list.split(',')).filter(Boolean)
        : ['kube-system', parsed.flags.namespace ?? contextNamespace(engine)];
  let stdout = typedList(
    env,
    'Node',
    'v1',
    [...engine.store.list('Node')].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)),
  );
  for (const namespace of [...new Set(namespaces)]) {
    stdout += typedList(
      env,
      'Event',
      'v1',
      engine.api.events.list().filter((event) => event.namespace === namespace),
    );
    // The model has no ReplicationControllers: their list is empty, as on most clusters today.
    stdout += typedList(env, 'ReplicationController', 'v1', []);
    stdout += typedList(env, 'Service', 'v1', inNamespace('Service', namespace));
    stdout += typedList(env, 'DaemonSet', 'apps/v1', inNamespace('DaemonSet', namespace));
    stdout += typedList(env, 'Deployment', 'apps/v1', inNamespace('Deployment', namespace));
    stdout += typedList(env, 'ReplicaSet', 'apps/v1', inNamespace('ReplicaSet', namespace));
    const pods = inNamespace('Pod', namespace);
    stdout += typedList(env, 'Pod', 'v1', pods);
    for (const pod of pods) {
      if (pod.kind !== 'Pod') continue;
      for (const container of pod.spec.containers) {
        const where = `container ${container.name} of pod ${namespace}/${pod.metadata.name}`;
        const served = containerLines(env, pod, container.name, false, false);
        const body =
          'error' in served
            ? `Request log error: ${served.error.replace(/^error: /, '')}\n`
            : served.lines.map((line) => `${line}\n`).join('');
        stdout += `==== START logs for ${where} ====\n${body}==== END logs for ${where} ====\n`;
      }
    }
  }
  return ok(`${stdout}Cluster info dumped to standard output\n`);
}
