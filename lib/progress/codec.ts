import { progressErrors } from './errors';
import { currentVersion } from './keys';
import { migrate } from './migrate';
import { anyProgressSchema, exportFileSchema, exportFormat, versionProbeSchema, type Progress } from './schema';

/**
 * Turning stored text and export files into checked progress data and back. Pure: no storage,
 * no clock (the time is passed in), so every branch is easy to test.
 */

export type Decoded = { progress: Progress; migratedFrom?: number } | { unreadable: string } | { newer: number };

/** The largest export file accepted; checked against the file's size before it is read. */
export const importLimitBytes = 5_000_000;

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): { where: string; reason: string } {
  const issue = error.issues[0];
  return { where: issue?.path.map(String).join('.') || 'top level', reason: issue?.message ?? 'unknown problem' };
}

/** Checks and migrates a progress value of any known version. */
function decodeValue(value: unknown, now: number): Decoded {
  const probe = versionProbeSchema.safeParse(value);
  // Not damaged: written by a newer build (another tab, or this site after an update). Kept as is.
  if (probe.success && probe.data.version > currentVersion) return { newer: probe.data.version };
  const parsed = anyProgressSchema.safeParse(value);
  if (!parsed.success) {
    const { where, reason } = firstIssue(parsed.error);
    return { unreadable: `${where}: ${reason}` };
  }
  const progress = migrate(parsed.data, now);
  return parsed.data.version === currentVersion ? { progress } : { progress, migratedFrom: parsed.data.version };
}

/** Reads what the store saved. Anything unreadable (damaged, foreign) or newer is reported, never thrown. */
export function decodeStored(raw: string, now: number): Decoded {
  const json = parseJson(raw);
  return json ? decodeValue(json.value, now) : { unreadable: 'not JSON' };
}

export function encodeStored(progress: Progress): string {
  return JSON.stringify(progress);
}

export function exportFileName(now: number): string {
  return `clusterbook-progress-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export function encodeExport(progress: Progress, now: number): string {
  return JSON.stringify({ format: exportFormat, version: currentVersion, exportedAt: new Date(now).toISOString(), progress }, null, 2);
}

/** Reads an export file; any problem comes back as a message for the reader. */
export function decodeImport(text: string, now: number): { progress: Progress; migratedFrom?: number } | { error: string } {
  if (text.length > importLimitBytes) return { error: progressErrors.importTooLarge };
  const json = parseJson(text);
  if (!json) return { error: progressErrors.importNotJson };
  const file = exportFileSchema.safeParse(json.value);
  if (!file.success) return { error: progressErrors.importNotProgress };
  if (file.data.version > currentVersion) return { error: progressErrors.importNewer(file.data.version, currentVersion) };
  const parsed = anyProgressSchema.safeParse(file.data.progress);
  if (!parsed.success) {
    const { where, reason } = firstIssue(parsed.error);
    return { error: progressErrors.importDamaged(where, reason) };
  }
  if (parsed.data.version !== file.data.version)
    return { error: progressErrors.importDamaged('version', `the file says ${file.data.version}, its data says ${parsed.data.version}`) };
  const progress = migrate(parsed.data, now);
  return parsed.data.version === currentVersion ? { progress } : { progress, migratedFrom: parsed.data.version };
}
