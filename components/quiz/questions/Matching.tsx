'use client';

import { Rich } from '../Rich';
import type { QuestionProps } from './types';
import { Verdict } from './Verdict';

/** Match each item with a native select: keyboard and screen readers work with no extra code. */
export function Matching({ prepared, answer, onAnswer, graded, id }: QuestionProps<'matching'>) {
  const q = prepared.question;
  const choose = (index: number, value: string) =>
    onAnswer({ type: 'matching', matches: answer.matches.map((m, i) => (i === index ? value : m)) });
  return (
    <fieldset className="quiz-fieldset" disabled={!!graded}>
      <legend className="quiz-prompt">
        <Rich text={q.prompt} />
      </legend>
      <div className="quiz-matching">
        {prepared.itemOrder.map((i) => {
          const right = graded && answer.matches[i] === q.pairs[i].match;
          return (
            <div key={i} className={`quiz-match-row${graded ? (right ? ' quiz-option-right' : ' quiz-option-wrong') : ''}`}>
              <label htmlFor={`${id}-match-${i}`} className="quiz-match-item">
                <Rich text={q.pairs[i].item} />
              </label>
              <select id={`${id}-match-${i}`} value={answer.matches[i]} onChange={(e) => choose(i, e.target.value)}>
                <option value="">Choose…</option>
                {prepared.choices.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </select>
              {graded && (right ? <Verdict kind="right" /> : <Verdict kind="wrong" text={`Answer: ${q.pairs[i].match}`} />)}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
