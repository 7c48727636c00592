import { mainName, namesInParentheses } from '../query/aliases';
import { normalizeText } from '../query/normalize';
import type { RecordWords } from '../query/vocabulary';
import type { SearchRecord } from '../types';

/**
 * The normalised copy of a record that fuse.js searches (keys and weights: see config.ts). Built
 * in the browser when the index loads, so the file ships each text once. Fields a record does not
 * have are left undefined, which fuse.js skips without searching.
 */
export interface SearchDocument {
  name: string;
  /** All aliases in one field, so a term found in three aliases of one entry counts once. */
  keywords?: string;
  chapter?: string;
  body: string;
}

export function toSearchDocument(record: SearchRecord): SearchDocument {
  const isSection = record.kind === 'section' && record.section !== null;
  // "namespace (Linux)" is named "namespace"; "Linux" is another way to find it.
  const name = record.section ?? (record.kind === 'glossary' ? mainName(record.title) : record.title);
  const otherNames = [...(record.kind === 'glossary' ? namesInParentheses(record.title) : []), ...record.keywords];
  return {
    name: normalizeText(name),
    keywords: otherNames.length ? normalizeText(otherNames.join(' ')) : undefined,
    // A chapter's introduction is named after the chapter already; counting it twice would
    // rank introductions above the sections that answer the question.
    chapter: isSection ? normalizeText(record.title) : undefined,
    body: normalizeText(record.text),
  };
}

const split = (text: string) => text.split(' ').filter(Boolean);

export function documentWords(document: SearchDocument): RecordWords {
  const names = split(`${document.name} ${document.keywords ?? ''} ${document.chapter ?? ''}`);
  return { names, all: [...names, ...split(document.body)] };
}
