// Image references as the container tools read them (distribution/reference's grammar and its
// normalisation): `nginx` is docker.io/library/nginx:latest, `kicbase/echo-server:1.0` lives on
// docker.io, a first part with a dot, a colon or "localhost" names a registry host.

import { asKey, memoBy } from '../util/memo';

export interface ImageReference {
  /** The registry host: docker.io, registry.k8s.io, registry.example.com... */
  domain: string;
  /** The repository path on that host: library/nginx, shop/web. */
  path: string;
  /** The tag asked for; "latest" when the reference names neither a tag nor a digest. */
  tag: string;
  /** Whether the reference named its tag (or digest) itself. */
  explicit: boolean;
  digest?: string;
  /** domain/path, as containerd names the repository. */
  repository: string;
  /** The fully qualified reference containerd resolves: docker.io/library/nginx:1.27. */
  full: string;
  /** The short form docker prints: nginx:1.27, registry.example.com/shop/web:1.0. */
  familiar: string;
}

export const referenceErrors = {
  invalidFormat: 'invalid reference format',
  lowercase: (remainder: string) => `invalid reference format: repository name (${remainder}) must be lowercase`,
};

const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const domainPattern = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$/;
const pathPattern = new RegExp(`^${component}(?:/${component})*$`);
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** splitDockerDomain: the first part is a host only if it looks like one. */
function splitDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (slash < 0 || !(first.includes('.') || first.includes(':') || first === 'localhost') || first.toLowerCase() !== first) {
    const path = name.startsWith('docker.io/') ? name.slice(10) : name;
    return ['docker.io', path.includes('/') ? path : `library/${path}`];
  }
  const domain = first === 'index.docker.io' ? 'docker.io' : first;
  const path = name.slice(slash + 1);
  return [domain, domain === 'docker.io' && !path.includes('/') ? `library/${path}` : path];
}

/** ParseNormalizedNamed plus the kubelet's default tag, or the error text the tools print. */
function parse(text: string): ImageReference | { error: string } {
  const at = text.indexOf('@');
  const named = at < 0 ? text : text.slice(0, at);
  const digest = at < 0 ? undefined : text.slice(at + 1);
  if (digest !== undefined && !digestPattern.test(digest)) return { error: referenceErrors.invalidFormat };
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  const name = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : undefined;
  if (name === '' || (tag !== undefined && !tagPattern.test(tag))) return { error: referenceErrors.invalidFormat };
  const [domain, path] = splitDomain(name);
  if (!domainPattern.test(domain)) return { error: referenceErrors.invalidFormat };
  if (path.toLowerCase() !== path) return { error: referenceErrors.lowercase(path) };
  if (!pathPattern.test(path) || name.length > 255) return { error: referenceErrors.invalidFormat };
  const repository = `${domain}/${path}`;
  const resolvedTag = tag ?? 'latest';
  const full = digest !== undefined ? `${repository}${tag ? `:${tag}` : ''}@${digest}` : `${repository}:${resolvedTag}`;
  const familiarName = domain === 'docker.io' ? (path.startsWith('library/') ? path.slice(8) : path) : repository;
  return {
    domain,
    path,
    tag: resolvedTag,
    explicit: tag !== undefined || digest !== undefined,
    digest,
    repository,
    full,
    familiar: digest !== undefined ? `${familiarName}@${digest}` : `${familiarName}:${resolvedTag}`,
  };
}

/** parse, remembered per text: the kubelet reads every container's image at each pull step. */
export const parseImageReference = memoBy(asKey, parse);

export const isReference = (value: ImageReference | { error: string }): value is ImageReference => !('error' in value);

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

/** SetDefaults_Container (#43): Always when the tag is latest or missing (and no digest), IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): PullPolicy {
  const at = image.indexOf('@');
  if (at >= 0) return 'IfNotPresent';
  const colon = image.lastIndexOf(':');
  const tag = colon > image.lastIndexOf('/') ? image.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}
