'use client';

import { answerKind } from '@/lib/quiz';
import { Rich } from '../Rich';
import { Terminal } from './Terminal';
import type { QuestionProps } from './types';
import { Verdict } from './Verdict';

/** Type a kubectl command; it is graded by running it in the simulated cluster. */
export function CommandQuestion({ prepared, answer, onAnswer, graded, scenario, id }: QuestionProps<'command'>) {
  const q = prepared.question;
  const detail = graded?.detail.type === 'command' ? graded.detail : undefined;
  return (
    <fieldset className="quiz-fieldset">
      <legend className="quiz-prompt">
        <Rich text={q.prompt} />
      </legend>
      {q.observe && scenario?.observed !== undefined && (
        <Terminal command={q.observe} output={scenario.observed} label="The cluster now:" />
      )}
      <label htmlFor={`${id}-command`} className="quiz-label">
        Your command
      </label>
      <input
        id={`${id}-command`}
        className="quiz-command-input"
        type="text"
        value={answer.command}
        onChange={(e) => onAnswer({ type: 'command', command: e.target.value })}
        readOnly={!!graded}
        placeholder="kubectl …"
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        aria-describedby={`${id}-command-hint`}
      />
      <p className="quiz-hint" id={`${id}-command-hint`}>
        One kubectl command. It runs in a fresh simulated cluster set up as described, and any command that gets the cluster there counts.
      </p>
      {detail && (
        <div className="quiz-simulation-result">
          <Terminal
            command={detail.command}
            output={[detail.output.stdout, detail.output.stderr]
              .filter((s) => s.trim())
              .join('\n')
              .trimEnd()}
          />
          <p className="quiz-subheading">What the grader checked:</p>
          <ul className="quiz-checks">
            {detail.results.map((r) => (
              <li key={r.expected}>
                <Verdict kind={r.ok ? 'right' : 'wrong'} text={r.ok ? 'Met' : 'Not met'} /> {r.expected}
                {!r.ok && <span className="quiz-check-actual"> ({r.actual})</span>}
              </li>
            ))}
          </ul>
          <p>
            One command that works: <code>{q.sample}</code>
          </p>
        </div>
      )}
    </fieldset>
  );
}

/** Predict what the cluster will show; the right answer was computed by running the scenario. */
export function PredictionQuestion({ prepared, answer, onAnswer, graded, scenario, id }: QuestionProps<'prediction'>) {
  const q = prepared.question;
  const ask = q.ask;
  const detail = graded?.detail.type === 'prediction' ? graded.detail : undefined;
  return (
    <fieldset className="quiz-fieldset" disabled={!!graded}>
      <legend className="quiz-prompt">
        <Rich text={q.prompt} />
      </legend>
      {q.observe && scenario?.observed !== undefined && (
        <Terminal command={q.observe} output={scenario.observed} label="The cluster now:" />
      )}
      {answerKind(ask) === 'choice' && 'choices' in ask ? (
        <ul className="quiz-options" aria-label="Your prediction">
          {ask.choices.map((choice) => {
            const chosen = answer.value === choice;
            const verdict = detail
              ? chosen
                ? detail.expected === choice
                  ? 'right'
                  : 'wrong'
                : detail.expected === choice
                  ? 'missed'
                  : undefined
              : undefined;
            return (
              <li key={choice} className={`quiz-option${verdict ? ` quiz-option-${verdict}` : ''}`}>
                <label className="quiz-option-label">
                  <input
                    type="radio"
                    name={id}
                    value={choice}
                    checked={chosen}
                    onChange={() => onAnswer({ type: 'prediction', value: choice })}
                  />
                  <span>{choice}</span>
                </label>
                {verdict && <Verdict kind={verdict} text={verdict === 'missed' ? 'Correct answer' : undefined} />}
              </li>
            );
          })}
        </ul>
      ) : (
        <>
          <label htmlFor={`${id}-number`} className="quiz-label">
            Your prediction (a number)
          </label>
          <input
            id={`${id}-number`}
            className="quiz-number-input"
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            value={answer.value}
            onChange={(e) => onAnswer({ type: 'prediction', value: e.target.value })}
            autoComplete="off"
          />
        </>
      )}
      {detail && (
        <div className="quiz-simulation-result">
          <p>
            The simulation says: <strong>{detail.expected}</strong>
            {answerKind(ask) === 'number' && ` (you said ${detail.given})`}
          </p>
          {detail.revealed !== undefined && (q.reveal ?? q.observe) && (
            <Terminal command={(q.reveal ?? q.observe)!} output={detail.revealed} label={`After ${q.wait}:`} />
          )}
        </div>
      )}
    </fieldset>
  );
}
