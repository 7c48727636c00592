'use client';

import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useNearViewport } from '../progress/useNearViewport';

interface Props {
  slug: string;
  title: string;
  questionCount: number;
  passRatio: number;
}

/**
 * The quiz at the end of a chapter. This shell is all the first load carries: the quiz UI,
 * its data, zod and ts-fsrs load when the reader gets near it or presses Start.
 */
export function ChapterQuiz({ slug, title, questionCount, passRatio }: Props) {
  const section = useRef<HTMLElement>(null);
  const near = useNearViewport(section, '600px');
  const [started, setStarted] = useState(false);
  const [Loader, setLoader] = useState<ComponentType<{ slug: string; openQuestion?: string }>>();
  const [failed, setFailed] = useState(false);
  const [openQuestion, setOpenQuestion] = useState<string>();

  // A link to `#quiz-<question-id>` (search results give them) starts the quiz at that question.
  useEffect(() => {
    const follow = () => {
      const match = /^#quiz-([a-z0-9-]+)$/.exec(window.location.hash);
      if (!match) return;
      setOpenQuestion(match[1]);
      setStarted(true);
      section.current?.scrollIntoView({ block: 'start' });
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    if (!(near || started) || Loader) return;
    import('./QuizLoader').then(
      (m) => setLoader(() => m.QuizLoader),
      () => setFailed(true),
    );
  }, [near, started, Loader]);

  return (
    <section id="quiz" ref={section} className="quiz" aria-labelledby="quiz-title">
      <h2 id="quiz-title" className="quiz-title">
        {title}
      </h2>
      <p className="quiz-intro">
        {questionCount} questions. Pass with {Math.round(passRatio * 100)}% or more. Every answer goes into your{' '}
        <a href="/review">review queue</a>.
      </p>
      {Loader && (near || started) ? (
        <Loader slug={slug} openQuestion={openQuestion} />
      ) : failed ? (
        <p className="quiz-problem" role="alert">
          The quiz could not be loaded. Reload the page to try again.
        </p>
      ) : (
        <button type="button" className="button button-primary" onClick={() => setStarted(true)} disabled={started}>
          {started ? 'Loading the quiz…' : 'Start the quiz'}
        </button>
      )}
    </section>
  );
}
