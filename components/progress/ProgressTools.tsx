'use client';

import { useEffect, useRef, useState } from 'react';
import { decodeImport, decodeTransfer, importLimitBytes, progressErrors, summary, transferPayload } from '@/lib/progress';
import type { Progress } from '@/lib/progress';
import { useProgress, useQuizServices } from '../quiz/services';
import { ProgressNotices } from './ProgressNotices';
import { ProgressTransfer } from './ProgressTransfer';

function describe(p: Progress): string {
  const s = summary(p);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${count(s.chapters, 'chapter', 'chapters')} read, ${count(s.quizzes, 'quiz', 'quizzes')} taken, ${count(s.cards, 'review card', 'review cards')}, ${count(s.labs, 'lab', 'labs')} completed`;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Message = { kind: 'ok' | 'error'; text: string };

type Persistence = 'unknown' | 'granted' | 'denied' | 'unsupported';

const persistenceWords: Record<Persistence, string> = {
  unknown: '',
  granted: 'Your browser keeps this data until you clear it yourself (persistent storage granted).',
  denied:
    'Your browser may clear this data when it runs low on space (persistent storage not granted); export a copy now and then to be safe.',
  unsupported: 'This browser cannot promise to keep this data; export a copy now and then to be safe.',
};

/** Asks once for storage the browser will not clear on its own, and reports the answer. */
function usePersistence(canSave: boolean): Persistence {
  const [state, setState] = useState<Persistence>('unknown');
  useEffect(() => {
    if (!canSave) return;
    const storage = navigator.storage;
    if (!storage?.persist || !storage.persisted) {
      setState('unsupported');
      return;
    }
    let cancelled = false;
    storage
      .persisted()
      .then((already) => already || storage.persist())
      .then(
        (granted) => !cancelled && setState(granted ? 'granted' : 'denied'),
        () => !cancelled && setState('unsupported'),
      );
    return () => {
      cancelled = true;
    };
  }, [canSave]);
  return state;
}

/** Export, import (checked before anything is replaced) and reset (after confirmation). */
export function ProgressTools() {
  const { store, progress } = useProgress();
  const { now } = useQuizServices();
  const [message, setMessage] = useState<Message>();
  const [pendingImport, setPendingImport] = useState<{ text: string; name: string; what?: string; description: string }>();
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [backups] = useState(() => store.backups());
  const fileInput = useRef<HTMLInputElement>(null);
  const canSave = store.canSave();
  const persistence = usePersistence(canSave);
  const newer = store.heldNewerVersion();

  // A transfer link (#progress=...) is read once, checked like a file, and confirmed like one.
  useEffect(() => {
    const payload = transferPayload(window.location.hash);
    if (payload === undefined) return;
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    let cancelled = false;
    decodeTransfer(payload, now()).then((decoded) => {
      if (cancelled) return;
      if ('error' in decoded) setMessage({ kind: 'error', text: decoded.error });
      else
        setPendingImport({
          text: decoded.text,
          name: 'the link',
          what: 'the progress in the link',
          description: describe(decoded.progress),
        });
    });
    return () => {
      cancelled = true;
    };
  }, [now]);

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(undefined);
    // Before reading: a huge file would otherwise be read whole into memory first.
    if (file.size > importLimitBytes) {
      if (fileInput.current) fileInput.current.value = '';
      setMessage({ kind: 'error', text: progressErrors.importTooLarge });
      return;
    }
    const text = await file.text();
    const decoded = decodeImport(text, now());
    if (fileInput.current) fileInput.current.value = '';
    if ('error' in decoded) setMessage({ kind: 'error', text: decoded.error });
    else setPendingImport({ text, name: file.name, description: describe(decoded.progress) });
  };

  const confirmImport = () => {
    if (!pendingImport) return;
    const result = store.importFile(pendingImport.text);
    setPendingImport(undefined);
    setMessage(
      result.ok
        ? { kind: 'ok', text: `Imported ${pendingImport.name}.${result.notice ? ` ${result.notice.message}` : ''}` }
        : { kind: 'error', text: result.error },
    );
  };

  return (
    <div className="progress-tools">
      <ProgressNotices store={store} />
      {canSave ? (
        <p className="progress-summary">Saved in this browser: {describe(progress)}.</p>
      ) : (
        <p className="progress-summary">Not being saved: {describe(progress)} so far, kept only while this tab is open.</p>
      )}
      {canSave && persistence !== 'unknown' && <p className="progress-persistence">{persistenceWords[persistence]}</p>}
      <div className="quiz-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            const file = store.exportFile();
            download(file.name, file.text);
            setMessage({ kind: 'ok', text: `Exported ${file.name}.` });
          }}
        >
          Export progress
        </button>
        <label className="button progress-import">
          Import progress…
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
        </label>
        <button
          type="button"
          className="button"
          onClick={() => setConfirmingReset(true)}
          aria-expanded={confirmingReset}
          aria-controls="progress-reset-confirm"
        >
          Reset progress…
        </button>
      </div>
      <ProgressTransfer progress={progress} now={now} />

      {pendingImport && (
        <div className="progress-confirm" role="group" aria-labelledby="progress-import-question">
          <p id="progress-import-question">
            Replace your progress ({describe(progress)}) with {pendingImport.what ?? `the file ${pendingImport.name}`} (
            {pendingImport.description})?
          </p>
          <div className="quiz-actions">
            <button type="button" className="button button-primary" onClick={confirmImport} autoFocus>
              Replace my progress
            </button>
            <button type="button" className="button" onClick={() => setPendingImport(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {confirmingReset && (
        <div className="progress-confirm" id="progress-reset-confirm" role="group" aria-labelledby="progress-reset-question">
          <p id="progress-reset-question">
            {newer
              ? `Replace the progress a newer version of Clusterbook saved (version ${newer}, which this page cannot read) with a fresh start?`
              : `Forget everything saved in this browser (${describe(progress)})?`}{' '}
            This cannot be undone; export first if you may want it back.
          </p>
          <div className="quiz-actions">
            <button
              type="button"
              className="button button-danger"
              autoFocus
              onClick={() => {
                store.reset();
                setConfirmingReset(false);
                setMessage({ kind: 'ok', text: 'Your progress was reset.' });
              }}
            >
              Reset everything
            </button>
            <button type="button" className="button" onClick={() => setConfirmingReset(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {backups.length > 0 && (
        <details className="progress-backups">
          <summary>Restore an earlier copy</summary>
          <p>Clusterbook keeps a copy of your progress from each of the last few days you visited.</p>
          <ul>
            {backups.map((b) => (
              <li key={b.key}>
                {b.day}: {describe(b.progress)}{' '}
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    if (store.restoreBackup(b.key)) setMessage({ kind: 'ok', text: `Restored the copy from ${b.day}.` });
                  }}
                >
                  Restore the copy from {b.day}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}

      <div aria-live="polite" className="progress-message">
        {message && <p className={message.kind === 'error' ? 'quiz-problem' : 'quiz-ok'}>{message.text}</p>}
      </div>
    </div>
  );
}
