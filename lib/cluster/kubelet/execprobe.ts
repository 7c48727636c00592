// What an exec probe's command finds in the container (#99). The model has no file system, so it
// reads the container's own script for the files it writes and removes over time (the pattern of
// the Kubernetes docs' liveness example: `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep
// 600` probed with `cat /tmp/healthy`). A probe that checks such a file fails once the script has
// removed it, with the message the image's tools print; a file the script never touches is taken
// to be there (a config file of the image); `false` and `exit N` fail by themselves.
import type { Container } from '../api/types';
import { processWords } from '../registry/config';

/** Changes of one file: from atMs (since the container started) on, whether it exists. */
type FileHistory = { atMs: number; exists: boolean }[];

const isShell = (word: string | undefined) => word !== undefined && /^(?:\/bin\/)?(?:sh|ash|bash)$/.test(word);

/** The statements of a command line: `sh -c SCRIPT` is its script, split on ;, && and newlines. */
function statements(words: readonly string[]): string[][] {
  const script = isShell(words[0]) && words[1] === '-c' ? words.slice(2).join(' ') : words.join(' ');
  return script
    .split(/\s*(?:;|&&|\n)\s*/)
    .map((part) => part.trim().split(/\s+/).filter(Boolean))
    .filter((part) => part.length > 0);
}

/** The files the container's process writes and removes, as it runs through its script once. */
function fileHistories(container: Container): Map<string, FileHistory> {
  const files = new Map<string, FileHistory>();
  const note = (path: string, atMs: number, exists: boolean) => {
    let history = files.get(path);
    if (!history) files.set(path, (history = []));
    history.push({ atMs, exists });
  };
  let atMs = 0;
  for (const words of statements(processWords(container.image, container.command, container.args))) {
    const [program, ...rest] = words;
    // A loop or a branch: what follows is no longer a straight line in time.
    if (['while', 'for', 'until', 'if'].includes(program)) break;
    if (program === 'sleep' && /^\d+$/.test(rest[0] ?? '')) atMs += Number(rest[0]) * 1000;
    else if (program === 'touch') for (const path of rest.filter((word) => !word.startsWith('-'))) note(path, atMs, true);
    else if (program === 'rm') for (const path of rest.filter((word) => !word.startsWith('-'))) note(path, atMs, false);
    else {
      const redirect = words.findIndex((word) => word === '>' || word === '>>');
      if (redirect >= 0 && words[redirect + 1]) note(words[redirect + 1], atMs, true);
    }
  }
  return files;
}

/** Whether the file exists `elapsedMs` after the container started (undefined: the script never touches it). */
function existsAt(history: FileHistory | undefined, elapsedMs: number): boolean | undefined {
  if (!history) return undefined;
  let exists = false;
  for (const change of history) if (change.atMs <= elapsedMs) exists = change.exists;
  return exists;
}

/** busybox's applets (busybox, alpine) word their errors differently from GNU coreutils. */
const usesBusybox = (image: string) => /(^|\/)(busybox|alpine)(:|@|$)/.test(image);

export const execProbeMessages = {
  catMissing: (path: string, busybox: boolean) =>
    busybox ? `cat: can't open '${path}': No such file or directory` : `cat: ${path}: No such file or directory`,
  lsMissing: (path: string, busybox: boolean) =>
    busybox ? `ls: ${path}: No such file or directory` : `ls: cannot access '${path}': No such file or directory`,
};

/** The file a check command looks at, and what it prints when the file is missing. */
function checkedFile(words: readonly string[], busybox: boolean): { path: string; missing: string } | undefined {
  const [program, ...rest] = words;
  const operand = rest.filter((word) => !word.startsWith('-') && word !== ']');
  if (program === 'cat' && operand.length === 1) return { path: operand[0], missing: execProbeMessages.catMissing(operand[0], busybox) };
  if (program === 'ls' && operand.length === 1) return { path: operand[0], missing: execProbeMessages.lsMissing(operand[0], busybox) };
  if ((program === 'test' || program === '[') && operand.length === 1) return { path: operand[0], missing: '' };
  return undefined;
}

/** The result of running the probe's command `elapsedMs` after the container started: exit 0 or not, and its output. */
export function runExecCommand(container: Container, command: readonly string[], elapsedMs: number): { ok: boolean; output: string } {
  const busybox = usesBusybox(container.image);
  const parts = statements(command);
  let histories: Map<string, FileHistory> | undefined;
  for (const words of parts) {
    if (words[0] === 'false') return { ok: false, output: '' };
    if (words[0] === 'exit') return { ok: words[1] === undefined || words[1] === '0', output: '' };
    const check = checkedFile(words, busybox);
    if (!check) continue;
    histories ??= fileHistories(container);
    if (existsAt(histories.get(check.path), elapsedMs) === false) return { ok: false, output: check.missing };
  }
  return { ok: true, output: '' };
}
