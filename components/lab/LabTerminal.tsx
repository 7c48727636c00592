'use client';

import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TerminalBlock } from '@/lib/labs';
import { selectClockText, selectJumpTotalMs, selectScenario, selectTerminal } from '@/lib/labs';
import { complete } from '@/lib/labs';
import { emptyHistory, newer, older, remember } from '@/lib/labs';
import { nodeCommandParts, nodePromptText, nodeShellTarget, onNode, startWatch, watchStep, watchTarget, type WatchState } from '@/lib/labs';
import { useLab, useLabSend, useLabSession, useLabSnapshot } from './LabContext';
import { JumpProgress } from './JumpProgress';
import { CopyButton } from './CopyButton';
import { EventWhys } from './EventWhys';
import './lab-terminal.css';

const Block = memo(function Block({ block }: { block: TerminalBlock }) {
  if (block.kind === 'command') {
    // A line typed in a node shell is recorded as `sim ssh NODE -- LINE`: show it at the node's prompt.
    const onNodeShell = nodeCommandParts(block.text);
    return (
      <div className="lab-term-command">
        <span className="lab-term-prompt" aria-hidden="true">
          {onNodeShell ? nodePromptText(onNodeShell.node) : '$'}
        </span>{' '}
        {onNodeShell ? onNodeShell.line : block.text}
      </div>
    );
  }
  if (block.kind === 'note') return <p className="lab-term-note">{block.text}</p>;
  const output = <pre className={block.kind === 'stderr' ? 'lab-term-stderr' : 'lab-term-stdout'}>{block.text}</pre>;
  if (!block.whys) return output;
  return (
    <>
      {output}
      <EventWhys whys={block.whys} className="lab-term-why" summary={block.whys.length === 1 ? 'Why this event?' : 'Why these events?'} />
    </>
  );
});

/** The scrollback as text, the way it reads on screen: commands after "$ ", output under them. */
function transcriptText(blocks: readonly TerminalBlock[]): string {
  return blocks.map((block) => (block.kind === 'command' ? `$ ${block.text}` : block.text.replace(/\n$/, ''))).join('\n');
}

/** Output the terminal printed itself (watch rows, ^C, the node shell banner), after a session block. */
interface LocalBlock {
  afterId: number;
  id: number;
  kind: TerminalBlock['kind'];
  text: string;
}

/**
 * The command line: kubectl and sim commands against the lab's cluster, with history (Up/Down),
 * tab completion, Ctrl+L and Ctrl+C. `sim ssh NODE` opens a node shell (prompt root@NODE:~#,
 * `exit` leaves); `kubectl get ... -w` prints rows as the clock moves until Ctrl+C, which also
 * stops a long `sim advance`. Tab completes only while there is something typed, so an empty
 * prompt never traps keyboard focus.
 */
export function LabTerminal({ headingId }: { headingId: string }) {
  const blocks = useLab(selectTerminal);
  const scenario = useLab(selectScenario);
  const send = useLabSend();
  const snapshot = useLabSnapshot();
  const session = useLabSession();
  const [line, setLine] = useState('');
  const [history, setHistory] = useState(emptyHistory);
  const [candidates, setCandidates] = useState<string[]>([]);
  const [node, setNode] = useState<string | undefined>();
  const [watch, setWatch] = useState<WatchState | undefined>();
  const [local, setLocal] = useState<LocalBlock[]>([]);
  // A jump under way (a `sim advance`, a clock button), whether the clock is also playing or not.
  const jumping = useLab(selectJumpTotalMs) > 0;
  const clock = useLab(selectClockText);
  const scrollback = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    const element = scrollback.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [blocks, local]);

  const printLocal = (kind: LocalBlock['kind'], text: string) => {
    const afterId = snapshot().context.terminal.at(-1)?.id ?? -1;
    setLocal((before) => [...before, { afterId, id: (before.at(-1)?.id ?? 0) + 1, kind, text }]);
  };

  // While watching, each tick of the clock re-reads the objects and prints the rows that changed.
  // The cluster answers asynchronously (it may run in a worker): one question at a time, and one
  // more after it if the clock moved meanwhile, so the last moment is always read.
  const watching = useRef<{ state?: WatchState; asking: boolean; again: boolean }>({ asking: false, again: false });
  watching.current.state = watch;
  const readWatch = () => {
    const now = watching.current;
    if (!now.state) return;
    if (now.asking) {
      now.again = true;
      return;
    }
    now.asking = true;
    const asked = now.state;
    void session.exec(asked.command).then(({ stdout }) => {
      now.asking = false;
      if (now.state === asked) {
        const step = watchStep(asked, stdout);
        if (step.lines.length > 0) {
          now.state = step.state;
          setWatch(step.state);
          printLocal('stdout', step.lines.join('\n'));
        }
      }
      if (now.again) {
        now.again = false;
        readWatch();
      }
    });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the clock text is the trigger
  useEffect(readWatch, [clock]);

  const run = () => {
    setHistory(remember(history, line));
    setLine('');
    setCandidates([]);
    if (watch) return;
    if (line.trim() === 'clear') setLocal([]);
    if (node) {
      if (line.trim() === 'exit' || line.trim() === 'logout') {
        printLocal('note', `logout (Connection to ${node} closed.)`);
        setNode(undefined);
      } else if (line.trim() === 'clear') send({ type: 'RUN', command: 'clear' });
      // clear empties the screen in a node shell too (the screen is the terminal's, not the node's).
      else if (line.trim() !== '') send({ type: 'RUN', command: onNode(node, line.trim()) });
      return;
    }
    const target = nodeShellTarget(line);
    if (target) {
      // Open the shell only if the machine answers; otherwise show ssh's own error.
      const typed = line.trim();
      void session.exec(onNode(target, 'true')).then((probe) => {
        if (probe.exitCode !== 0) send({ type: 'RUN', command: onNode(target, 'true') });
        else {
          printLocal('command', typed);
          printLocal('note', 'Welcome to Ubuntu 24.04.1 LTS (GNU/Linux 6.8.0-51-generic x86_64). Type exit to leave the node.');
          setNode(target);
        }
      });
      return;
    }
    const watched = watchTarget(line);
    send({ type: 'RUN', command: watched ?? line });
    if (watched)
      void session.exec(watched).then((result) => {
        if (result.exitCode === 0) setWatch(startWatch(watched, result.stdout));
      });
  };

  const interrupt = () => {
    setLine('');
    setCandidates([]);
    if (watch) setWatch(undefined);
    if (jumping) send({ type: 'CANCEL_JUMP' });
    printLocal('note', '^C');
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
    } else if (
      event.key.toLowerCase() === 'c' &&
      event.ctrlKey &&
      (watch || jumping || input.current?.selectionStart === input.current?.selectionEnd)
    ) {
      event.preventDefault();
      interrupt();
    } else if (event.key === 'd' && event.ctrlKey && node && line === '') {
      event.preventDefault();
      printLocal('note', `logout (Connection to ${node} closed.)`);
      setNode(undefined);
    } else if (event.key === 'Tab' && !event.shiftKey && line.trim() !== '') {
      event.preventDefault();
      const result = complete(line, { view: snapshot().context.view, files: Object.keys(scenario.files), node });
      setLine(result.line);
      setCandidates(result.candidates.length > 1 ? result.candidates : []);
    } else if (event.key.toLowerCase() === 'l' && event.ctrlKey) {
      event.preventDefault();
      setLocal([]);
      send({ type: 'CLEAR_TERMINAL' });
    }
  };

  return (
    <div role="group" className="lab-terminal" aria-labelledby={headingId}>
      <div className="lab-term-bar">
        <h4 id={headingId}>Terminal</h4>
        <CopyButton className="lab-term-copy-all" text={() => transcriptText(blocks)} label="Copy the whole transcript" />
        <button
          type="button"
          className="lab-term-clear"
          onClick={() => {
            setLocal([]);
            send({ type: 'CLEAR_TERMINAL' });
          }}
        >
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
        {local
          .filter((block) => block.afterId === -1)
          .map((block) => (
            <Block key={`local-${block.id}`} block={{ id: block.id, kind: block.kind, text: block.text }} />
          ))}
        {blocks.map((block) => (
          <div key={block.id} className="lab-term-group">
            <Block block={block} />
            {block.kind !== 'command' && block.kind !== 'note' && block.text.trim() !== '' && (
              <CopyButton className="lab-term-copy" text={() => block.text} label={`Copy this output`} />
            )}
            {local
              .filter((extra) => extra.afterId === block.id)
              .map((extra) => (
                <Block key={`local-${extra.id}`} block={{ id: extra.id, kind: extra.kind, text: extra.text }} />
              ))}
          </div>
        ))}
      </div>
      <JumpProgress />
      <div className="lab-term-input">
        <label className="lab-term-prompt" htmlFor={`${headingId}-input`}>
          <span aria-hidden="true">{node ? nodePromptText(node) : '$'}</span>
          <span className="sr-only">{node ? `Command on node ${node}` : 'Command'}</span>
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
          placeholder={watch ? 'watching: Ctrl+C stops' : node ? 'crictl ps' : 'kubectl get nodes'}
          aria-describedby={`${headingId}-help`}
        />
      </div>
      <p className="lab-term-candidates" aria-live="polite">
        {candidates.join('   ')}
      </p>
      <p id={`${headingId}-help`} className="sr-only">
        Enter runs the command. Up and Down recall earlier commands. Tab completes commands, kinds and names while you type. Control L
        clears the output. Control C stops a watch or a long sim advance. sim ssh and a node name opens a shell on that node; exit leaves
        it.
      </p>
    </div>
  );
}
