// cobra/pflag-style flag parsing: --name=value, --name value, -n value, -nvalue, bool flags,
// with kubectl's error texts for unknown flags and missing values. A flag's value type follows
// from its spec: bool -> boolean, string -> string, strings (repeatable) -> string[], int and
// int32 -> number read as Go's strconv.ParseInt(s, 0, 64 | 32) reads it.
import { kubectlErrors } from '../api/errors';
import { parseGoInt } from '../util/strconv';

export type FlagType = 'bool' | 'string' | 'strings' | 'int' | 'int32';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
}

type ValueOf<T extends FlagType> = T extends 'bool'
  ? boolean
  : T extends 'strings'
    ? string[]
    : T extends 'int' | 'int32'
      ? number
      : string;

/** The parsed flags, keyed by name, each typed by its spec; absent when not given. */
export type Flags<S extends readonly FlagSpec[]> = { [F in S[number] as F['name']]?: ValueOf<F['type']> };

export interface ParsedArgs<S extends readonly FlagSpec[]> {
  positional: string[];
  flags: Flags<S>;
  /** How many positional arguments came before `--`, if there was one (cobra's ArgsLenAtDash). */
  dashAt?: number;
}

const truthy = new Set(['true', '1', 't', 'T', 'TRUE', 'True']);
const falsy = new Set(['false', '0', 'f', 'F', 'FALSE', 'False']);

/** How pflag names a flag in "invalid argument" errors. */
const flagLabel = (spec: FlagSpec) => (spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`);

type Value = string | boolean | number | string[];

/** Converts one flag value as pflag's Value.Set does, or returns pflag's error. */
function convert(spec: FlagSpec, text: string, previous: Value | undefined): Value | { error: string } {
  switch (spec.type) {
    case 'bool':
      if (truthy.has(text)) return true;
      if (falsy.has(text)) return false;
      return {
        error: kubectlErrors.invalidFlagValue(text, flagLabel(spec), `strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`),
      };
    case 'int':
    case 'int32': {
      const parsed = parseGoInt(text, spec.type === 'int' ? 64 : 32);
      return parsed.ok ? parsed.value : { error: kubectlErrors.invalidFlagValue(text, flagLabel(spec), parsed.error) };
    }
    case 'strings':
      return [...((previous as string[] | undefined) ?? []), text];
    case 'string':
      return text;
  }
}

export function parseArgs<const S extends readonly FlagSpec[]>(args: readonly string[], specs: S): ParsedArgs<S> | { error: string } {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.flatMap((spec) => (spec.short ? [[spec.short, spec] as const] : [])));
  const values = new Map<string, Value>();
  const positional: string[] = [];
  let dashAt: number | undefined;
  const set = (spec: FlagSpec, text: string): string | undefined => {
    const value = convert(spec, text, values.get(spec.name));
    if (typeof value === 'object' && !Array.isArray(value)) return value.error;
    values.set(spec.name, value);
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      dashAt = positional.length;
      positional.push(...args.slice(i + 1));
      break;
    }
    let error: string | undefined;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const spec = byName.get(name);
      if (!spec) return { error: kubectlErrors.unknownFlag(`--${name}`) };
      if (spec.type === 'bool') error = set(spec, inline ?? 'true');
      else if (inline !== undefined) error = set(spec, inline);
      else if (i + 1 < args.length) error = set(spec, args[++i]);
      else return { error: kubectlErrors.flagNeedsArgument(`--${name}`) };
    } else if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      // Shorthands combine as in pflag: -it is -i -t; a letter that takes a value takes the rest (-nkube-system).
      for (let at = 1; at < arg.length && !error; at++) {
        const letter = arg[at];
        const spec = byShort.get(letter);
        if (!spec) return { error: kubectlErrors.unknownShorthand(letter, arg) };
        if (spec.type === 'bool') {
          const inline = arg[at + 1] === '=' ? arg.slice(at + 2) : undefined;
          error = set(spec, inline ?? 'true');
          if (inline !== undefined) break;
          continue;
        }
        const rest = arg.slice(at + 1).replace(/^=/, '');
        if (rest) error = set(spec, rest);
        else if (i + 1 < args.length) error = set(spec, args[++i]);
        else return { error: kubectlErrors.shorthandNeedsArgument(letter) };
        break;
      }
    } else positional.push(arg);
    if (error) return { error };
  }
  // A prototype-free object: a flag named like an Object.prototype member reads as absent.
  const flags = Object.assign(Object.create(null), Object.fromEntries(values)) as Flags<S>;
  return { positional, flags, ...(dashAt === undefined ? {} : { dashAt }) };
}

export const namespaceFlags = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
] as const satisfies readonly FlagSpec[];
