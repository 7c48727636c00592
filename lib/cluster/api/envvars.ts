// The downward API fields an environment variable may read (#120): what validation accepts and
// what the kubelet resolves (kubelet/envvars.ts).

/** The fieldRef paths validation accepts for an env var (validEnvDownwardAPIFieldPathExpressions), sorted. */
export const envFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
] as const;

/** metadata.labels['KEY'] and metadata.annotations['KEY'] name one entry of the pod's maps. */
export const subscripted = /^metadata\.(labels|annotations)\['(.+)'\]$/;

/** validateObjectFieldSelector for env: a supported path or one label or annotation. */
export const validFieldPath = (path: string): boolean => subscripted.test(path) || (envFieldPaths as readonly string[]).includes(path);

/** validation.IsEnvVarName, the strict rule kubectl's own parsers still apply (run --env, set env). */
export const isEnvVarName = (name: string): boolean => /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name);
