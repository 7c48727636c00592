// `clusterbook search`: answers from a cached copy of the index (lib/search/file/indexCache.ts),
// so a search costs a file read, not a compile of every chapter. lib/content, which compiles
// MDX, is only imported when the cache must be rebuilt.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { defaultContentRoot } from '@/lib/content/paths';
import {
  createSearchEngine,
  errorMessages,
  searchConfig,
  type SearchEngine,
  type SearchHit,
  type SearchIndexFile,
  type SearchRecord,
  type SearchResponse,
} from '@/lib/search';
import { cachedSearchIndex } from '@/lib/search/file/indexCache';

const flagsSchema = z.object({
  json: z.boolean(),
  exact: z.boolean(),
  limit: z.coerce.number().int().min(1).max(searchConfig.limits.page),
  query: z.string().trim().min(1, errorMessages.cliNoQuery),
});

type Flags = z.infer<typeof flagsSchema>;

/** Splits argv into flags and the query words; an unknown flag is an error, not part of the query. */
function parseArgs(args: string[]): { flags: Flags } | { error: string } | { help: true } {
  const raw: Record<keyof Flags, unknown> = { json: false, exact: false, limit: searchConfig.limits.cli, query: '' };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--json') raw.json = true;
    else if (arg === '--exact') raw.exact = true;
    else if (arg === '--limit') raw.limit = args[++i];
    else if (arg.startsWith('--limit=')) raw.limit = arg.slice('--limit='.length);
    else if (arg.startsWith('-') && arg.length > 1) return { error: errorMessages.cliUnknownFlag(arg) };
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

const where = (record: SearchRecord) =>
  record.kind === 'glossary' ? `Glossary › ${record.title}` : [record.title, record.section].filter(Boolean).join(' › ');

const quoteArg = (text: string) => (/^[\w .,:/-]+$/.test(text) && !text.startsWith('-') ? `"${text}"` : `-- ${JSON.stringify(text)}`);

function printText(engine: SearchEngine, { query, hits }: SearchResponse) {
  if (query.corrections.length) {
    console.log(errorMessages.showingResultsFor(query.corrections.map((c) => c.to).join(', ')));
    console.log(`${errorMessages.searchInsteadFor(query.text)}: clusterbook search --exact ${quoteArg(query.text)}\n`);
  }
  if (!hits.length) {
    console.log(errorMessages.noResults(query.text));
    const terms = engine.suggest(query.text);
    const chapters = engine.suggestChapters(query.text);
    const list = (label: string, records: SearchRecord[]) => {
      if (!records.length) return;
      console.log(`\n${label}:`);
      for (const r of records) console.log(`  ${where(r)}  ${r.url}`);
    };
    list(terms.length ? errorMessages.suggestTerms : errorMessages.startTerms, terms.length ? terms : engine.suggest(''));
    list(errorMessages.suggestChapters, chapters);
    return;
  }
  hits.forEach((hit, i) => {
    console.log(`${String(i + 1).padStart(2)}. ${where(hit.record)}`);
    console.log(`    ${hit.record.url}`);
    console.log(`    ${hit.snippet.text}`);
  });
}

/**
 * The index of the content the CLI reads, from the cache when it is current; compiles the
 * content only when not. This module may run bundled (see search.mjs), without tsx: lib/content
 * is then loaded through tsx, registered here, only when the cache must be rebuilt.
 */
async function loadIndex(projectRoot: string) {
  const contentRoot = defaultContentRoot();
  const key = createHash('sha256').update(path.resolve(contentRoot)).digest('hex').slice(0, 12);
  const cacheFile = path.join(projectRoot, 'node_modules', '.cache', 'clusterbook', `search-index-${key}.json`);
  const sources = [contentRoot, path.join(projectRoot, 'lib', 'search', 'indexing')];
  return cachedSearchIndex(cacheFile, sources, async () => {
    const { loadSite, searchIndexOfSite } = await contentModules(projectRoot);
    return searchIndexOfSite(await loadSite(contentRoot));
  });
}

async function contentModules(projectRoot: string) {
  const { register } = await import('tsx/esm/api');
  register();
  const load = (file: string) => import(pathToFileURL(path.join(projectRoot, file)).href);
  const [content, search] = await Promise.all([load('lib/content/index.ts'), load('lib/search/node.ts')]);
  return {
    loadSite: content.loadSite as typeof import('@/lib/content').loadSite,
    ContentError: content.ContentError as typeof import('@/lib/content').ContentError,
    searchIndexOfSite: search.searchIndexOfSite as typeof import('@/lib/search/node').searchIndexOfSite,
  };
}

// `clusterbook search ... | head` closes the pipe early; that is the reader's choice, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** `clusterbook search "QUERY" [--json] [--exact] [--limit N]`: the top results for a query, from the current content. */
export async function run(args: string[], projectRoot = path.join(import.meta.dirname, '..', '..')): Promise<number> {
  const parsed = parseArgs(args);
  if ('help' in parsed) {
    console.log(
      `${errorMessages.cliUsage}\n\n  --json      print a JSON array of { title, section, url, snippet, score }, best first (score: 0 is a perfect match)\n  --exact     search the words as typed, without spelling correction\n  --limit N   how many results (default ${searchConfig.limits.cli}, at most ${searchConfig.limits.page})\n  --          everything after it is the query, even words starting with - (clusterbook search -- --pid)`,
    );
    return 0;
  }
  if ('error' in parsed) {
    console.error(`${parsed.error}\n${errorMessages.cliUsage}`);
    return 2;
  }
  const { flags } = parsed;
  let index: SearchIndexFile;
  try {
    index = await loadIndex(projectRoot);
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ContentError')) throw error;
    console.error(errorMessages.cliInvalidContent);
    return 1;
  }
  const engine = createSearchEngine(index.records);
  const response = engine.search(flags.query, { limit: flags.limit, exact: flags.exact });
  if (flags.json) console.log(JSON.stringify(response.hits.map(asJson), null, 2));
  else printText(engine, response);
  return 0;
}
