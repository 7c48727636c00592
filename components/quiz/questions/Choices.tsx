'use client';

import { Rich } from '../Rich';
import type { QuestionProps, Verdict as VerdictKind } from './types';
import { Verdict } from './Verdict';

type Option = { text: string; correct: boolean; feedback?: string };

function verdictOf(option: Option, chosen: boolean): VerdictKind | undefined {
  if (chosen) return option.correct ? 'right' : 'wrong';
  return option.correct ? 'missed' : undefined;
}

function OptionRow({ option, chosen, graded, input }: { option: Option; chosen: boolean; graded: boolean; input: React.ReactNode }) {
  const verdict = graded ? verdictOf(option, chosen) : undefined;
  return (
    <li className={`quiz-option${verdict ? ` quiz-option-${verdict}` : ''}`}>
      <label className="quiz-option-label">
        {input}
        <span>
          <Rich text={option.text} />
        </span>
      </label>
      {verdict && <Verdict kind={verdict} text={verdict === 'missed' ? 'Correct answer' : undefined} />}
      {graded && chosen && option.feedback && (
        <p className="quiz-option-feedback">
          <Rich text={option.feedback} />
        </p>
      )}
    </li>
  );
}

/** One right option among several: real radio buttons, arrow keys move between them. */
export function SingleChoice({ prepared, answer, onAnswer, graded, id }: QuestionProps<'single'>) {
  const q = prepared.question;
  return (
    <fieldset className="quiz-fieldset" disabled={!!graded}>
      <legend className="quiz-prompt">
        <Rich text={q.prompt} />
      </legend>
      <ul className="quiz-options">
        {prepared.order.map((i) => (
          <OptionRow
            key={i}
            option={q.options[i]}
            chosen={answer.choice === i}
            graded={!!graded}
            input={
              <input
                type="radio"
                name={id}
                value={i}
                checked={answer.choice === i}
                onChange={() => onAnswer({ type: 'single', choice: i })}
              />
            }
          />
        ))}
      </ul>
    </fieldset>
  );
}

/** Any number of right options: real checkboxes. */
export function MultipleSelect({ prepared, answer, onAnswer, graded, id }: QuestionProps<'multiple'>) {
  const q = prepared.question;
  const toggle = (i: number) =>
    onAnswer({ type: 'multiple', choices: answer.choices.includes(i) ? answer.choices.filter((c) => c !== i) : [...answer.choices, i] });
  return (
    <fieldset className="quiz-fieldset" disabled={!!graded}>
      <legend className="quiz-prompt">
        <Rich text={q.prompt} />
      </legend>
      <p className="quiz-hint" id={`${id}-hint`}>
        Select every answer that applies.
      </p>
      <ul className="quiz-options" aria-describedby={`${id}-hint`}>
        {prepared.order.map((i) => (
          <OptionRow
            key={i}
            option={q.options[i]}
            chosen={answer.choices.includes(i)}
            graded={!!graded}
            input={<input type="checkbox" name={`${id}-${i}`} checked={answer.choices.includes(i)} onChange={() => toggle(i)} />}
          />
        ))}
      </ul>
    </fieldset>
  );
}
