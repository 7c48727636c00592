'use client';

import { useId, useRef, useState, type ChangeEvent } from 'react';
import { exportScript, importScript, logOf, playgroundErrors, playgroundLimits, type ImportedScript } from '@/lib/labs';
import { useLabSnapshot } from '../lab/LabContext';

/** The file a download is saved as. */
export const scriptFileName = 'clusterbook-playground.sh';

/** "Export script": the session as a file that `npx clusterbook cluster --script` replays. */
export function ExportScript() {
  const snapshot = useLabSnapshot();
  const exportNow = () => {
    const { context } = snapshot();
    const setup = context.scenario.playground;
    if (!setup) return;
    const text = exportScript({ log: logOf(context), scenario: context.scenario, setup, setupEndsAt: context.timeline[0].at });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/x-shellscript' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = scriptFileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" className="lab-button" onClick={exportNow}>
      Export script
    </button>
  );
}

/**
 * "Import a script": a file from `Export script` (or written by hand) becomes the session. Its
 * size is checked before a byte is read; a script with a problem is refused whole, with its line.
 */
export function ImportScript({ onImport }: { onImport: (script: ImportedScript) => void }) {
  const id = useId();
  const [message, setMessage] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    if (file.size > playgroundLimits.scriptMaxBytes) return setMessage(playgroundErrors.tooBig(file.size));
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setMessage(playgroundErrors.notText);
    }
    const result = importScript(text);
    if ('error' in result) return setMessage(`${file.name}: ${result.error}. Nothing was changed.`);
    setMessage('');
    onImport(result);
  };
  return (
    <div className="playground-import">
      <label htmlFor={`${id}file`} className="playground-import-label">
        Import a script
      </label>
      <input
        ref={input}
        id={`${id}file`}
        className="playground-file"
        type="file"
        accept=".sh,.txt,text/plain,text/x-shellscript"
        aria-describedby={`${id}status`}
        onChange={(e) => void pick(e)}
      />
      <p id={`${id}status`} className={message ? 'playground-error' : 'playground-help'} aria-live="polite">
        {message || 'A clusterbook cluster script: its sim init line sets the shape.'}
      </p>
    </div>
  );
}
