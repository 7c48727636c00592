// Tuning aid: scores the tuning set only and prints its misses (never the held-out set's):
//   npx tsx bench/search/tune.ts [query...]   (with queries: prints their top five)
// INDEX=file.json reads a saved index instead of compiling the content (seconds faster per try).
import { readFileSync } from 'node:fs';
import { loadSite } from '@/lib/content';
import { createSearchEngine, parseSearchIndex, searchIndexOfSite } from '@/lib/search/node';
import { tuningQueries } from '../../tests/search/fixtures/learnerQueries';
import { scoreQueries } from '../../tests/search/fixtures/scoreQueries';

const file = process.env.INDEX;
const index = file ? parseSearchIndex(JSON.parse(readFileSync(file, 'utf8'))) : await searchIndexOfSite(await loadSite());
const engine = createSearchEngine(index.records);
const queries = process.argv.slice(2);
if (queries.length) {
  for (const q of queries) {
    const { query, hits } = engine.search(q, { limit: 5 });
    console.log(
      `${q} -> ${JSON.stringify(query.concepts.map((c) => c.alternatives.map((a) => a.words.join('_')).join('|')))} corr=${JSON.stringify(query.corrections)}`,
    );
    for (const h of hits) console.log(`   ${h.score.toFixed(3)} ${h.record.url}`);
  }
} else {
  const s = scoreQueries(tuningQueries, (q) => engine.search(q, { limit: 10 }).hits.map((h) => h.record.url));
  console.log(`tuning top-3 ${(s.top3 * 100).toFixed(1)}% MRR ${s.mrr.toFixed(3)}`);
  for (const k of s.byKind) console.log(`  ${k.kind} ${k.found}/${k.total} MRR ${k.mrr.toFixed(2)}`);
  for (const m of s.misses)
    console.log(`  missed "${m.query.query}" (rank ${m.rank < 0 ? '>10' : m.rank + 1}); top: ${m.top.slice(0, 3).join(', ')}`);
}
