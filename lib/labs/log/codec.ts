import { labLogSchema, type LabEvent, type LabLog } from './events';

/**
 * Logs in links: events become short tuples with times as differences from the previous event
 * (most are small), the JSON is deflated and written in base64url, so a 50-command session fits
 * in a URL of about 2,000 characters.
 */

type Tuple = ['r', number, string] | ['t' | 'c' | 'l', number] | ['j', number, number];
const letters = { tick: 't', cancel: 'c', clear: 'l' } as const;
const kinds = { t: 'tick', c: 'cancel', l: 'clear' } as const;

function toTuples(events: readonly LabEvent[]): Tuple[] {
  let last = 0;
  return events.map((event) => {
    const dt = event.at - last;
    last = event.at;
    if (event.k === 'run') return ['r', dt, event.cmd];
    if (event.k === 'jumpDone') return ['j', dt, event.ms];
    return [letters[event.k], dt];
  });
}

function fromTuples(tuples: unknown): unknown[] {
  if (!Array.isArray(tuples)) return [];
  let at = 0;
  return tuples.map((tuple) => {
    if (!Array.isArray(tuple) || typeof tuple[1] !== 'number') return tuple;
    at += tuple[1];
    if (tuple[0] === 'r') return { k: 'run', at, cmd: tuple[2] };
    if (tuple[0] === 'j') return { k: 'jumpDone', at, ms: tuple[2] };
    const k = kinds[tuple[0] as keyof typeof kinds];
    return k ? { k, at } : tuple;
  });
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const response = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

const toBase64Url = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

/** The log as URL-safe text. */
export async function encodeLabLog(log: LabLog): Promise<string> {
  const compact: unknown[] = [log.v, log.model, log.lab, log.seed, log.now, log.hash ?? '', toTuples(log.events)];
  // Last, so links made before playgrounds existed read the same.
  if (log.setup) compact.push(log.setup);
  const json = new TextEncoder().encode(JSON.stringify(compact));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** A link's payload back to a log: anything malformed, oversized or tampered with is refused, never thrown. */
export async function decodeLabLog(text: string, maxChars = 64_000): Promise<LabLog | undefined> {
  if (text.length > maxChars || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const bytes = await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'));
    if (bytes.length > maxChars * 20) return undefined;
    const compact = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(compact)) return undefined;
    const [v, model, lab, seed, now, hash, tuples, setup] = compact;
    const parsed = labLogSchema.safeParse({
      v,
      model,
      lab,
      seed,
      now,
      ...(hash ? { hash } : {}),
      ...(setup === undefined ? {} : { setup }),
      events: fromTuples(tuples),
    });
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
