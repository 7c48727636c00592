// What every command returns.
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export const ok = (stdout = '', stderr = ''): CommandResult => ({ stdout, stderr, exitCode: 0 });
export const fail = (stderr: string, stdout = '', exitCode = 1): CommandResult => ({ stdout, stderr, exitCode });
