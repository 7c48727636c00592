import { getSite } from '@/lib/content';
import { markdownOfChapter } from '@/lib/site/chapter-markdown';

// Each chapter as Markdown (/markdown/<slug>.md), for "Copy page as Markdown" and for tools that
// read llms.txt.
export const dynamic = 'force-static';
export const dynamicParams = false;

type Params = { params: Promise<{ file: string }> };

export async function generateStaticParams() {
  return (await getSite()).chapters.map((c) => ({ file: `${c.slug}.md` }));
}

export async function GET(_request: Request, { params }: Params) {
  const { file } = await params;
  const site = await getSite();
  const chapter = site.chapters.find((c) => `${c.slug}.md` === file);
  if (!chapter) return new Response('No such chapter', { status: 404 });
  return new Response(await markdownOfChapter(site, chapter), { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
}
