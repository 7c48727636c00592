// What containerd on a node calls things: 64-hex container and sandbox IDs, derived from the pod's
// uid so kubectl (status.containerStatuses[].containerID) and crictl on the node print the same
// IDs without the runtime storing more state; and image references as containerd stores them.

/** A stable 64-hex digest of a text: eight FNV-1a passes with different offsets. */
export function digest(text: string): string {
  let out = '';
  for (let round = 0; round < 8; round++) {
    let hash = (2166136261 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 16777619);
    }
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0x5bd1e995);
    hash ^= hash >>> 15;
    out += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

/** The ID of a container: one per pod uid, container name and restart. */
export const containerId = (podUid: string, container: string, restartCount: number) => digest(`${podUid}/${container}/${restartCount}`);

/** The ID of the pod's sandbox (its pause container), shared by every container of the pod. */
export const sandboxId = (podUid: string) => digest(`${podUid}/sandbox`);

/** The pause image the sandbox runs (containerd 2 with Kubernetes 1.32). */
export const pauseImage = 'registry.k8s.io/pause:3.10';

/** An image reference as containerd stores it: docker.io/library/nginx:1.27 for nginx:1.27. */
export function fullImageName(image: string): string {
  const [first, ...rest] = image.split('/');
  const hasRegistry = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const path = hasRegistry ? rest.join('/') : image;
  const named = hasRegistry ? image : `docker.io/${path.includes('/') ? '' : 'library/'}${path}`;
  const lastPart = named.slice(named.lastIndexOf('/') + 1);
  return lastPart.includes(':') || lastPart.includes('@') ? named : `${named}:latest`;
}

/** The image's repository digest (what kubectl shows as imageID). */
export function imageRef(image: string): string {
  const full = fullImageName(image);
  const repository = full.slice(0, full.lastIndexOf(':') > full.lastIndexOf('/') ? full.lastIndexOf(':') : full.length);
  return `${repository}@sha256:${digest(`image:${full}`)}`;
}
