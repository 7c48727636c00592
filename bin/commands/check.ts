import { ContentError, formatProblem, loadSite } from '@/lib/content';
import { lineWriters, processIo, type CommandIo } from './io';

/** `clusterbook check`: validate all content, print `path:line: message` per problem. */
export async function run(args: string[], io: CommandIo = processIo()): Promise<number> {
  const { print, printError } = lineWriters(io);
  const started = performance.now();
  try {
    const site = await loadSite(args[0]);
    const ms = Math.round(performance.now() - started);
    print(
      `content ok: ${site.chapters.length} chapters, ${site.glossary.length} glossary terms, ${site.quizzes.length} quizzes (${ms} ms)`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const p of error.problems) printError(formatProblem(p));
    printError(`\n${error.problems.length} content problem${error.problems.length === 1 ? '' : 's'}; fix them and run again.`);
    return 1;
  }
}
