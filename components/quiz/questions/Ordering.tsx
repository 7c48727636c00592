'use client';

import { useRef, useState } from 'react';
import { Rich } from '../Rich';
import type { QuestionProps } from './types';
import { Verdict } from './Verdict';

function moved(order: number[], from: number, to: number): number[] {
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * Put items in order with Move up / Move down buttons (keyboard and screen readers) or by
 * dragging. Each move is announced, and focus follows the moved item.
 */
export function Ordering({ prepared, answer, onAnswer, graded, id }: QuestionProps<'ordering'>) {
  const q = prepared.question;
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const move = (from: number, to: number, focus?: 'up' | 'down') => {
    if (to < 0 || to >= answer.order.length || from === to) return;
    const item = answer.order[from];
    onAnswer({ type: 'ordering', order: moved(answer.order, from, to) });
    setAnnouncement(`${q.items[item]}: moved to position ${to + 1} of ${answer.order.length}.`);
    if (focus) {
      // At the top or bottom the pressed button is disabled, so focus its partner instead.
      const direction =
        (focus === 'up' && to === 0) || (focus === 'down' && to === answer.order.length - 1) ? (focus === 'up' ? 'down' : 'up') : focus;
      requestAnimationFrame(() => buttons.current.get(`${item}-${direction}`)?.focus());
    }
  };

  const setButton = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <fieldset className="quiz-fieldset" disabled={!!graded}>
      <legend className="quiz-prompt">
        <Rich text={q.prompt} />
      </legend>
      <p className="quiz-hint">Use the Move up and Move down buttons, or drag the items, to put them in order from first to last.</p>
      <ol className="quiz-ordering">
        {answer.order.map((item, position) => {
          const inPlace = graded && item === position;
          return (
            <li
              key={item}
              className={`quiz-ordering-item${dragging === position ? ' is-dragging' : ''}${graded ? (inPlace ? ' quiz-option-right' : ' quiz-option-wrong') : ''}`}
              draggable={!graded}
              onDragStart={(e) => {
                setDragging(position);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', String(position));
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging !== null) move(dragging, position);
                setDragging(null);
              }}
              onDragEnd={() => setDragging(null)}
            >
              <span className="quiz-ordering-position" aria-hidden="true">
                {position + 1}
              </span>
              <span className="quiz-ordering-text">
                <Rich text={q.items[item]} />
              </span>
              {graded ? (
                <Verdict kind={inPlace ? 'right' : 'wrong'} text={inPlace ? 'In place' : `Belongs at ${item + 1}`} />
              ) : (
                <span className="quiz-ordering-buttons">
                  <button
                    type="button"
                    className="icon-button quiz-move"
                    ref={setButton(`${item}-up`)}
                    aria-label={`Move up: ${q.items[item]}`}
                    disabled={position === 0}
                    onClick={() => move(position, position - 1, 'up')}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button quiz-move"
                    ref={setButton(`${item}-down`)}
                    aria-label={`Move down: ${q.items[item]}`}
                    disabled={position === answer.order.length - 1}
                    onClick={() => move(position, position + 1, 'down')}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite" id={`${id}-moves`}>
        {announcement}
      </p>
    </fieldset>
  );
}
