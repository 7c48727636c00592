import { getSite } from '@/lib/content';
import { siteConfig } from '@/lib/site/config';

// The llms.txt index (https://llmstxt.org): what the site is, then every chapter's Markdown by part.
export const dynamic = 'force-static';

export async function GET() {
  const site = await getSite();
  const { siteUrl } = siteConfig();
  const parts = site.parts
    .filter((p) => p.chapters.length > 0)
    .map(
      (p) => `## ${p.title}\n\n${p.chapters.map((c) => `- [${c.title}](${siteUrl}/markdown/${c.slug}.md): ${c.description}`).join('\n')}`,
    );
  const text = [
    '# Clusterbook',
    '',
    '> Study notes on containers, Linux namespaces, cgroups and Kubernetes architecture, with quizzes and a simulated cluster.',
    '',
    `Every chapter below is plain Markdown. The whole course in one file: ${siteUrl}/llms-full.txt`,
    '',
    ...parts.flatMap((p) => [p, '']),
    '## Optional',
    '',
    `- [Glossary](${siteUrl}/glossary): every term with a short definition`,
    '',
  ].join('\n');
  return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
