import { decodeImport, encodeExport, importLimitBytes } from './codec';
import { progressErrors } from './errors';
import type { Progress } from './schema';

/**
 * Progress moved to another device without a server: the export file, deflated and written in
 * base64url after `#progress=` in a link (a fragment never reaches a server). Opening the link
 * runs the same checks as importing the file.
 */
export const transferParam = 'progress';

/** Longest payload read from a link, checked before anything is decompressed. */
export const transferLimitChars = 400_000;

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  // A Response body, not Blob.stream(): jsdom's Blob has no stream(), every browser and Node have Response.
  const reader = new Response(bytes as BodyInit).body!.pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // A small payload that inflates to gigabytes stops here, not in memory.
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const toBase64Url = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The progress as a link payload (the export file, without its indentation). */
export async function encodeTransfer(progress: Progress, now: number): Promise<string> {
  const compact = JSON.stringify(JSON.parse(encodeExport(progress, now)));
  return toBase64Url(await pipe(new TextEncoder().encode(compact), new CompressionStream('deflate-raw')));
}

/** The link for a page URL: `base` is where the progress tools are (e.g. https://host/quiz). */
export const transferLink = (base: string, payload: string) => `${base}#${transferParam}=${payload}`;

/** The payload in a location hash, if it holds one. */
export function transferPayload(hash: string): string | undefined {
  const match = new RegExp(`^#${transferParam}=(.*)$`).exec(hash);
  return match ? match[1] : undefined;
}

/** A payload back to the export text and its checked progress; any problem is a message, never a throw. */
export async function decodeTransfer(
  payload: string,
  now: number,
): Promise<{ text: string; progress: Progress; migratedFrom?: number } | { error: string }> {
  if (payload.length > transferLimitChars) return { error: progressErrors.transferTooLarge };
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return { error: progressErrors.transferDamaged };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(
        fromBase64Url(payload),
        new DecompressionStream('deflate-raw'),
        importLimitBytes,
      ) /* no larger than an export file may be */,
    );
  } catch {
    return { error: progressErrors.transferDamaged };
  }
  const decoded = decodeImport(text, now);
  return 'error' in decoded ? decoded : { text, ...decoded };
}
