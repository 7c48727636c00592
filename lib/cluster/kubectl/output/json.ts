// The JSON values the printers work on, and the time and emptiness rules the API's encoding follows.
import { simulatedEpochMs } from '../env';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A JSON object: not null, not a list. */
export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 3339 at second precision, as metav1.Time marshals. */
export const isoTime = (simMs: number) => new Date(simulatedEpochMs + Math.floor(simMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** RFC 3339 with microseconds, as metav1.MicroTime marshals (Lease renewTime). */
export const microTime = (simMs: number) => new Date(simulatedEpochMs + simMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

export const compact = (object: Record<string, Json | undefined>): JsonObject => {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
};
export const nonEmpty = (record: Record<string, string>) => (Object.keys(record).length > 0 ? { ...record } : undefined);
