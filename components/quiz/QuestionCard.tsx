'use client';

import { useEffect, useRef, useState, type ComponentType } from 'react';
import { answerOf, isRejected, type Answer, type Graded, type Prepared } from '@/lib/quiz';
import { gradeAnswer } from '@/lib/quiz';
import { quizErrors } from '@/lib/quiz';
import { blankAnswer } from '@/lib/quiz';
import { questionTypes } from '@/lib/quiz';
import type { Confidence } from '@/lib/progress';
import { questionComponents } from './questions';
import type { QuestionProps } from './questions/types';
import { Rich } from './Rich';
import { useQuizServices } from './services';
import { useScenario } from './useScenario';
import './quiz-questions.css';

interface Props {
  prepared: Prepared;
  /** "Question 3 of 8", shown above the prompt. */
  label: string;
  graded?: Graded;
  /** How sure the reader said they were; a wrong answer given as sure is shown as a misconception. */
  confidence?: Confidence;
  onGraded?: (graded: Graded, confidence: Confidence | undefined) => void;
  /** Ask "sure or not sure?" with the Check button (the default); off where nothing is recorded. */
  askConfidence?: boolean;
  /** The element id deep links use (`#quiz-<question-id>`); only the card a runner shows has one. */
  anchorId?: string;
  /** Back and Skip, shown while the question is unanswered (and Back after). */
  onBack?: () => void;
  onSkip?: () => void;
  /** Exam mode: once answered, the card says so and keeps the result for the end. */
  sealed?: boolean;
  /** Shown after grading; receives focus so Enter moves on. */
  next?: { label: string; onClick: () => void };
  /** Focus the card's heading when it appears (a new question after Next). */
  focusOnMount?: boolean;
}

/**
 * One question, whatever its type: the answer being drafted, the Check button, the simulated
 * cluster when the question needs one, and the feedback after grading.
 */
export function QuestionCard({
  prepared,
  label,
  graded,
  confidence,
  onGraded,
  askConfidence = true,
  anchorId,
  onBack,
  onSkip,
  next,
  focusOnMount,
  sealed = false,
}: Props) {
  const services = useQuizServices();
  const [draft, setDraft] = useState<Answer>(() => blankAnswer(prepared));
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [scenarioAttempt, setScenarioAttempt] = useState(0);
  const scenario = useScenario(prepared, scenarioAttempt);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const id = `q-${prepared.question.id}`;

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  const answer = graded ? answerOf(graded.detail) : draft;
  const shown = sealed ? undefined : graded;
  const misconception = graded !== undefined && !graded.correct && confidence === 'sure';
  const Component = questionComponents[prepared.type] as ComponentType<QuestionProps<Prepared['type']>>;
  const scenarioReady = scenario.status === 'none' || scenario.status === 'ready';

  const check = async (said: Confidence | undefined) => {
    if (graded || pending || !scenarioReady) return;
    setPending(true);
    setProblem(undefined);
    try {
      const outcome = await gradeAnswer(prepared, draft, {
        makeCluster: services.makeCluster,
        scenario: scenario.status === 'ready' ? scenario.run : undefined,
      });
      if (isRejected(outcome)) setProblem(outcome.rejected);
      else {
        onGraded?.(outcome, said);
        requestAnimationFrame(() => nextButton.current?.focus());
      }
    } catch (error) {
      setProblem(error instanceof Error && error.name === 'ScenarioError' ? error.message : quizErrors.clusterUnavailable);
    } finally {
      setPending(false);
    }
  };

  return (
    <article
      className={`quiz-card${shown ? (shown.correct ? ' is-correct' : ' is-wrong') : ''}`}
      aria-labelledby={`${id}-label`}
      id={anchorId}
    >
      <h3 className="quiz-card-label" id={`${id}-label`} ref={heading} tabIndex={-1}>
        {label} <span className="quiz-type">{questionTypes[prepared.type].label}</span>
      </h3>
      <form
        className="quiz-form"
        onSubmit={(e) => {
          e.preventDefault();
          // Enter in a field, or Check answer: graded without saying how sure (the step is skippable).
          void check(undefined);
        }}
        aria-busy={pending || scenario.status === 'loading'}
      >
        {scenario.status === 'loading' && (
          <p className="quiz-hint" role="status">
            Setting up the simulated cluster…
          </p>
        )}
        {scenario.status === 'error' ? (
          <div className="quiz-problem" role="alert">
            <p>{scenario.message}</p>
            <button type="button" className="button" onClick={() => setScenarioAttempt((n) => n + 1)}>
              Try again
            </button>
          </div>
        ) : (
          <div inert={sealed && graded !== undefined}>
            <Component
              prepared={prepared}
              answer={answer}
              onAnswer={(a) => {
                setDraft(a);
                setProblem(undefined);
              }}
              graded={shown}
              scenario={scenario.status === 'ready' ? scenario.run : undefined}
              id={id}
            />
          </div>
        )}
        {!graded && (
          <div className="quiz-actions">
            {askConfidence && (
              <div className="quiz-confidence" role="group" aria-labelledby={`${id}-sure`}>
                <span id={`${id}-sure`} className="quiz-confidence-label">
                  How sure are you?
                </span>
                <button type="button" className="button" onClick={() => void check('sure')} disabled={pending || !scenarioReady}>
                  Sure
                </button>
                <button type="button" className="button" onClick={() => void check('unsure')} disabled={pending || !scenarioReady}>
                  Not sure
                </button>
              </div>
            )}
            <button type="submit" className="button button-primary" disabled={pending || !scenarioReady}>
              {pending ? 'Checking…' : 'Check answer'}
            </button>
            {onSkip && (
              <button type="button" className="button button-quiet" onClick={onSkip} disabled={pending}>
                Skip for now
              </button>
            )}
            {onBack && (
              <button type="button" className="button button-quiet" onClick={onBack} disabled={pending}>
                Back
              </button>
            )}
          </div>
        )}
      </form>
      <div className="quiz-live" aria-live="polite">
        {problem && !graded && <p className="quiz-problem">{problem}</p>}
        {graded && sealed && <p className="quiz-hint">Answer recorded. You will see how you did at the end.</p>}
        {shown && misconception && (
          <div className="quiz-misconception">
            <p className="quiz-misconception-title">
              <span aria-hidden="true">! </span>You were sure, and it is not so: a misconception worth undoing.
            </p>
            <p>
              <Rich text={prepared.question.explanation} />
            </p>
            <p className="quiz-hint">It is flagged in your review queue and comes back in a few minutes.</p>
          </div>
        )}
        {shown && !misconception && (
          <p className={`quiz-result ${shown.correct ? 'quiz-result-right' : 'quiz-result-wrong'}`}>
            <span aria-hidden="true">{shown.correct ? '✓ ' : '✗ '}</span>
            {shown.correct ? (confidence === 'unsure' ? 'Correct, though you were not sure.' : 'Correct.') : 'Not quite.'}{' '}
            <Rich text={prepared.question.explanation} />
          </p>
        )}
      </div>
      {graded && (
        <div className="quiz-after">
          {sealed ? (
            <span />
          ) : (
            <a href={prepared.question.section} className="quiz-section-link">
              Read the section that explains this
            </a>
          )}
          {onBack && (
            <button type="button" className="button button-quiet" onClick={onBack}>
              Back
            </button>
          )}
          {next && (
            <button type="button" className="button button-primary" ref={nextButton} onClick={next.onClick}>
              {next.label}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
