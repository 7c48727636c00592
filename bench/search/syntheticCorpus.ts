import type { SearchRecord } from '@/lib/search';

/**
 * A corpus `factor` times the size of the real one, for measuring how search scales. Copy 0 is the
 * real notes; every further copy has its own URLs and titles and about one word in eight replaced
 * by a made-up word, so the vocabulary grows too (about four times for ten copies; Heaps' law
 * predicts three for ten times more real prose) and spelling correction has more words to check. The
 * made-up words start with letters of their own ("bbnode"), as new words would, rather than
 * piling up behind the prefixes of existing ones.
 */
export function syntheticCorpus(records: readonly SearchRecord[], factor: number): SearchRecord[] {
  const copies: SearchRecord[] = [...records];
  for (let copy = 1; copy < factor; copy++) {
    const tag = String.fromCharCode(96 + copy); // b, c, d...
    const vary = (text: string) => text.replace(/[A-Za-z]{4,}/g, (word, at: number) => (at % 8 === 0 ? `${tag}${tag}${word}` : word));
    copies.push(
      ...records.map((r) => ({
        ...r,
        title: `${vary(r.title)} ${copy}`,
        section: r.section === null ? null : vary(r.section),
        url: r.url.replace(/^\/(chapters\/[^#]+|glossary)/, `/$1-${copy}`),
        text: vary(r.text),
        keywords: r.keywords.map(vary),
      })),
    );
  }
  return copies;
}
