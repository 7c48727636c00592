// POSIX getopt for the text filters: clustered short flags (-iv), values attached or apart
// (-A1, -A 1, -n5), long names mapped to letters, and -- to end options.
import { shellErrors } from './errors';

export interface GetoptSpec {
  /** Letters that take no value. */
  flags: string;
  /** Letters that take a value. */
  values: string;
  /** Long options as their short letter ("--count" -> "c"). */
  long?: Record<string, string>;
  /** Accepts -N as a number option (head -5, tail -3, grep -2). */
  numeric?: string;
  /** Value letters that may repeat (grep -e A -e B), joined by newlines as grep reads them. */
  repeat?: string;
}

export interface GetoptResult {
  options: Map<string, string | true>;
  operands: string[];
}

export function getopt(program: string, args: string[], spec: GetoptSpec): GetoptResult | { error: string } {
  const options = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const letter = spec.long?.[name];
      if (!letter) return { error: `${program}: unrecognized option '--${name}'` };
      if (spec.values.includes(letter)) {
        const value = inline ?? args[++i];
        if (value === undefined) return { error: `${program}: option '--${name}' requires an argument` };
        options.set(letter, value);
      } else options.set(letter, true);
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    if (spec.numeric && /^-\d+$/.test(arg)) {
      options.set(spec.numeric, arg.slice(1));
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      if (spec.values.includes(letter)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) return { error: shellErrors.missingArgument(program, letter) };
        const earlier = options.get(letter);
        options.set(letter, spec.repeat?.includes(letter) && typeof earlier === 'string' ? `${earlier}\n${value}` : value);
        break;
      }
      if (!spec.flags.includes(letter)) return { error: shellErrors.invalidOption(program, letter) };
      options.set(letter, true);
    }
  }
  return { options, operands };
}
