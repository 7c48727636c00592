import { normalizeText } from '../query/normalize';
import type { RecordWords } from '../query/vocabulary';
import type { SearchRecord } from '../types';

/**
 * The normalised copy of a record that fuse.js searches (keys and weights: see config.ts). Built
 * in the browser when the index loads, so the file ships each text once.
 */
export interface SearchDocument {
  name: string;
  keywords: string[];
  chapter: string;
  body: string;
}

export function toSearchDocument(record: SearchRecord): SearchDocument {
  const isSection = record.kind === 'section' && record.section !== null;
  return {
    name: normalizeText(record.section ?? record.title),
    keywords: record.keywords.map(normalizeText),
    // A chapter's introduction is named after the chapter already; counting it twice would
    // rank introductions above the sections that answer the question.
    chapter: isSection ? normalizeText(record.title) : ' ',
    body: normalizeText(record.text),
  };
}

const split = (text: string) => text.split(' ').filter(Boolean);

export function documentWords(document: SearchDocument): RecordWords {
  const names = split([document.name, ...document.keywords, document.chapter].join(' '));
  return { names, all: [...names, ...split(document.body)] };
}
