'use client';

import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TerminalBlock } from '@/lib/labs/session/context';
import { selectScenario, selectTerminal } from '@/lib/labs/session/selectors';
import { complete } from '@/lib/labs/terminal/complete';
import { emptyHistory, newer, older, remember } from '@/lib/labs/terminal/history';
import { useLab, useLabSend, useLabSnapshot } from './LabContext';
import './lab-terminal.css';

const Block = memo(function Block({ block }: { block: TerminalBlock }) {
  if (block.kind === 'command') {
    return (
      <div className="lab-term-command">
        <span className="lab-term-prompt" aria-hidden="true">
          $
        </span>{' '}
        {block.text}
      </div>
    );
  }
  if (block.kind === 'note') return <p className="lab-term-note">{block.text}</p>;
  return <pre className={block.kind === 'stderr' ? 'lab-term-stderr' : 'lab-term-stdout'}>{block.text}</pre>;
});

/**
 * The command line: kubectl and sim commands against the lab's cluster, with history (Up/Down),
 * tab completion and Ctrl+L. Tab completes only while there is something typed, so an empty
 * prompt never traps keyboard focus.
 */
export function LabTerminal({ headingId }: { headingId: string }) {
  const blocks = useLab(selectTerminal);
  const scenario = useLab(selectScenario);
  const send = useLabSend();
  const snapshot = useLabSnapshot();
  const [line, setLine] = useState('');
  const [history, setHistory] = useState(emptyHistory);
  const [candidates, setCandidates] = useState<string[]>([]);
  const scrollback = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    const element = scrollback.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [blocks]);

  const run = () => {
    send({ type: 'RUN', command: line });
    setHistory(remember(history, line));
    setLine('');
    setCandidates([]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      run();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const step = event.key === 'ArrowUp' ? older(history, line) : newer(history, line);
      setHistory(step.history);
      setLine(step.line);
    } else if (event.key === 'Tab' && !event.shiftKey && line.trim() !== '') {
      event.preventDefault();
      const result = complete(line, { view: snapshot().context.view, files: Object.keys(scenario.files) });
      setLine(result.line);
      setCandidates(result.candidates.length > 1 ? result.candidates : []);
    } else if (event.key.toLowerCase() === 'l' && event.ctrlKey) {
      event.preventDefault();
      send({ type: 'CLEAR_TERMINAL' });
    }
  };

  return (
    <div role="group" className="lab-terminal" aria-labelledby={headingId}>
      <div className="lab-term-bar">
        <h4 id={headingId}>Terminal</h4>
        <button type="button" className="lab-term-clear" onClick={() => send({ type: 'CLEAR_TERMINAL' })}>
          Clear
        </button>
      </div>
      <div
        className="lab-term-scrollback"
        ref={scrollback}
        role="log"
        aria-label="Terminal output"
        tabIndex={0}
        onClick={() => input.current?.focus()}
      >
        {blocks.map((block) => (
          <Block key={block.id} block={block} />
        ))}
      </div>
      <div className="lab-term-input">
        <label className="lab-term-prompt" htmlFor={`${headingId}-input`}>
          <span aria-hidden="true">$</span>
          <span className="sr-only">Command</span>
        </label>
        <input
          id={`${headingId}-input`}
          ref={input}
          value={line}
          onChange={(event) => {
            setLine(event.target.value);
            setCandidates([]);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="send"
          placeholder="kubectl get nodes"
          aria-describedby={`${headingId}-help`}
        />
      </div>
      <p className="lab-term-candidates" aria-live="polite">
        {candidates.join('   ')}
      </p>
      <p id={`${headingId}-help`} className="sr-only">
        Enter runs the command. Up and Down recall earlier commands. Tab completes commands, kinds and names while you type. Control L
        clears the output.
      </p>
    </div>
  );
}
