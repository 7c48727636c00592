#!/usr/bin/env node
// The clusterbook CLI. Commands are TypeScript modules in bin/commands, loaded through tsx so
// the CLI runs the same lib/ code the site does, with no separate build step.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const commands = {
  check: 'Validate every content file (chapters, glossary, quizzes, labs) and exit non-zero on the first problem.',
  cluster: 'Open the mini-cluster: an interactive prompt, or --script FILE (- for stdin), --json.',
  search: 'Search the notes: clusterbook search "QUERY" [--json] [--limit N].',
};

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || !(name in commands)) {
  const list = Object.entries(commands)
    .map(([n, d]) => `  ${n.padEnd(8)} ${d}`)
    .join('\n');
  const out = `Usage: clusterbook <command> [options]\n\nCommands:\n${list}\n`;
  if (name && name !== '--help' && name !== '-h') {
    process.stderr.write(`error: unknown command "${name}" for "clusterbook"\n\n${out}`);
    process.exit(2);
  }
  process.stdout.write(out);
  process.exit(0);
}

// A command may ship as plain JavaScript (search.mjs: it must answer faster than tsx starts).
const plain = new URL(`./commands/${name}.mjs`, import.meta.url);
let mod;
if (existsSync(plain)) mod = await import(plain.href);
else {
  register();
  mod = await import(new URL(`./commands/${name}.ts`, import.meta.url).href);
}
const code = await mod.run(args);
process.exitCode = typeof code === 'number' ? code : 0;
