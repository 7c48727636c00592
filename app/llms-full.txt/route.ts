import { getSite } from '@/lib/content';
import { markdownOfChapter } from '@/lib/site/chapter-markdown';

// The whole course as one Markdown text, in reading order (the llms.txt convention's full file).
export const dynamic = 'force-static';

export async function GET() {
  const site = await getSite();
  const chapters = await Promise.all(site.chapters.map((c) => markdownOfChapter(site, c)));
  const glossary = site.glossary.map((t) => `- **${t.title}**: ${t.short}`).join('\n');
  return new Response(`${chapters.join('\n---\n\n')}\n---\n\n# Glossary\n\n${glossary}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
