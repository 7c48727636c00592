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

export class Rng {
  constructor(public state: number) {}

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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

  uid(): string {
    const hex = () => this.int(0x10000).toString(16).padStart(4, '0');
    return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
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
