import { z } from 'zod';
import { ContentError, loadSite, type Site } from '@/lib/content';
import { lineWriters, processIo, type CommandIo } from './io';
import { createSearchEngine, errorMessages, searchConfig, searchIndexOfSite, type PreparedQuery, type SearchHit } from '@/lib/search/node';

const flagsSchema = z.object({
  json: z.boolean(),
  limit: z.coerce.number().int().min(1).max(searchConfig.limits.page),
  query: z.string().trim().min(1, errorMessages.cliNoQuery),
});

type Flags = z.infer<typeof flagsSchema>;

/** Splits argv into flags and the query words; an unknown flag is an error, not part of the query. */
function parseArgs(args: string[]): { flags: Flags } | { error: string } | { help: true } {
  const raw: Record<keyof Flags, unknown> = { json: false, limit: searchConfig.limits.cli, query: '' };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--json') raw.json = true;
    else if (arg === '--limit') raw.limit = args[++i];
    else if (arg.startsWith('--limit=')) raw.limit = arg.slice('--limit='.length);
    else if (arg.startsWith('--')) return { error: errorMessages.cliBadFlag(`unknown flag ${arg}`) };
    else words.push(arg);
  }
  raw.query = words.join(' ');
  const parsed = flagsSchema.safeParse(raw);
  if (parsed.success) return { flags: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: issue.path[0] === 'query' ? issue.message : errorMessages.cliBadFlag(`--${String(issue.path[0])}: ${issue.message}`) };
}

/** The result as the JSON output describes it: title is the chapter or glossary term, section the heading. */
const asJson = (hit: SearchHit) => ({
  title: hit.record.title,
  section: hit.record.section,
  url: hit.record.url,
  snippet: hit.snippet.text,
  score: Number(hit.score.toPrecision(4)),
});

function printText(print: (text: string) => void, query: PreparedQuery, hits: SearchHit[]) {
  if (query.corrections.length) print(`Showing results for "${query.corrections.map((c) => c.to).join(', ')}".\n`);
  if (!hits.length) {
    print(`No results for "${query.text}".`);
    return;
  }
  hits.forEach((hit, i) => {
    const where =
      hit.record.kind === 'glossary'
        ? `Glossary › ${hit.record.title}`
        : [hit.record.title, hit.record.section].filter(Boolean).join(' › ');
    print(`${String(i + 1).padStart(2)}. ${where}`);
    print(`    ${hit.record.url}`);
    print(`    ${hit.snippet.text}`);
  });
}

/** `clusterbook search "QUERY" [--json] [--limit N]`: the top results for a query, from the current content. */
export async function run(args: string[], io: CommandIo = processIo()): Promise<number> {
  const { print, printError } = lineWriters(io);
  const parsed = parseArgs(args);
  if ('help' in parsed) {
    print(
      `${errorMessages.cliUsage}\n\n  --json      print a JSON array of { title, section, url, snippet, score }, best first (score: 0 is a perfect match)\n  --limit N   how many results (default ${searchConfig.limits.cli}, at most ${searchConfig.limits.page})`,
    );
    return 0;
  }
  if ('error' in parsed) {
    printError(`${parsed.error}\n${errorMessages.cliUsage}`);
    return 2;
  }
  const { flags } = parsed;
  let site: Site;
  try {
    site = await loadSite();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    printError(errorMessages.cliInvalidContent);
    return 1;
  }
  const engine = createSearchEngine((await searchIndexOfSite(site)).records);
  const { query, hits } = engine.search(flags.query, { limit: flags.limit });
  if (flags.json) print(JSON.stringify(hits.map(asJson), null, 2));
  else printText(print, query, hits);
  return 0;
}
