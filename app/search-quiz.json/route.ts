import { getSite } from '@/lib/content';
import { searchIndexOfSite, splitSearchIndex } from '@/lib/search/node';

// The quiz questions of the search index (see searchConfig.quizIndexUrl), rendered at build time.
export const dynamic = 'force-static';

export async function GET() {
  return Response.json(splitSearchIndex(await searchIndexOfSite(await getSite())).quiz);
}
