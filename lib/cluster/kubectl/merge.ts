// Client-side apply's three-way merge (apimachinery strategicpatch CreateThreeWayMergePatch, then
// applying that patch to the live object), over plain JSON values so that every field any kind
// has merges the same way, whoever adds it:
//   - a field set in the file takes the file's value;
//   - a field the previous apply set (last-applied) and the file no longer has is removed;
//   - a field only the live object has (defaults, `kubectl scale`, controllers' annotations) stays.
// Lists whose Go type declares a patchMergeKey merge element by element on that key; all other
// lists are replaced whole, as the strategic patch does for atomic lists.
import type { Json, JsonObject } from './output/objects';
import { isJsonObject } from './output/json';

/** patchMergeKey of the core and apps types, by the path suffix of the list ("[]" marks an element). */
const mergeKeys: readonly { suffix: string; key: string }[] = [
  { suffix: 'containers[].ports', key: 'containerPort' },
  { suffix: 'initContainers[].ports', key: 'containerPort' },
  { suffix: 'containers[].env', key: 'name' },
  { suffix: 'initContainers[].env', key: 'name' },
  { suffix: 'containers[].volumeMounts', key: 'mountPath' },
  { suffix: 'initContainers[].volumeMounts', key: 'mountPath' },
  { suffix: 'initContainers', key: 'name' },
  { suffix: 'containers', key: 'name' },
  { suffix: 'volumes', key: 'name' },
  { suffix: 'imagePullSecrets', key: 'name' },
  { suffix: 'hostAliases', key: 'ip' },
  { suffix: 'topologySpreadConstraints', key: 'topologyKey' },
];

/** Service spec.ports merge on port; a pod spec has no `ports` of its own, so the full path is used. */
const exactMergeKeys: Readonly<Record<string, string>> = { 'spec.ports': 'port' };

function mergeKeyFor(path: string): string | undefined {
  if (Object.hasOwn(exactMergeKeys, path)) return exactMergeKeys[path];
  return mergeKeys.find(({ suffix }) => path === suffix || path.endsWith(`.${suffix}`))?.key;
}

export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
}

const child = (path: string, key: string) => (path ? `${path}.${key}` : key);

function mergeMaps(original: JsonObject | undefined, modified: JsonObject, current: JsonObject | undefined, path: string): JsonObject {
  // Built key by key on a prototype-free object: a manifest key like "__proto__" stays a plain key.
  const out: JsonObject = Object.create(null);
  for (const [key, value] of Object.entries(current ?? {})) out[key] = value;
  for (const [key, value] of Object.entries(modified)) {
    // null in the file deletes the field, as in a merge patch.
    if (value === null) delete out[key];
    else out[key] = threeWayMerge(original?.[key], value, current?.[key], child(path, key));
  }
  for (const key of Object.keys(original ?? {})) if (!Object.hasOwn(modified, key)) delete out[key];
  return { ...out };
}

function mergeList(original: Json | undefined, modified: Json[], current: Json | undefined, path: string, key: string): Json[] {
  const keyOf = (item: Json) => (isJsonObject(item) ? JSON.stringify(item[key] ?? null) : undefined);
  const index = (list: Json | undefined) => {
    const byKey = new Map<string, Json>();
    if (Array.isArray(list)) for (const item of list) if (keyOf(item) !== undefined) byKey.set(keyOf(item)!, item);
    return byKey;
  };
  const before = index(original);
  const live = index(current);
  const wanted = new Set(modified.map(keyOf));
  // The file's elements in the file's order ($setElementOrder), then the live object's others,
  // except those the previous apply set and the file dropped.
  const merged = modified.map((item) => {
    const id = keyOf(item);
    return id === undefined ? item : threeWayMerge(before.get(id), item, live.get(id), `${path}[]`);
  });
  for (const item of Array.isArray(current) ? current : []) {
    const id = keyOf(item);
    if (id !== undefined && !wanted.has(id) && !before.has(id)) merged.push(item);
  }
  return merged;
}

/**
 * The object after applying `modified` over `current`, given what the previous apply sent
 * (`original`, absent for an object never applied). `path` is the dotted field path, for merge keys.
 */
export function threeWayMerge(original: Json | undefined, modified: Json, current: Json | undefined, path = ''): Json {
  if (isJsonObject(modified))
    return mergeMaps(isJsonObject(original) ? original : undefined, modified, isJsonObject(current) ? current : undefined, path);
  const key = Array.isArray(modified) ? mergeKeyFor(path) : undefined;
  if (Array.isArray(modified) && key) return mergeList(original, modified, current, path, key);
  return modified;
}

/** A JSON merge patch (RFC 7386, `kubectl patch --type merge`): maps merge, null deletes, anything else replaces. */
export function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isJsonObject(patch)) return patch;
  const out: JsonObject = Object.create(null);
  for (const [key, value] of Object.entries(isJsonObject(target) ? target : {})) out[key] = value;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return { ...out };
}

/** One JSON patch operation that did not apply, worded as the API server's jsonpatch library words it. */
export class JsonPatchError extends Error {}

const pointer = (path: string): string[] => {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${JSON.stringify(path)}`);
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
};

/** The container (in the working copy) that holds the last token of `path`. */
function parentOf(root: Json, tokens: string[], op: string, path: string): { parent: JsonObject | Json[]; key: string } {
  let node: Json = root;
  for (const token of tokens.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(node) ? node[Number(token)] : isJsonObject(node) ? node[token] : undefined;
    if (next === undefined || next === null || typeof next !== 'object')
      throw new JsonPatchError(`${op} operation does not apply: doc is missing path: ${JSON.stringify(path)}`);
    node = next;
  }
  return { parent: node as JsonObject | Json[], key: tokens[tokens.length - 1] };
}

/** A JSON patch (RFC 6902, `kubectl patch --type json`): add, remove, replace, move, copy and test, in order. */
export function jsonPatch(document: Json, operations: readonly Json[]): Json {
  let root = structuredClone(document);
  const read = (path: string, op: string): Json => {
    const tokens = pointer(path);
    if (tokens.length === 0) return root;
    const { parent, key } = parentOf(root, tokens, op, path);
    const value = Array.isArray(parent) ? parent[Number(key)] : Object.hasOwn(parent, key) ? parent[key] : undefined;
    if (value === undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing key: ${path}`);
    return value;
  };
  const remove = (path: string, op: string): void => {
    const { parent, key } = parentOf(root, pointer(path), op, path);
    if (Array.isArray(parent)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index >= parent.length)
        throw new JsonPatchError(`${op} operation does not apply: doc is missing key: ${path}`);
      parent.splice(index, 1);
    } else {
      if (!Object.hasOwn(parent, key)) throw new JsonPatchError(`${op} operation does not apply: doc is missing key: ${path}`);
      delete parent[key];
    }
  };
  const add = (path: string, value: Json, op: string, replace: boolean): void => {
    const tokens = pointer(path);
    if (tokens.length === 0) {
      root = value;
      return;
    }
    const { parent, key } = parentOf(root, tokens, op, path);
    if (Array.isArray(parent)) {
      const index = key === '-' ? parent.length : Number(key);
      if (!Number.isInteger(index) || index < 0 || index > parent.length - (replace ? 1 : 0))
        throw new JsonPatchError(`${op} operation does not apply: doc is missing key: ${path}`);
      parent.splice(index, replace ? 1 : 0, value);
    } else {
      if (replace && !Object.hasOwn(parent, key)) throw new JsonPatchError(`${op} operation does not apply: doc is missing key: ${path}`);
      parent[key] = value;
    }
  };
  for (const operation of operations) {
    if (!isJsonObject(operation) || typeof operation.op !== 'string' || typeof operation.path !== 'string')
      throw new JsonPatchError('unable to unmarshal patch: every operation needs "op" and "path"');
    const { op, path } = operation;
    const value = operation.value;
    const from = typeof operation.from === 'string' ? operation.from : undefined;
    if ((op === 'add' || op === 'replace' || op === 'test') && value === undefined)
      throw new JsonPatchError(`${op} operation has no value`);
    if ((op === 'move' || op === 'copy') && from === undefined) throw new JsonPatchError(`${op} operation has no from`);
    if (op === 'add') add(path, structuredClone(value!), op, false);
    else if (op === 'replace') add(path, structuredClone(value!), op, true);
    else if (op === 'remove') remove(path, op);
    else if (op === 'test') {
      if (!deepEqual(read(path, op), value)) throw new JsonPatchError(`testing value ${path} failed`);
    } else if (op === 'move' || op === 'copy') {
      const moved = structuredClone(read(from!, op));
      if (op === 'move') remove(from!, op);
      add(path, moved, op, false);
    } else throw new JsonPatchError(`unexpected kind: ${op}`);
  }
  return root;
}
