'use client';

import { useEffect, useRef, useState, type ComponentType } from 'react';
import {
  answerOf,
  isRejected,
  type Answer,
  type Graded,
  type Prepared,
  gradeAnswer,
  quizErrors,
  blankAnswer,
  questionTypes,
} from '@/lib/quiz';
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
  onGraded?: (graded: Graded) => void;
  /** Shown after grading; receives focus so Enter moves on. */
  next?: { label: string; onClick: () => void };
  /** Focus the card's heading when it appears (a new question after Next). */
  focusOnMount?: boolean;
}

/**
 * One question, whatever its type: the answer being drafted, the Check button, the simulated
 * cluster when the question needs one, and the feedback after grading.
 */
export function QuestionCard({ prepared, label, graded, onGraded, next, focusOnMount }: Props) {
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
  const Component = questionComponents[prepared.type] as ComponentType<QuestionProps<Prepared['type']>>;
  const scenarioReady = scenario.status === 'none' || scenario.status === 'ready';

  const check = async () => {
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
        onGraded?.(outcome);
        requestAnimationFrame(() => nextButton.current?.focus());
      }
    } catch (error) {
      setProblem(error instanceof Error && error.name === 'ScenarioError' ? error.message : quizErrors.clusterUnavailable);
    } finally {
      setPending(false);
    }
  };

  return (
    <article className={`quiz-card${graded ? (graded.correct ? ' is-correct' : ' is-wrong') : ''}`} aria-labelledby={`${id}-label`}>
      <h3 className="quiz-card-label" id={`${id}-label`} ref={heading} tabIndex={-1}>
        {label} <span className="quiz-type">{questionTypes[prepared.type].label}</span>
      </h3>
      <form
        className="quiz-form"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
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
          <Component
            prepared={prepared}
            answer={answer}
            onAnswer={(a) => {
              setDraft(a);
              setProblem(undefined);
            }}
            graded={graded}
            scenario={scenario.status === 'ready' ? scenario.run : undefined}
            id={id}
          />
        )}
        {!graded && (
          <div className="quiz-actions">
            <button type="submit" className="button button-primary" disabled={pending || !scenarioReady}>
              {pending ? 'Checking…' : 'Check answer'}
            </button>
          </div>
        )}
      </form>
      <div className="quiz-live" aria-live="polite">
        {problem && !graded && <p className="quiz-problem">{problem}</p>}
        {graded && (
          <p className={`quiz-result ${graded.correct ? 'quiz-result-right' : 'quiz-result-wrong'}`}>
            <span aria-hidden="true">{graded.correct ? '✓ ' : '✗ '}</span>
            {graded.correct ? 'Correct.' : 'Not quite.'} <Rich text={prepared.question.explanation} />
          </p>
        )}
      </div>
      {graded && (
        <div className="quiz-after">
          <a href={prepared.question.section} className="quiz-section-link">
            Read the section that explains this
          </a>
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
