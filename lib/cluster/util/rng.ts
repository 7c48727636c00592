// The seeded random source behind every generated name, jitter and scheduling tie. Its whole
// state is one 32-bit number, so snapshots carry it and restores continue the same sequence.
const nameAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

export function seedToState(seed: number | string): number {
  const text = String(seed);
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/** mulberry32's state step: a counter. */
export function nextState(state: number): number {
  return (state + 0x6d2b79f5) >>> 0;
}

/** mulberry32's output for a state as a 32-bit unsigned integer (outputOf times 2^32). */
export function outputBitsOf(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** mulberry32's output for a state: a float in [0, 1). For hot loops that keep the state in a local. */
export function outputOf(state: number): number {
  return outputBitsOf(state) / 4294967296;
}

const hexCodes = Array.from('0123456789abcdef', (char) => char.charCodeAt(0));
const uidCodes = new Array<number>(36);

export class Rng {
  constructor(public state: number) {}

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = nextState(this.state);
    return outputOf(this.state);
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  between(min: number, max: number): number {
    return min + Math.round(this.next() * (max - min));
  }

  /** utilrand.String: the suffix of generated names such as web-7d9f8c6b5-x2k4p. */
  suffix(length = 5): string {
    let out = '';
    for (let i = 0; i < length; i++) out += nameAlphabet[this.int(nameAlphabet.length)];
    return out;
  }

  /** A version-4 style UID: eight 16-bit draws, as 8-4-4-4-12 hex digits. */
  uid(): string {
    const codes = uidCodes;
    let at = 0;
    for (let group = 0; group < 8; group++) {
      const value = this.int(0x10000);
      // Groups 3 and 4 start with a fixed version / variant digit instead of their first one.
      const first = group === 3 ? 52 /* '4' */ : group === 4 ? 97 /* 'a' */ : hexCodes[value >>> 12];
      if (group === 2 || group === 3 || group === 4 || group === 5) codes[at++] = 45; /* '-' */
      codes[at++] = first;
      codes[at++] = hexCodes[(value >>> 8) & 15];
      codes[at++] = hexCodes[(value >>> 4) & 15];
      codes[at++] = hexCodes[value & 15];
    }
    return String.fromCharCode.apply(null, codes as unknown as number[]);
  }
}

const hashes = new WeakMap<object, string>();

/** pod-template-hash: FNV-32a of the template, its decimal digits mapped like rand.SafeEncodeString. */
export function templateHash(value: object): string {
  const cached = hashes.get(value);
  if (cached) return cached;
  const decimal = String(seedToState(JSON.stringify(value)));
  let out = '';
  for (const digit of decimal) out += nameAlphabet[digit.charCodeAt(0) % nameAlphabet.length];
  hashes.set(value, out);
  return out;
}
