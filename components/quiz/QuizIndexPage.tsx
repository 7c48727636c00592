import { Link } from '@/components/Link';
import type { Site } from '@/lib/content';
import { Breadcrumbs } from '../layout/Breadcrumbs';
import { DocsShell } from '../layout/DocsShell';
import { ProgressToolsLoader } from '../progress/ProgressToolsLoader';
import { BestScore } from './BestScore';

/** /quiz: every chapter quiz, by part, with the reader's best score; then the progress tools. */
export function QuizIndexPage({ site }: { site: Site }) {
  const quizBySlug = new Map(site.quizzes.map((q) => [q.slug, q]));
  const parts = site.parts
    .map((part) => ({ ...part, quizzes: part.chapters.filter((c) => quizBySlug.has(c.slug)) }))
    .filter((part) => part.quizzes.length > 0);
  return (
    <DocsShell parts={site.parts}>
      <article className="quiz-index">
        <header className="chapter-header">
          <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Quizzes' }]} />
          <h1>Quizzes</h1>
          <p className="chapter-lede">
            Each chapter ends with a quiz. Every answer becomes a card in your <Link href="/review">review queue</Link>, so the questions
            you miss come back until they stick.
          </p>
        </header>
        {parts.map((part) => (
          <section key={part.id} aria-labelledby={`quiz-part-${part.id}`} className="quiz-index-part">
            <h2 id={`quiz-part-${part.id}`}>{part.title}</h2>
            <ul className="quiz-index-list">
              {part.quizzes.map((chapter) => (
                <li key={chapter.slug} className="quiz-index-item">
                  <Link href={`${chapter.href}#quiz`} className="quiz-index-link">
                    {chapter.title}
                  </Link>
                  <span className="quiz-index-count">{quizBySlug.get(chapter.slug)!.questions.length} questions</span>
                  <BestScore slug={chapter.slug} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        <section aria-labelledby="progress-title" className="progress-section">
          <h2 id="progress-title">Your progress</h2>
          <p>Progress is saved in this browser only. Export it to a file to keep a copy or to move it to another browser.</p>
          <ProgressToolsLoader />
        </section>
      </article>
    </DocsShell>
  );
}
