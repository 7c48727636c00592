import { Readable, Writable } from 'node:stream';

/**
 * Where a command reads and writes. The CLI passes the process's own streams; tests pass memory
 * streams, so they run a command in-process exactly as a user would from a shell.
 */
export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Relative paths (scripts, manifests) resolve against this. */
  cwd: string;
}

export function processIo(): CommandIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

/** Memory streams: `input` is all of stdin; what the command printed is read back with stdout() and stderr(). */
export function memoryIo(input = '', cwd = process.cwd()): { io: CommandIo; stdout: () => string; stderr: () => string } {
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdin: Readable.from([input]), stdout: sink(out), stderr: sink(err), cwd },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** console.log and console.error, aimed at a command's streams. */
export function lineWriters(io: CommandIo): { print: (text: string) => void; printError: (text: string) => void } {
  return { print: (text) => io.stdout.write(`${text}\n`), printError: (text) => io.stderr.write(`${text}\n`) };
}
