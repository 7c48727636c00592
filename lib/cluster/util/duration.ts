// Durations as Go and kubectl write them: parse "1m30s", print Go's Duration.String() and
// kubectl's HumanDuration (the AGE column).
const unitMs: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** Go's time.Duration is int64 nanoseconds: ParseDuration refuses anything longer (about 2562047h). */
export const maxGoDurationMs = 9_223_372_036_854;

/**
 * Parses a Go-style duration ("30s", "5m", "1h", "1m30s", "500ms"); undefined when malformed or
 * longer than a Go duration can be (a 400-digit number of hours is "invalid duration" in Go too).
 */
export function parseDuration(text: string): number | undefined {
  const source = text.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(source)) return undefined;
  let total = 0;
  for (const part of source.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(part[1]) * unitMs[part[2]];
  return total <= maxGoDurationMs ? Math.round(total) : undefined;
}

/** Go's time.Duration.String(): 0s, 500ms, 1.5s, 5m0s, 1h0m0s. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1_000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1_000;
  const secondText = `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(3))}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondText}`;
  if (minutes > 0) return `${minutes}m${secondText}`;
  return secondText;
}

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration, as printed in AGE and LAST SEEN. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1_000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${days / 365}y` : `${Math.floor(days / 365)}y${days % 365}d`;
  return `${Math.floor(days / 365)}y`;
}
