// cobra/pflag-style flag parsing: --name=value, --name value, -n value, -nvalue, bool flags,
// with kubectl's error texts for unknown flags and missing values.
import { kubectlErrors } from '../api/errors';

export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string';
  /** Flags that may repeat (e.g. --filename) collect every value. */
  repeat?: boolean;
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | boolean | string[]>;
}

const truthy = new Set(['true', '1', 't', 'T', 'TRUE', 'True']);
const falsy = new Set(['false', '0', 'f', 'F', 'FALSE', 'False']);

export function parseArgs(args: string[], specs: readonly FlagSpec[]): ParsedArgs | { error: string } {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short!, spec]));
  const out: ParsedArgs = { positional: [], flags: {} };
  const set = (spec: FlagSpec, value: string | boolean) => {
    if (spec.repeat) out.flags[spec.name] = [...((out.flags[spec.name] as string[] | undefined) ?? []), String(value)];
    else out.flags[spec.name] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const spec = byName.get(name);
      if (!spec) return { error: kubectlErrors.unknownFlag(`--${name}`) };
      if (spec.type === 'bool') {
        if (inline === undefined) set(spec, true);
        else if (truthy.has(inline)) set(spec, true);
        else if (falsy.has(inline)) set(spec, false);
        else
          return { error: kubectlErrors.invalidFlagValue(inline, `--${name}`, `strconv.ParseBool: parsing "${inline}": invalid syntax`) };
        continue;
      }
      if (inline !== undefined) set(spec, inline);
      else if (i + 1 < args.length) set(spec, args[++i]);
      else return { error: kubectlErrors.flagNeedsArgument(`--${name}`) };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      const letter = arg[1];
      const spec = byShort.get(letter);
      if (!spec) return { error: kubectlErrors.unknownShorthand(letter, arg) };
      const rest = arg.slice(2).replace(/^=/, '');
      if (spec.type === 'bool') {
        if (rest) return { error: kubectlErrors.unknownShorthand(rest[0], arg) };
        set(spec, true);
      } else if (rest) set(spec, rest);
      else if (i + 1 < args.length) set(spec, args[++i]);
      else return { error: `error: flag needs an argument: '${letter}' in -${letter}` };
      continue;
    }
    out.positional.push(arg);
  }
  return out;
}

export const namespaceFlags: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
];
