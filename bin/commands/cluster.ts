// `clusterbook cluster`: the mini-cluster in a terminal. Interactive prompt by default;
// --script FILE (or - for stdin) runs a script, --json prints one JSON object per command.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createCluster, type Cluster } from '../../lib/cluster/index';
import { processIo, type CommandIo } from './io';

const flagsSchema = z.object({
  script: z.string().min(1).optional(),
  json: z.boolean(),
  seed: z.string().min(1).optional(),
});

type Flags = z.infer<typeof flagsSchema>;

function parseFlags(args: string[]): Flags | string {
  const raw: { script?: string; json: boolean; seed?: string } = { json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (name === '--json') raw.json = true;
    else if (name === '--script' || name === '--seed') {
      const value = inline ?? args[++i];
      if (value === undefined) return `error: flag needs an argument: ${name}`;
      raw[name === '--script' ? 'script' : 'seed'] = value;
    } else return `error: unknown flag: ${arg}\nusage: clusterbook cluster [--script FILE|-] [--json] [--seed S]`;
  }
  const parsed = flagsSchema.safeParse(raw);
  return parsed.success ? parsed.data : `error: ${parsed.error.issues[0].message}`;
}

function readFileFromDisk(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function readStdin(io: CommandIo): Promise<string | undefined> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  } catch {
    return undefined;
  }
}

function newCluster(flags: Flags, io: CommandIo): Cluster {
  const seed = flags.seed === undefined ? undefined : /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
  return createCluster({ seed, cwd: io.cwd, readFile: readFileFromDisk });
}

/** Failing commands are part of a script's story (a refused drain, a write without quorum), so they do not fail the run. */
function runScript(cluster: Cluster, text: string, json: boolean, io: CommandIo): number {
  for (const step of cluster.run(text)) {
    if (json) {
      const { command, exitCode, stdout, stderr, time } = step;
      io.stdout.write(`${JSON.stringify({ command, exitCode, stdout, stderr, time })}\n`);
    } else {
      io.stdout.write(`$ ${step.command}\n${step.stdout}`);
      io.stderr.write(step.stderr);
    }
  }
  return 0;
}

function interactive(cluster: Cluster, io: CommandIo): Promise<number> {
  const prompt = createInterface({ input: io.stdin, output: io.stdout, historySize: 500, prompt: 'cluster$ ' });
  io.stdout.write('Mini-cluster ready: kubectl ... and sim ... commands; "exit" to leave.\n');
  prompt.prompt();
  return new Promise((done) => {
    prompt.on('line', (line) => {
      const command = line.trim();
      if (command === 'exit' || command === 'quit') {
        prompt.close();
        return;
      }
      const result = cluster.exec(command);
      io.stdout.write(result.stdout);
      io.stderr.write(result.stderr);
      prompt.prompt();
    });
    prompt.on('close', () => done(0));
  });
}

export async function run(args: string[], io: CommandIo = processIo()): Promise<number> {
  const flags = parseFlags(args);
  if (typeof flags === 'string') {
    io.stderr.write(`${flags}\n`);
    return 2;
  }
  const cluster = newCluster(flags, io);
  if (flags.script === undefined) return interactive(cluster, io);
  const text = flags.script === '-' ? await readStdin(io) : readFileFromDisk(resolve(io.cwd, flags.script));
  if (text === undefined) {
    io.stderr.write(`error: cannot read script "${flags.script}"\n`);
    return 1;
  }
  return runScript(cluster, text, flags.json, io);
}
