// Kubernetes resource quantities: CPU in millicores, memory in bytes.
const memorySuffix: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** "100m" -> 100, "0.5" -> 500, "2" -> 2000; undefined when malformed. */
export function parseCpu(text: string | number): number | undefined {
  const source = String(text).trim();
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(source);
  if (!match) return undefined;
  return match[2] === 'm' ? Math.round(Number(match[1])) : Math.round(Number(match[1]) * 1000);
}

/** "128Mi" -> 134217728, "1G" -> 1e9; undefined when malformed. */
export function parseMemory(text: string | number): number | undefined {
  const source = String(text).trim();
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(source);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * memorySuffix[match[2] ?? '']);
}

export function formatCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

export function formatMemory(bytes: number): string {
  for (const suffix of ['Ti', 'Gi', 'Mi', 'Ki']) {
    if (bytes >= memorySuffix[suffix] && bytes % memorySuffix[suffix] === 0) return `${bytes / memorySuffix[suffix]}${suffix}`;
  }
  return String(bytes);
}
