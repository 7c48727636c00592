import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * When a file last changed, from git history at build time. Undefined when that cannot be known:
 * no git, a file outside history, or a shallow clone (CI checkouts), whose one commit would date
 * every page to the day of the build.
 */
export async function lastUpdated(file: string, cwd = process.cwd()): Promise<Date | undefined> {
  try {
    if ((await shallow(cwd)) !== false) return undefined;
    const { stdout } = await run('git', ['log', '-1', '--format=%cI', '--', path.relative(cwd, file)], { cwd });
    const text = stdout.trim();
    if (!text) return undefined;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
  } catch {
    return undefined;
  }
}

/** Asked once per folder: every chapter of a build shares the answer. */
const shallowByFolder = new Map<string, Promise<boolean | undefined>>();

function shallow(cwd: string): Promise<boolean | undefined> {
  let answer = shallowByFolder.get(cwd);
  if (!answer) {
    answer = run('git', ['rev-parse', '--is-shallow-repository'], { cwd }).then(
      ({ stdout }) => stdout.trim() === 'true',
      () => undefined,
    );
    shallowByFolder.set(cwd, answer);
  }
  return answer;
}
