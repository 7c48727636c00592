import { loadSite } from '@/lib/content';
import { fixtureSite } from './fixture-site';

describe('the content pipeline on a valid site', () => {
  it('orders chapters by part, then by order within the part', async () => {
    const site = await loadSite(await fixtureSite());
    expect(site.chapters.map((c) => c.slug)).toEqual(['alpha', 'beta']);
    expect(site.parts.map((p) => [p.id, p.chapters.map((c) => c.slug)])).toEqual([
      ['basics', ['alpha']],
      ['more', ['beta']],
    ]);
  });

  it('builds the table of contents from h2 and h3 with GitHub-style ids', async () => {
    const alpha = (await loadSite(await fixtureSite())).chapters[0];
    expect(alpha.toc).toEqual([
      { depth: 2, id: 'getting-started', text: 'Getting started' },
      { depth: 3, id: 'deeper-detail', text: 'Deeper detail' },
    ]);
  });

  it('cuts a chapter into sections of plain text for search', async () => {
    const alpha = (await loadSite(await fixtureSite())).chapters[0];
    expect(alpha.sections.map((s) => s.id)).toEqual([null, 'getting-started', 'deeper-detail']);
    expect(alpha.sections[0].text).toBe('An intro that mentions the widget.');
    expect(alpha.sections[1].text).toContain('echo hello');
    expect(alpha.sections[2].text).toContain('A tip with bold text.');
  });

  it('highlights code at build time with both themes and keeps the title and language', async () => {
    const alpha = (await loadSite(await fixtureSite())).chapters[0];
    expect(alpha.code).toMatch(/className:"sk-[0-9a-f]+-[0-9a-f]+"/);
    expect(alpha.codeCss).toMatch(/^(\.sk-[0-9a-f]+-[0-9a-f]+\{color:light-dark\(#[0-9a-f]+,#[0-9a-f]+\)\})+$/);
    expect(alpha.code).toContain('"data-title":"hello.sh"');
    expect(alpha.code).toContain('"data-language":"Shell"');
  });

  it('turns each heading into a link to its own anchor', async () => {
    const alpha = (await loadSite(await fixtureSite())).chapters[0];
    expect(alpha.code).toMatch(/id:"getting-started"[\s\S]*?className:"heading-link",href:"#getting-started"/);
  });

  it('reads glossary terms with their aliases and related links, sorted by title', async () => {
    const site = await loadSite(await fixtureSite());
    expect(site.glossary).toHaveLength(1);
    expect(site.glossary[0]).toMatchObject({
      id: 'widget',
      title: 'widget',
      aliases: ['gadget'],
      related: ['/chapters/alpha#getting-started'],
      text: 'A longer explanation of a widget.',
    });
  });

  it('estimates reading time from the words when the frontmatter gives none', async () => {
    const site = await loadSite(await fixtureSite());
    expect(site.chapters.every((c) => c.minutes >= 1)).toBe(true);
  });
});
