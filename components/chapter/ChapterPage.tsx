import type { Chapter, ChapterSummary, GlossaryTerm, PartWithChapters } from '@/lib/content';
import type { Quiz } from '@/lib/quiz/schema';
import { MarkChapterRead } from '../progress/MarkChapterRead';
import { ChapterQuiz } from '../quiz/ChapterQuiz';
import { Breadcrumbs } from '../layout/Breadcrumbs';
import { DocsShell } from '../layout/DocsShell';
import { PrevNext } from '../layout/PrevNext';
import { TableOfContents } from '../layout/TableOfContents';
import { MdxContent } from '../MdxContent';
import { InlineToc } from './InlineToc';

interface Props {
  chapter: Chapter;
  part: PartWithChapters;
  parts: PartWithChapters[];
  previous?: ChapterSummary;
  next?: ChapterSummary;
  glossary: GlossaryTerm[];
  quiz?: Quiz;
}

export function ChapterPage({ chapter, part, parts, previous, next, glossary, quiz }: Props) {
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
          </p>
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
