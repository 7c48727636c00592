import { getSite } from '@/lib/content';
import { searchIndexOfSite, splitSearchIndex } from '@/lib/search/node';

// Rendered once at build time into out/search-index.json; `next dev` renders it per request
// from the current content, so search works the same in both. Quiz questions: search-quiz.json.
export const dynamic = 'force-static';

export async function GET() {
  return Response.json(splitSearchIndex(await searchIndexOfSite(await getSite())).main);
}
