import type { Chapter, ChapterSummary, GlossaryTerm, PartWithChapters } from '@/lib/content';
import type { Quiz } from '@/lib/quiz';
import { MarkChapterRead } from '../progress/MarkChapterRead';
import { ChapterQuiz } from '../quiz/ChapterQuiz';
import { Breadcrumbs } from '../layout/Breadcrumbs';
import { DocsShell } from '../layout/DocsShell';
import { PrevNext } from '../layout/PrevNext';
import { TableOfContents } from '../layout/TableOfContents';
import { MdxContent } from '../MdxContent';
import { PartVersions } from './PartVersions';
import { InlineToc } from './InlineToc';
import { CopyMarkdown } from './CopyMarkdown';

interface Props {
  chapter: Chapter;
  part: PartWithChapters;
  parts: PartWithChapters[];
  previous?: ChapterSummary;
  next?: ChapterSummary;
  glossary: GlossaryTerm[];
  quiz?: Quiz;
  /** When the chapter's source last changed (ISO), if the build could tell. */
  updated?: string;
  /** Where to edit the source, when a repository is configured. */
  editUrl?: string;
  markdownUrl: string;
}

const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

export function ChapterPage({ chapter, part, parts, previous, next, glossary, quiz, updated, editUrl, markdownUrl }: Props) {
  const partNumber = parts.findIndex((p) => p.id === part.id) + 1;
  return (
    <DocsShell parts={parts} aside={<TableOfContents items={chapter.toc} />}>
      <article className="chapter">
        <header className="chapter-header">
          <Breadcrumbs
            items={[
              { label: 'Home', href: '/' },
              { label: `Part ${partNumber}: ${part.title}`, href: `/chapters#part-${part.id}` },
              { label: chapter.title },
            ]}
          />
          <h1>{chapter.title}</h1>
          <p className="chapter-lede">{chapter.description}</p>
          <p className="chapter-meta">
            <span>{chapter.minutes} min read</span>
            {updated && (
              <span>
                Last updated <time dateTime={updated}>{dateFormat.format(new Date(updated))}</time>
              </span>
            )}
          </p>
          <p className="page-actions">
            <CopyMarkdown href={markdownUrl} />
            {editUrl && (
              <a className="page-action" href={editUrl} rel="noopener">
                Edit this page
              </a>
            )}
          </p>
          {part.versions && <PartVersions versions={part.versions} />}
          <section className="objectives" aria-labelledby="objectives-title">
            <h2 id="objectives-title" className="objectives-title">
              What you will learn
            </h2>
            <ul>
              {chapter.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </section>
        </header>
        <InlineToc items={chapter.toc} />
        <div className="prose">
          <MdxContent code={chapter.code} css={chapter.codeCss} context={{ glossary }} />
        </div>
        <MarkChapterRead slug={chapter.slug} showNotices={!quiz} />
        {quiz && <ChapterQuiz slug={chapter.slug} title={quiz.title} questionCount={quiz.questions.length} passRatio={quiz.passRatio} />}
        <PrevNext previous={previous} next={next} />
      </article>
    </DocsShell>
  );
}
