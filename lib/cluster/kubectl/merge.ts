// Client-side apply's three-way merge (apimachinery strategicpatch CreateThreeWayMergePatch, then
// applying that patch to the live object), over plain JSON values so that every field any kind
// has merges the same way, whoever adds it:
//   - a field set in the file takes the file's value;
//   - a field the previous apply set (last-applied) and the file no longer has is removed;
//   - a field only the live object has (defaults, `kubectl scale`, controllers' annotations) stays.
// Lists whose Go type declares a patchMergeKey merge element by element on that key; all other
// lists are replaced whole, as the strategic patch does for atomic lists.
import type { Json, JsonObject } from './output/objects';

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

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
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
  const keyOf = (item: Json) => (isObject(item) ? JSON.stringify(item[key] ?? null) : undefined);
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
  if (isObject(modified))
    return mergeMaps(isObject(original) ? original : undefined, modified, isObject(current) ? current : undefined, path);
  const key = Array.isArray(modified) ? mergeKeyFor(path) : undefined;
  if (Array.isArray(modified) && key) return mergeList(original, modified, current, path, key);
  return modified;
}
