/** The command lines of a script: blank lines and `#` comments are skipped. */
export function scriptLines(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
