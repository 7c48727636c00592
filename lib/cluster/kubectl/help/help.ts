// kubectl's help screens in its own layout, and cobra's "Did you mean this?" for a mistyped
// command (Levenshtein distance of at most 2, or a prefix of a command's name).
import { commandGroups, commandHelp, commandHelpByName, type CommandHelp } from './commands';

const footer = 'Use "kubectl options" for a list of global command-line options (applies to all commands).';

/** `kubectl` and `kubectl help`: the command list by group. */
export function rootHelp(): string {
  const width = Math.max(...commandHelp.map((entry) => entry.name.length)) + 2;
  const sections = commandGroups
    .map((group) => {
      const entries = commandHelp.filter((entry) => entry.group === group);
      if (entries.length === 0) return '';
      return `${group}:\n${entries.map((entry) => `  ${entry.name.padEnd(Math.max(width, 16))}${entry.summary}`).join('\n')}\n\n`;
    })
    .join('');
  return (
    'kubectl controls the Kubernetes cluster manager.\n\n' +
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
    sections +
    'Usage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n' +
    `${footer}\n`
  );
}

/** `kubectl CMD --help`: description, Examples:, Options:, Usage:. */
export function commandHelpText(entry: CommandHelp): string {
  const examples = entry.examples.map(([comment, command]) => `  # ${comment}\n  ${command}`).join('\n\n');
  const options = [...entry.options]
    .sort((a, b) => a.flag.localeCompare(b.flag))
    .map((option) => `    ${option.short ? `-${option.short}, ` : ''}--${option.flag}=${option.value}:\n\t${option.text}`)
    .join('\n\n');
  return (
    `${entry.description}\n\n` +
    `Examples:\n${examples}\n\n` +
    (options ? `Options:\n${options}\n\n` : '') +
    `Usage:\n  ${entry.usage}\n\n` +
    `${footer}\n`
  );
}

export function helpFor(name: string): string | undefined {
  const entry = commandHelpByName.get(name);
  return entry ? commandHelpText(entry) : undefined;
}

/** Levenshtein distance, case-insensitive as cobra compares. */
export function editDistance(a: string, b: string): number {
  const [s, t] = [a.toLowerCase(), b.toLowerCase()];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length];
}

/** Commands close to what was typed, in cobra's order (the command table's). */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  return names.filter((name) => editDistance(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase()));
}

export function didYouMean(suggestions: string[]): string {
  return suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((name) => `\t${name}`).join('\n')}` : '';
}
