import { errorMessages, type ContentProblem } from './errors';
import { mdxComponentNames } from './components';
import type { LoadedMdx } from './load';
import type { ChapterFrontmatter, GlossaryFrontmatter, Part } from './schemas';

export interface SiteFiles {
  parts: Part[];
  chapters: LoadedMdx<ChapterFrontmatter>[];
  glossary: LoadedMdx<GlossaryFrontmatter>[];
}

/** Checks that need the whole site: unique slugs and orders, known parts, terms, components and links. */
export function validateSite(site: SiteFiles, extraChecks: ((site: SiteFiles) => ContentProblem[])[] = []): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const partIds = site.parts.map((p) => p.id);
  const bySlug = new Map<string, LoadedMdx<ChapterFrontmatter>>();
  const byOrder = new Map<string, LoadedMdx<ChapterFrontmatter>>();

  for (const chapter of site.chapters) {
    const clash = bySlug.get(chapter.name);
    if (clash) problems.push({ file: chapter.file, line: 1, message: errorMessages.duplicateSlug(chapter.name, clash.file) });
    bySlug.set(chapter.name, chapter);
    if (!partIds.includes(chapter.data.part)) {
      problems.push({ file: chapter.file, line: chapter.keyLines.part, message: errorMessages.unknownPart(chapter.data.part, partIds) });
    }
    const orderKey = `${chapter.data.part}/${chapter.data.order}`;
    const orderClash = byOrder.get(orderKey);
    if (orderClash) {
      problems.push({
        file: chapter.file,
        line: chapter.keyLines.order,
        message: errorMessages.duplicateOrder(chapter.data.part, chapter.data.order, orderClash.file),
      });
    }
    byOrder.set(orderKey, chapter);
  }

  const checkLink = linkChecker(site);
  const link = (file: string, line: number | undefined, href: string, ownAnchors?: Set<string>) =>
    problems.push(...checkLink(file, line, href, ownAnchors));
  const terms = new Set(site.glossary.map((g) => g.name));

  for (const doc of [...site.chapters, ...site.glossary]) {
    const own = new Set(doc.mdx.ids);
    for (const l of doc.mdx.links) link(doc.file, l.line, l.href, own);
    for (const c of doc.mdx.components) {
      if (!(mdxComponentNames as readonly string[]).includes(c.name)) {
        problems.push({ file: doc.file, line: c.line, message: errorMessages.unknownComponent(c.name, mdxComponentNames) });
      } else if (c.name === 'Term') {
        const id = c.attributes.id;
        if (!id) problems.push({ file: doc.file, line: c.line, message: errorMessages.termWithoutId });
        else if (!terms.has(id)) problems.push({ file: doc.file, line: c.line, message: errorMessages.unknownTerm(id) });
      }
    }
  }
  for (const term of site.glossary) {
    for (const href of term.data.related) checkLink(term.file, term.keyLines.related, href);
  }
  for (const check of extraChecks) problems.push(...check(site));
  return problems;
}

/**
 * Checks links against the site: chapter slugs, their heading anchors and glossary terms. Also
 * used for links outside MDX (quiz questions link to the section that teaches them).
 */
export function linkChecker(site: Pick<SiteFiles, 'chapters' | 'glossary'>) {
  const terms = new Set(site.glossary.map((g) => g.name));
  const anchorsBySlug = new Map(site.chapters.map((c) => [c.name, new Set(c.mdx.ids)]));
  return (file: string, line: number | undefined, href: string, ownAnchors?: Set<string>): ContentProblem[] => {
    const problems: ContentProblem[] = [];
    const local = /^#(.+)$/.exec(href);
    if (local && ownAnchors && !ownAnchors.has(local[1])) problems.push({ file, line, message: errorMessages.brokenAnchor(href) });
    const chapterLink = /^\/chapters\/([^#?/]+)\/?(?:#(.+))?$/.exec(href);
    if (chapterLink) {
      const anchors = anchorsBySlug.get(chapterLink[1]);
      if (!anchors) problems.push({ file, line, message: errorMessages.brokenChapterLink(href) });
      else if (chapterLink[2] && !anchors.has(chapterLink[2])) problems.push({ file, line, message: errorMessages.brokenAnchor(href) });
    }
    const glossaryLink = /^\/glossary\/?#(.+)$/.exec(href);
    if (glossaryLink && !terms.has(glossaryLink[1])) problems.push({ file, line, message: errorMessages.brokenGlossaryLink(href) });
    return problems;
  };
}
