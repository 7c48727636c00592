// A container's environment (#120), as the kubelet's makeEnvironmentVariables builds it: the
// declared variables in order, each value with its $(NAME) references to earlier ones (and to the
// service variables) expanded, a fieldRef read from the pod (the downward API); then the
// service variables not overridden. The runtime adds PATH, HOSTNAME and HOME around them.
import type { Container, EnvVar, Pod } from '../api/types';
import { processWords } from '../registry/config';
import { podHostname } from '../controllers/podutil';
import { subscripted } from '../api/envvars';

/** The value a fieldRef reads from the pod (an unset field is the empty string). */
function fieldValue(pod: Pod, path: string, hostIP: string): string {
  const entry = subscripted.exec(path);
  if (entry) return (entry[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)[entry[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace;
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return 'default';
    case 'status.hostIP':
    case 'status.hostIPs':
      return hostIP;
    default:
      return pod.status.podIP ?? '';
  }
}

/**
 * expansion.Expand: $(NAME) becomes the variable's value when it is defined, and stays as written
 * when it is not; $$ is an escaped $ (so $$(NAME) is left as the text $(NAME)).
 */
export function expandReferences(text: string, lookup: (name: string) => string | undefined): string {
  return text.replace(/\$\$|\$\(([^)]*)\)/g, (match, name: string | undefined) => (name === undefined ? '$' : (lookup(name) ?? match)));
}

/** The service variables every container gets: the API server's Service (the model has no service links beyond it). */
const serviceVariables: readonly [string, string][] = [
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
  ['KUBERNETES_SERVICE_PORT', '443'],
];

/** The container's environment as NAME=VALUE pairs, in the order `env` prints them. */
export function containerEnvironment(pod: Pod, container: Pick<Container, 'env'>, hostIP: string): [string, string][] {
  const declared = new Map<string, string>();
  const services = new Map(serviceVariables);
  for (const variable of container.env ?? []) declared.set(variable.name, resolve(variable, pod, hostIP, declared, services));
  const out: [string, string][] = [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', podHostname(pod)],
    ...declared,
  ];
  for (const [name, value] of services) if (!declared.has(name)) out.push([name, value]);
  out.push(['HOME', '/root']);
  return out;
}

function resolve(variable: EnvVar, pod: Pod, hostIP: string, declared: Map<string, string>, services: Map<string, string>): string {
  if (variable.fieldPath !== undefined) return fieldValue(pod, variable.fieldPath, hostIP);
  return expandReferences(variable.value ?? '', (name) => declared.get(name) ?? services.get(name));
}

/** What describe shows for a variable's source: `(v1:metadata.name)` after a fieldRef's value. */
const fieldRefText = (path: string) => `(v1:${path})`;

/** A fieldRef's value for describe (the pod's own, resolved as the kubelet does). */
export function describedValue(pod: Pod | undefined, variable: EnvVar, hostIP: string): string {
  if (variable.fieldPath === undefined) return variable.value ?? '';
  return `${pod ? fieldValue(pod, variable.fieldPath, hostIP) : ''} ${fieldRefText(variable.fieldPath)}`;
}

/**
 * The process the kubelet starts for a container: the image's entrypoint or the pod's command and
 * args, whose $(NAME) references the kubelet expands from the container's environment
 * (kubecontainer.ExpandContainerCommandAndArgs), and that environment.
 */
export function containerProcess(pod: Pod, container: Container, hostIP: string): { argv: string[]; environment: Map<string, string> } {
  const environment = new Map(containerEnvironment(pod, container, hostIP));
  const lookup = (name: string) => environment.get(name);
  const expand = (words: string[] | undefined) => words?.map((word) => expandReferences(word, lookup));
  return { argv: processWords(container.image, expand(container.command), expand(container.args)), environment };
}
