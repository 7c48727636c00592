import type { MarkedText } from '@/lib/search';

/** Text with its matched words in <mark>. */
export function Highlighted({ text, marks }: MarkedText) {
  const parts = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
