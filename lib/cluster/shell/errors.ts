// Every message the line layer prints, defined once.
export const shellErrors = {
  unsupported: (what: string) =>
    `sh: ${what} is not supported here (pipes into grep, head, tail, wc, sort, uniq, cut and awk are, and && ;)`,
  unterminatedQuote: () => 'error: unterminated quote',
  unexpectedToken: (op: string) => `sh: syntax error near unexpected token \`${op}'`,
  unexpectedEnd: () => 'sh: syntax error: unexpected end of line',
  commandNotFound: (program: string, known: string) => `sh: ${program}: command not found (commands here: ${known})`,
  noInput: (program: string) => `${program}: reading from the terminal is not supported here: pipe a command into ${program}`,
  noSuchFile: (program: string, file: string) => `${program}: ${file}: No such file or directory`,
  invalidOption: (program: string, option: string) => `${program}: invalid option -- '${option}'`,
  missingArgument: (program: string, option: string) => `${program}: option requires an argument -- '${option}'`,
  invalidNumber: (program: string, what: string, value: string) => `${program}: invalid ${what}: '${value}'`,
  cannotWrite: (path: string) => `sh: ${path}: Permission denied`,
  unsupportedOption: (program: string, option: string) => `${program}: option ${option} is not supported here`,
};
