'use client';

import { Link } from '@/components/Link';
import { useEffect, useMemo, useState } from 'react';
import { recordAnswer } from '@/lib/progress';
import { rateAnswer } from '@/lib/progress';
import { cardKey } from '@/lib/progress';
import type { Graded, Prepared } from '@/lib/quiz';
import { buildExam, examPolicy, examQuestionSeed, examSearch, examSpecFromSearch, type ExamItem, type ExamSpec } from '@/lib/quiz';
import { prepareQuestion } from '@/lib/quiz';
import { newSeed } from '@/lib/quiz';
import type { Quiz } from '@/lib/quiz';
import type { Deck } from '../progress/reviewDeck';
import { QuestionCard } from '../quiz/QuestionCard';
import { Rich } from '../quiz/Rich';
import { useProgress, useQuizServices } from '../quiz/services';
import '../quiz/quiz-questions.css';
import '../progress/review.css';

interface Loaded extends ExamItem {
  prepared: Prepared;
  chapterTitle: string;
}

const clock = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * /exam in the browser: the settings (from the URL when it carries a seed, so a shared link
 * opens the same exam), then the timed run with flags, then the result per part.
 */
export function ExamSession({ deck }: { deck: Deck }) {
  const services = useQuizServices();
  const allParts = useMemo(() => deck.map((p) => p.id), [deck]);
  const [spec, setSpec] = useState<ExamSpec>();
  const [draft, setDraft] = useState<ExamSpec>({
    seed: 0,
    parts: allParts,
    size: examPolicy.defaultSize,
    minutes: examPolicy.defaultMinutes,
  });
  const [seedText, setSeedText] = useState('');

  useEffect(() => {
    const fromUrl = examSpecFromSearch(window.location.search, allParts);
    if (fromUrl) {
      setDraft(fromUrl);
      setSeedText(String(fromUrl.seed));
    }
  }, [allParts]);

  if (spec) return <ExamRun key={examSearch(spec)} spec={spec} deck={deck} onAgain={() => setSpec(undefined)} />;

  const seedProblem = seedText !== '' && !/^\d{1,10}$/.test(seedText) ? 'The seed is a whole number, such as 12345.' : undefined;
  return (
    <form
      className="review-options"
      aria-labelledby="exam-settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (seedProblem || draft.parts.length === 0) return;
        const chosen = { ...draft, seed: seedText === '' ? newSeed(services.random) : Number(seedText) % 2 ** 32 };
        window.history.replaceState(null, '', examSearch(chosen));
        setSpec(chosen);
      }}
    >
      <h2 id="exam-settings">Set up your exam</h2>
      <fieldset>
        <legend>Parts</legend>
        {deck.map((part) => (
          <label key={part.id} className="review-check">
            <input
              type="checkbox"
              checked={draft.parts.includes(part.id)}
              onChange={(e) =>
                setDraft((d) => ({ ...d, parts: e.target.checked ? [...d.parts, part.id] : d.parts.filter((p) => p !== part.id) }))
              }
            />
            {part.title}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Questions</legend>
        {examPolicy.sizes.map((n) => (
          <label key={n} className="review-check">
            <input type="radio" name="exam-size" checked={draft.size === n} onChange={() => setDraft((d) => ({ ...d, size: n }))} />
            {n}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Time</legend>
        {examPolicy.minutes.map((n) => (
          <label key={n} className="review-check">
            <input type="radio" name="exam-time" checked={draft.minutes === n} onChange={() => setDraft((d) => ({ ...d, minutes: n }))} />
            {n} minutes
          </label>
        ))}
      </fieldset>
      <label className="review-field">
        Seed (optional: the same seed gives the same exam, so two people can compare)
        <input
          inputMode="numeric"
          value={seedText}
          onChange={(e) => setSeedText(e.target.value.trim())}
          aria-invalid={seedProblem !== undefined}
          aria-describedby={seedProblem ? 'exam-seed-problem' : undefined}
        />
      </label>
      {seedProblem && (
        <p className="quiz-problem" id="exam-seed-problem">
          {seedProblem}
        </p>
      )}
      {draft.parts.length === 0 && <p className="quiz-problem">Choose at least one part.</p>}
      <div className="quiz-actions">
        <button type="submit" className="button button-primary" disabled={draft.parts.length === 0 || seedProblem !== undefined}>
          Start the exam
        </button>
      </div>
    </form>
  );
}

function ExamRun({ spec, deck, onAgain }: { spec: ExamSpec; deck: Deck; onAgain: () => void }) {
  const services = useQuizServices();
  const { store } = useProgress();
  const catalogue = useMemo(
    () => deck.flatMap((p) => p.chapters.map((c) => ({ slug: c.slug, part: p.id, questions: c.questions }))),
    [deck],
  );
  const items = useMemo(() => buildExam(spec, catalogue), [spec, catalogue]);
  const [loaded, setLoaded] = useState<Loaded[] | 'error'>();
  const [index, setIndex] = useState(0);
  const [results, setResults] = useState<(Graded | undefined)[]>(() => items.map(() => undefined));
  const [flags, setFlags] = useState<boolean[]>(() => items.map(() => false));
  const [deadline, setDeadline] = useState<number>();
  const [now, setNow] = useState(() => services.now());
  const [finished, setFinished] = useState(false);

  useEffect(() => {
    const slugs = [...new Set(items.map((i) => i.slug))];
    let cancelled = false;
    Promise.all(slugs.map((slug) => services.fetchQuiz(slug))).then(
      (quizzes: Quiz[]) => {
        if (cancelled) return;
        const bySlug = new Map(quizzes.map((q) => [q.slug, q]));
        const seed = examQuestionSeed(spec);
        setLoaded(
          items.flatMap((item) => {
            const quiz = bySlug.get(item.slug);
            const question = quiz?.questions.find((q) => q.id === item.questionId);
            return quiz && question ? [{ ...item, chapterTitle: quiz.chapterTitle, prepared: prepareQuestion(question, seed) }] : [];
          }),
        );
        // The clock starts when the questions are on screen, not while they load.
        setDeadline(services.now() + spec.minutes * 60_000);
      },
      () => !cancelled && setLoaded('error'),
    );
    return () => {
      cancelled = true;
    };
  }, [items, spec, services]);

  useEffect(() => {
    if (deadline === undefined || finished) return;
    const timer = setInterval(() => setNow(services.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline, finished, services]);

  const timeUp = deadline !== undefined && now >= deadline;
  if (loaded === 'error')
    return (
      <p className="quiz-problem" role="alert">
        The exam questions could not be loaded. Check your connection and reload the page.
      </p>
    );
  if (!loaded)
    return (
      <p className="quiz-hint" role="status">
        Building your exam…
      </p>
    );
  if (finished || timeUp)
    return <ExamResult spec={spec} deck={deck} loaded={loaded} results={results} timeUp={timeUp && !finished} onAgain={onAgain} />;

  const item = loaded[index];
  const open = results.filter((r) => !r).length;
  const link = `${typeof window === 'undefined' ? '' : window.location.origin}/exam${examSearch(spec)}`;
  return (
    <section className="exam-run" aria-labelledby="exam-status">
      <div className="exam-bar">
        <h2 id="exam-status" className="review-due">
          Exam: {loaded.length - open} of {loaded.length} answered
        </h2>
        <p className="exam-timer" role="timer" aria-live="off" aria-label={`Time left: ${clock((deadline ?? now) - now)}`}>
          {clock((deadline ?? now) - now)}
        </p>
      </div>
      <p className="quiz-hint">
        Seed {spec.seed}. The same link gives the same exam: <a href={link}>{link}</a>
      </p>
      <nav aria-label="Exam questions">
        <ol className="quiz-nav">
          {loaded.map((q, i) => (
            <li key={`${q.slug}/${q.questionId}`}>
              <button
                type="button"
                className={`${results[i] ? 'is-answered' : ''}${flags[i] ? ' is-flagged' : ''}`}
                aria-current={i === index ? 'step' : undefined}
                aria-label={`Question ${i + 1}${results[i] ? ', answered' : ''}${flags[i] ? ', flagged' : ''}`}
                onClick={() => setIndex(i)}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <QuestionCard
        key={`${item.slug}/${item.questionId}`}
        prepared={item.prepared}
        label={`Question ${index + 1} of ${loaded.length}, from ${item.chapterTitle}`}
        graded={results[index]}
        askConfidence={false}
        sealed
        focusOnMount
        onGraded={(graded) => {
          setResults((rs) => rs.map((r, i) => (i === index ? graded : r)));
          store.update((p, at) => recordAnswer(p, cardKey(item.slug, item.questionId), rateAnswer(graded.correct, undefined), at));
        }}
        onSkip={results[index] ? undefined : () => setIndex((index + 1) % loaded.length)}
        next={index + 1 < loaded.length ? { label: 'Next question', onClick: () => setIndex(index + 1) } : undefined}
      />
      <div className="quiz-actions">
        <button
          type="button"
          className="button"
          aria-pressed={flags[index]}
          onClick={() => setFlags((fs) => fs.map((f, i) => (i === index ? !f : f)))}
        >
          {flags[index] ? 'Unflag this question' : 'Flag to come back to'}
        </button>
        <button type="button" className="button button-primary" onClick={() => setFinished(true)}>
          {open > 0 ? `Finish the exam (${open} unanswered)` : 'Finish the exam'}
        </button>
      </div>
    </section>
  );
}

function ExamResult({
  spec,
  deck,
  loaded,
  results,
  timeUp,
  onAgain,
}: {
  spec: ExamSpec;
  deck: Deck;
  loaded: Loaded[];
  results: (Graded | undefined)[];
  timeUp: boolean;
  onAgain: () => void;
}) {
  const right = results.filter((r) => r?.correct).length;
  const parts = deck
    .map((part) => {
      const mine = loaded.map((q, i) => ({ q, r: results[i] })).filter(({ q }) => q.part === part.id);
      return { part, mine, right: mine.filter(({ r }) => r?.correct).length };
    })
    .filter((p) => p.mine.length > 0);
  return (
    <section className="exam-result" aria-labelledby="exam-result-title">
      <h2 id="exam-result-title" tabIndex={-1} ref={(el) => el?.focus()}>
        Exam result: {right} of {loaded.length} ({Math.round((right / Math.max(1, loaded.length)) * 100)}%)
      </h2>
      {timeUp && <p>Time ran out; unanswered questions count as wrong.</p>}
      {parts.map(({ part, mine, right: partRight }) => (
        <section key={part.id} aria-labelledby={`exam-part-${part.id}`} className="exam-part">
          <h3 id={`exam-part-${part.id}`}>
            {part.title}: {partRight} of {mine.length}
          </h3>
          {partRight < mine.length ? (
            <>
              <p>Sections to reread:</p>
              <ul>
                {mine
                  .filter(({ r }) => !r?.correct)
                  .map(({ q, r }) => (
                    <li key={`${q.slug}/${q.questionId}`}>
                      <a href={q.prepared.question.section}>{q.chapterTitle}</a>
                      {r ? '' : ' (not answered)'}:{' '}
                      <span className="quiz-hint">
                        <Rich text={q.prepared.question.explanation} />
                      </span>
                    </li>
                  ))}
              </ul>
            </>
          ) : (
            <p>All right in this part.</p>
          )}
        </section>
      ))}
      <div className="quiz-actions">
        <a className="button" href={`/exam${examSearch(spec)}`}>
          Take the same exam again
        </a>
        <button type="button" className="button button-primary" onClick={onAgain}>
          Set up a new exam
        </button>
        <Link href="/review" className="button">
          Practise your mistakes on the review page
        </Link>
      </div>
    </section>
  );
}

/** The exam with its deck, as the lazy loader renders it. */
export function bindExam(deck: Deck) {
  return function BoundExam() {
    return <ExamSession deck={deck} />;
  };
}
