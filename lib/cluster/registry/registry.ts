// The image registries the cluster pulls from, simulated as one catalog: the public images people
// run (Docker Hub's official images, registry.k8s.io's control-plane images) with their real tags
// and compressed sizes, plus the example registry the chapters use. The catalog is frozen data;
// what `sim registry push` and `rm` change is kept in engine state as a diff against it, so a
// snapshot stays small and a new catalog entry reaches old snapshots too.
import { defaults } from '../engine/config';
import { digest } from '../node/containers';
import { isReference, parseImageReference, type ImageReference } from './reference';

/** What push and rm changed: references (fully qualified) added with their size, or removed. */
export interface RegistryState {
  pushed: Record<string, number>;
  removed: string[];
}

export function emptyRegistry(): RegistryState {
  return { pushed: {}, removed: [] };
}

const MB = 1_000_000;
const k8s = defaults.kubernetesVersion;

/** Compressed sizes (linux/amd64) in bytes, by repository then tag. */
const catalog: Readonly<Record<string, Readonly<Record<string, number>>>> = Object.freeze({
  'docker.io/library/nginx': {
    latest: 72_195_292,
    '1.29': 72_195_292,
    '1.28': 72_223_946,
    '1.27': 72_188_133,
    '1.27-alpine': 20_739_822,
    '1.26': 71_012_493,
    '1.25': 70_544_261,
    '1.24': 57_018_228,
    '1.23': 56_829_412,
    '1.21': 54_130_811,
    '1.19': 53_252_930,
    // The tags of the Kubernetes docs' Deployment walkthrough (its broken rollout uses 1.161, which does not exist).
    '1.16.1': 51_016_884,
    '1.14.2': 44_711_260,
    stable: 71_012_493,
    alpine: 20_739_822,
  },
  // 1.28: the tag the Kubernetes docs' DNS debugging pod uses (later busybox nslookup differs).
  'docker.io/library/busybox': {
    latest: 2_155_116,
    '1.37': 2_163_984,
    '1.36': 2_155_116,
    '1.36.1': 2_155_116,
    '1.28': 727_869,
    stable: 2_155_116,
  },
  'docker.io/library/redis': { latest: 52_211_540, '8': 52_211_540, '7.4': 45_634_912, '7': 45_634_912, '7-alpine': 17_203_381 },
  'docker.io/library/postgres': { latest: 158_450_377, '17': 158_450_377, '16': 154_120_656, '15': 151_982_007, '16-alpine': 105_338_214 },
  'docker.io/library/httpd': { latest: 58_312_866, '2.4': 58_312_866, alpine: 22_087_154, '2.4-alpine': 22_087_154 },
  'docker.io/library/alpine': { latest: 3_642_091, '3.21': 3_642_091, '3.20': 3_625_120, '3.19': 3_417_602 },
  'docker.io/library/ubuntu': { latest: 29_754_422, '24.04': 29_754_422, '22.04': 29_534_055 },
  'docker.io/library/debian': { latest: 48_494_272, bookworm: 48_494_272, '12': 48_494_272, 'bookworm-slim': 28_228_145 },
  'docker.io/library/python': { latest: 372_103_987, '3.13': 372_103_987, '3.12': 370_512_233, '3.12-slim': 49_277_003 },
  'docker.io/library/node': { latest: 392_651_530, '22': 392_651_530, '20': 387_201_114, '22-alpine': 56_998_412 },
  'docker.io/library/mysql': { latest: 170_842_367, '8.4': 170_842_367, '8.0': 168_015_339 },
  'docker.io/library/memcached': { latest: 31_044_812, '1.6': 31_044_812 },
  'docker.io/library/mongo': { latest: 271_906_458, '8.0': 271_906_458, '7.0': 254_733_170 },
  'docker.io/curlimages/curl': { latest: 9_912_366, '8.11.1': 9_912_366 },
  // The memory demo image of the Kubernetes docs ("Assign Memory Resources").
  'docker.io/polinux/stress': { latest: 4_041_495, '1.0.4': 4_041_495 },
  'docker.io/kicbase/echo-server': { latest: 2_372_186, '1.0': 2_372_186 },
  'docker.io/fluent/fluent-bit': { latest: 40_221_903, '3.2': 40_221_903, '3.1': 39_874_112, '3.0': 38_910_470 },
  'k8s.gcr.io/echoserver': { '1.4': 46_172_005 },
  'registry.k8s.io/echoserver': { '1.4': 46_172_005 },
  // The busybox of the Kubernetes docs' probe examples (configure-liveness-readiness-startup-probes).
  'registry.k8s.io/busybox': { latest: 1_144_320, '1.27.2': 1_144_320 },
  // The images of the Kubernetes docs' debugging pages: a server that answers with its hostname
  // (Debug Services), the DNS tools pod (Debugging DNS Resolution), and the e2e test server of the
  // probe examples.
  'registry.k8s.io/serve_hostname': { latest: 2_417_380, '1.4': 2_417_380 },
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': { '1.3': 112_594_287 },
  'registry.k8s.io/e2e-test-images/agnhost': { '2.39': 49_380_214, '2.40': 49_412_553, '2.52': 52_873_101 },
  'registry.k8s.io/pause': { '3.10': 320_368, '3.9': 321_520 },
  'registry.k8s.io/etcd': { '3.5.16-0': 57_680_541 },
  'registry.k8s.io/kube-apiserver': { [k8s]: 28_671_624 },
  'registry.k8s.io/kube-controller-manager': { [k8s]: 26_259_392 },
  'registry.k8s.io/kube-scheduler': { [k8s]: 20_657_902 },
  'registry.k8s.io/kube-proxy': { [k8s]: 30_906_462 },
  'registry.k8s.io/coredns/coredns': { 'v1.11.3': 18_562_039 },
  // The example registry of the chapters and labs: the team's own images, already pushed.
  'registry.example.com/shop/web': { '1.0': 72_103_412, '2.4.1': 72_340_118 },
  'registry.example.com/shop/hello': { '1.4': 8_412_630 },
  'registry.example.com/team/hello-web': { '1.0': 72_103_412 },
  'registry.example.com/team/api': { '1.0': 31_552_084 },
  'registry.example.com/report': { '2.1': 12_804_377 },
});

/** Hosts that answer: the ones in the catalog, and any a push reached. */
const catalogHosts = new Set([...Object.keys(catalog).map((repository) => repository.split('/')[0]), 'ghcr.io', 'quay.io', 'gcr.io']);

function splitFull(full: string): [string, string] {
  const colon = full.lastIndexOf(':');
  return [full.slice(0, colon), full.slice(colon + 1)];
}

const hashOf = (text: string) => Number.parseInt(digest(text).slice(0, 8), 16);

/**
 * The size a pushed image gets: a new tag of a known repository is about as big as its other
 * tags (within 2%); anything else a stable figure in the range of small app images.
 */
export function pushedImageSize(full: string): number {
  const [repository] = splitFull(full);
  const sibling = Object.hasOwn(catalog, repository) ? Object.values(catalog[repository])[0] : undefined;
  if (sibling !== undefined) return Math.round(sibling * (0.98 + (hashOf(`size/${full}`) % 400) / 10_000));
  return 5 * MB + (hashOf(`size/${full}`) % (90 * MB));
}

/** The manifest's own size, which `docker push` reports (a few kB of JSON). */
const manifestSize = (full: string) => 1_200 + (hashOf(`manifest/${full}`) % 1_500);

export interface RegistryImage {
  /** Fully qualified: docker.io/library/nginx:1.27. */
  full: string;
  repository: string;
  tag: string;
  sizeBytes: number;
  /** The manifest digest (sha256:...), as `docker push` and crictl show it. */
  digest: string;
}

export const manifestDigest = (full: string) => `sha256:${digest(`image:${full}`)}`;

/** Every image the registry holds now, sorted by repository then tag. */
export function registryImages(state: RegistryState): RegistryImage[] {
  const removed = new Set(state.removed);
  const sizes = new Map<string, number>();
  for (const [repository, tags] of Object.entries(catalog))
    for (const [tag, size] of Object.entries(tags)) sizes.set(`${repository}:${tag}`, size);
  for (const [full, size] of Object.entries(state.pushed)) sizes.set(full, size);
  return [...sizes]
    .filter(([full]) => !removed.has(full))
    .map(([full, sizeBytes]) => {
      const [repository, tag] = splitFull(full);
      return { full, repository, tag, sizeBytes, digest: manifestDigest(full) };
    })
    .sort((a, b) => a.repository.localeCompare(b.repository) || a.tag.localeCompare(b.tag));
}

/** One image by its fully qualified tag reference, if the registry holds it. */
function findTagged(state: RegistryState, full: string): number | undefined {
  if (state.removed.includes(full)) return undefined;
  if (Object.hasOwn(state.pushed, full)) return state.pushed[full];
  const [repository, tag] = splitFull(full);
  const tags = Object.hasOwn(catalog, repository) ? catalog[repository] : undefined;
  return tags && Object.hasOwn(tags, tag) ? tags[tag] : undefined;
}

function repositoryExists(state: RegistryState, repository: string): boolean {
  return registryImages(state).some((image) => image.repository === repository);
}

/** The runtime's error for a failed resolve, worded as containerd's CRI plugin returns it (#44, #90). */
export const pullErrors = {
  notFound: (full: string) =>
    `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`,
  accessDenied: (full: string) =>
    `rpc error: code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
  noSuchHost: (reference: ImageReference) =>
    `rpc error: code = Unknown desc = failed to pull and unpack image "${reference.full}": failed to resolve reference "${reference.full}": failed to do request: Head "https://${reference.domain}/v2/${reference.path}/manifests/${reference.digest ?? reference.tag}": dial tcp: lookup ${reference.domain}: no such host`,
};

export type Resolution = { ok: true; full: string; sizeBytes: number } | { ok: false; error: string };

/** What resolving the reference against the registry gives: the image, or the runtime's error. */
export function resolveImage(state: RegistryState, reference: ImageReference): Resolution {
  const hostKnown = catalogHosts.has(reference.domain) || Object.keys(state.pushed).some((full) => full.startsWith(`${reference.domain}/`));
  if (!hostKnown) return { ok: false, error: pullErrors.noSuchHost(reference) };
  if (reference.digest !== undefined) {
    const image = registryImages(state).find((entry) => entry.repository === reference.repository && entry.digest === reference.digest);
    if (image) return { ok: true, full: reference.full, sizeBytes: image.sizeBytes };
  } else {
    const size = findTagged(state, reference.full);
    if (size !== undefined) return { ok: true, full: reference.full, sizeBytes: size };
  }
  // Docker Hub hides whether a repository exists: a missing one is an authorization failure.
  if (reference.domain === 'docker.io' && !repositoryExists(state, reference.repository))
    return { ok: false, error: pullErrors.accessDenied(reference.full) };
  return { ok: false, error: pullErrors.notFound(reference.full) };
}

/** The size of an image a node holds (for crictl and the Pulled event), from the registry's record. */
export function imageSize(state: RegistryState, full: string): number {
  return findTagged(state, full) ?? catalogSize(full) ?? pushedImageSize(full);
}

function catalogSize(full: string): number | undefined {
  const [repository, tag] = splitFull(full);
  return Object.hasOwn(catalog, repository) && Object.hasOwn(catalog[repository], tag) ? catalog[repository][tag] : undefined;
}

export const registryMessages = {
  usage: 'error: sim registry list [REPOSITORY] | sim registry push NAME[:TAG] | sim registry rm NAME[:TAG]',
  nameRequired: (verb: string) => `error: sim registry ${verb} needs an image name, like nginx:1.27 or registry.example.com/shop/web:2.0`,
  invalid: (text: string, detail: string) => `error: invalid image name "${text}": ${detail}`,
  digestRef: (text: string) => `error: "${text}" names a digest: push and rm take NAME[:TAG]`,
  notInRegistry: (full: string) => `error: manifest unknown: ${full} is not in the registry`,
  noImages: (filter: string) => `No images in the registry match "${filter}".\n`,
  pushed: (reference: ImageReference) =>
    `The push refers to repository [${reference.repository}]\n${reference.tag}: digest: ${manifestDigest(reference.full)} size: ${manifestSize(reference.full)}\n`,
  removed: (reference: ImageReference) =>
    `Deleted: ${reference.full}\n(nodes that already pulled it keep their copy; new pulls of it fail)\n`,
};

/** `sim registry push`: the image (as if built and pushed) now resolves. */
export function pushImage(state: RegistryState, reference: ImageReference): void {
  state.removed = state.removed.filter((full) => full !== reference.full);
  if (catalogSize(reference.full) === undefined) state.pushed[reference.full] ??= pushedImageSize(reference.full);
}

/** `sim registry rm`: false when the registry does not hold the image. */
export function removeImage(state: RegistryState, reference: ImageReference): boolean {
  if (findTagged(state, reference.full) === undefined) return false;
  if (Object.hasOwn(state.pushed, reference.full)) delete state.pushed[reference.full];
  if (catalogSize(reference.full) !== undefined) state.removed.push(reference.full);
  return true;
}

/** A NAME[:TAG] argument of push or rm, parsed, or the message for the terminal. */
export function referenceArgument(text: string): ImageReference | { error: string } {
  const parsed = parseImageReference(text);
  if (!isReference(parsed)) return { error: registryMessages.invalid(text, parsed.error) };
  if (parsed.digest !== undefined) return { error: registryMessages.digestRef(text) };
  return parsed;
}
