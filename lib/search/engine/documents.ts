import { mainName, namesInParentheses } from '../query/aliases';
import { stem, wordsOf } from '../query/normalize';
import type { SearchRecord } from '../types';

/** The fields of a record that are searched, in the order of searchConfig.fields. */
export const fieldNames = ['name', 'keywords', 'chapter', 'part', 'body'] as const;
export type FieldName = (typeof fieldNames)[number];

/**
 * A record as the scorer sees it: the words of each field (normalised, not stemmed: the
 * vocabulary for spelling correction is made of them) and the names it answers to, for the
 * exact-name bonus. Built in the browser when the index loads, so the file ships each text once.
 */
export interface SearchDocument {
  fields: Record<FieldName, string[]>;
  /** Each name of the record (heading or term, aliases, Korean names) as stemmed words. */
  names: string[][];
}

export function toSearchDocument(record: SearchRecord): SearchDocument {
  const isSection = record.kind !== 'glossary' && record.section !== null;
  // "namespace (Linux)" is named "namespace"; "Linux" is another way to find it.
  const name = record.section ?? (record.kind === 'glossary' ? mainName(record.title) : record.title);
  const otherNames = [
    ...(record.kind === 'glossary' ? namesInParentheses(record.title) : []),
    ...record.keywords,
    ...(record.koNames ?? []),
  ];
  const fields: Record<FieldName, string[]> = {
    name: wordsOf(name),
    keywords: otherNames.flatMap(wordsOf),
    // A chapter's introduction is named after the chapter already; counting it twice would
    // rank introductions above the sections that answer the question.
    chapter: isSection ? wordsOf(record.title) : [],
    part: wordsOf(record.part ?? ''),
    body: wordsOf(record.koText ? `${record.text} ${record.koText}` : record.text),
  };
  // A quiz record is "named" Quiz; nobody searching for a topic means that name. A section's
  // Korean names are those of the terms that link to it: they find it, but do not name it.
  const ownNames = record.kind === 'glossary' ? otherNames : record.keywords;
  const names = record.kind === 'quiz' ? [] : [name, ...ownNames].map((n) => wordsOf(n).map(stem)).filter((n) => n.length);
  return { fields, names };
}
