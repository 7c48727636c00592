// A terminal transcript as chapters print it (```console blocks): lines after a "$ " prompt are
// commands (a trailing backslash continues one), the lines after a command are its output.
// The copy button copies only the commands; the chapter-command test runs them.

export interface ConsoleStep {
  command: string;
  output: string[];
}

export function consoleSteps(text: string): ConsoleStep[] {
  const steps: ConsoleStep[] = [];
  const lines = text.replace(/\n$/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const prompt = /^\$ (.*)$/.exec(lines[i]);
    if (!prompt) {
      steps.at(-1)?.output.push(lines[i]);
      continue;
    }
    let command = prompt[1];
    while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1).trimEnd()} ${lines[++i].trim()}`;
    steps.push({ command: command.trim(), output: [] });
  }
  return steps;
}

/** What the copy button of a console block puts on the clipboard: the commands, one a line. */
export function consoleCommands(text: string): string {
  return consoleSteps(text)
    .map((step) => step.command)
    .join('\n');
}
