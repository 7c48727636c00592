import { getSite } from '@/lib/content';
import { searchIndexOfSite, splitSearchIndex } from '@/lib/search/node';

// The glossary terms of the search index (see searchConfig.glossaryIndexUrl), rendered at build time.
export const dynamic = 'force-static';

export async function GET() {
  return Response.json(splitSearchIndex(await searchIndexOfSite(await getSite())).glossary);
}
