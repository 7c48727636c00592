import type { Verdict as VerdictKind } from './types';

const words: Record<VerdictKind, string> = { right: 'Correct', wrong: 'Wrong', missed: 'Missed' };
const icons: Record<VerdictKind, string> = { right: '✓', wrong: '✗', missed: '!' };

/** The tag beside an option, item or match after grading. */
export function Verdict({ kind, text }: { kind: VerdictKind; text?: string }) {
  return (
    <span className={`quiz-verdict quiz-verdict-${kind}`}>
      <span aria-hidden="true">{icons[kind]} </span>
      {text ?? words[kind]}
    </span>
  );
}
