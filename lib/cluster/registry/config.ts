// What an image runs when the manifest does not say (its config's Entrypoint and Cmd), from the
// Dockerfiles of the official images. It decides whether a container started without a command
// keeps running: nginx runs its server, busybox runs `sh`, which with no terminal and no stdin
// reads end-of-file and exits 0 at once (#98). Images not listed are taken to run a long-lived
// process (control-plane images, app images of the example registry).
import { isReference, parseImageReference } from './reference';

export interface ImageConfig {
  /** ENTRYPOINT; a `wrapper` is an entrypoint script that ends with `exec "$@"` (the process is then Cmd or the args). */
  entrypoint: string[];
  wrapper: boolean;
  /** CMD. */
  cmd: string[];
}

const wrapped = (entrypoint: string, ...cmd: string[]): ImageConfig => ({ entrypoint: [entrypoint], wrapper: true, cmd });
const plain = (...cmd: string[]): ImageConfig => ({ entrypoint: [], wrapper: false, cmd });

/** By repository (fully qualified, every tag alike). */
const configs: Readonly<Record<string, ImageConfig>> = Object.freeze({
  'docker.io/library/nginx': wrapped('/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'),
  'docker.io/library/httpd': plain('httpd-foreground'),
  'docker.io/library/redis': wrapped('docker-entrypoint.sh', 'redis-server'),
  'docker.io/library/postgres': wrapped('docker-entrypoint.sh', 'postgres'),
  'docker.io/library/mysql': wrapped('docker-entrypoint.sh', 'mysqld'),
  'docker.io/library/memcached': wrapped('docker-entrypoint.sh', 'memcached'),
  'docker.io/library/mongo': wrapped('docker-entrypoint.sh', 'mongod'),
  'docker.io/library/busybox': plain('sh'),
  'registry.k8s.io/busybox': plain('sh'),
  'docker.io/library/alpine': plain('/bin/sh'),
  'docker.io/library/ubuntu': plain('/bin/bash'),
  'docker.io/library/debian': plain('bash'),
  'docker.io/library/python': plain('python3'),
  'docker.io/library/node': wrapped('docker-entrypoint.sh', 'node'),
  'docker.io/curlimages/curl': wrapped('/entrypoint.sh', 'curl'),
});

export function imageConfig(image: string): ImageConfig | undefined {
  const reference = parseImageReference(image);
  if (!isReference(reference)) return undefined;
  return Object.hasOwn(configs, reference.repository) ? configs[reference.repository] : undefined;
}

/**
 * The process a container runs (the Kubernetes rule for command and args): `command` replaces
 * the ENTRYPOINT and drops the CMD, `args` replace the CMD. A wrapper entrypoint execs what
 * follows it, so the words after it are the process.
 */
export function processWords(image: string, command: string[] | undefined, args: string[] | undefined): string[] {
  const config = imageConfig(image);
  if (command) return [...command, ...(args ?? [])];
  const entrypoint = config && !config.wrapper ? config.entrypoint : [];
  return [...entrypoint, ...(args ?? config?.cmd ?? [])];
}
