import { searchConfig } from '../config';
import type { MarkedText, QueryTerm } from '../types';

const letterOrDigit = '[\\p{L}\\p{N}]';
const between = '[^\\p{L}\\p{N}]+';
const maxMarks = 200;
/** Context kept before the first match, so the snippet starts mid-sentence rather than at the word. */
const lead = 30;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex that finds the terms in display text the way the search matched them in normalised
 * text: at the start of a word, any punctuation between the words of a phrase, any case. Terms
 * only hold letters, digits and spaces, so the regex has no nested repetition and runs in linear time.
 */
export function termMatcher(terms: readonly QueryTerm[]): RegExp | null {
  const sources = [...terms]
    .sort((a, b) => b.text.length - a.text.length)
    .map((t) => {
      const words = t.text.split(' ').map(escapeRegex).join(between);
      const end = t.match === 'prefix' ? `${letterOrDigit}*` : `(?!${letterOrDigit})`;
      return `(?<!${letterOrDigit})${words}${end}`;
    });
  return sources.length ? new RegExp(sources.join('|'), 'giu') : null;
}

function findMarks(text: string, matcher: RegExp | null): [number, number][] {
  if (!matcher) return [];
  const marks: [number, number][] = [];
  for (const m of text.matchAll(matcher)) {
    if (m[0].length) marks.push([m.index, m.index + m[0].length]);
    if (marks.length >= maxMarks) break;
  }
  return marks;
}

export function markText(text: string, matcher: RegExp | null): MarkedText {
  return { text, marks: findMarks(text, matcher) };
}

/** Where to start a window of `length` characters so that it shows the most different matched words (one pass, sliding). */
function bestWindowStart(text: string, marks: [number, number][], length: number): number {
  const inWindow = new Map<string, number>();
  const wordAt = (k: number) => text.slice(marks[k][0], marks[k][1]).toLowerCase();
  let best = 0;
  let bestCount = 0;
  let j = 0;
  for (let i = 0; i < marks.length; i++) {
    for (; j < marks.length && marks[j][1] <= marks[i][0] + length - lead; j++) {
      inWindow.set(wordAt(j), (inWindow.get(wordAt(j)) ?? 0) + 1);
    }
    if (inWindow.size > bestCount) [best, bestCount] = [marks[i][0], inWindow.size];
    if (i < j) {
      const left = (inWindow.get(wordAt(i)) ?? 1) - 1;
      if (left) inWindow.set(wordAt(i), left);
      else inWindow.delete(wordAt(i));
    } else j = i + 1;
  }
  return best;
}

/** A piece of `text` around its best match, cut at word boundaries, with "…" where it was cut. */
export function snippetOf(text: string, matcher: RegExp | null, length: number = searchConfig.snippetLength): MarkedText {
  const marks = findMarks(text, matcher);
  let start = marks.length ? Math.max(0, bestWindowStart(text, marks, length) - lead) : 0;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space - start < lead) start = space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const before = start > 0 ? '…' : '';
  const after = end < text.length ? '…' : '';
  const shift = before.length - start;
  return {
    text: before + text.slice(start, end) + after,
    marks: marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  };
}
