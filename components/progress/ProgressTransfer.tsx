'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { encode } from 'uqr';
import { encodeTransfer, transferLink, type Progress } from '@/lib/progress';

/** The QR code as one SVG path of dark modules, on a light ground whatever the theme (scanners need the contrast). */
function QrCode({ text, label }: { text: string; label: string }) {
  const qr = useMemo(() => {
    try {
      return encode(text, { ecc: 'L', border: 4 });
    } catch {
      return undefined;
    }
  }, [text]);
  if (!qr) return <p className="progress-transfer-note">Your progress is too large for a QR code; copy the link instead.</p>;
  let d = '';
  for (const [y, row] of qr.data.entries()) for (const [x, dark] of row.entries()) if (dark) d += `M${x} ${y}h1v1h-1z`;
  const size = qr.data.length;
  return (
    <svg className="progress-transfer-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/** "Move to another device": a link holding the compressed progress, its QR code, and Copy. */
export function ProgressTransfer({ progress, now }: { progress: Progress; now: () => number }) {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<string>();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const panelId = useId();
  const linkId = useId();
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    encodeTransfer(progress, now()).then(
      (payload) => !cancelled && setLink(transferLink(`${window.location.origin}${window.location.pathname}`, payload)),
      () => !cancelled && setLink(''),
    );
    return () => {
      cancelled = true;
    };
  }, [open, progress, now]);
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="progress-transfer">
      <button type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
        Move to another device…
      </button>
      {open && (
        <div id={panelId} className="progress-confirm" role="group" aria-label="Move your progress to another device">
          <p>
            Open this link on the other device, or scan the code with its camera. The link holds your progress itself (nothing is sent to a
            server), so share it only with yourself. The other device asks before it replaces anything.
          </p>
          {link === '' ? (
            <p role="alert">This browser cannot compress data, so it cannot make a link; export a file instead.</p>
          ) : link ? (
            <>
              <label htmlFor={linkId}>Link to your progress</label>
              <div className="progress-transfer-row">
                <input id={linkId} className="progress-transfer-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="button" onClick={copy}>
                  <span aria-live="polite">
                    {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the link' : 'Copy link'}
                  </span>
                </button>
              </div>
              <QrCode text={link} label="QR code of the link to your progress" />
            </>
          ) : (
            <p aria-live="polite">Preparing the link…</p>
          )}
        </div>
      )}
    </div>
  );
}
