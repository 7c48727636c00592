// The index file is input from the network: it may be missing, cut short, from an older build or
// not JSON at all. It is checked here, once, before anything searches it.
import * as z from 'zod/mini';
import { searchConfig } from '../config';
import { errorMessages } from '../errorMessages';
import { recordKinds } from '../indexing/records';
import type { SearchIndexFile } from '../types';

const searchRecordSchema = z.object({
  kind: z.enum(recordKinds),
  title: z.string(),
  section: z.nullable(z.string()),
  url: z.string(),
  text: z.string(),
  keywords: z.array(z.string()),
  part: z.optional(z.string()),
  koNames: z.optional(z.array(z.string())),
  koText: z.optional(z.string()),
});

const searchIndexSchema = z.object({
  version: z.number(),
  records: z.array(searchRecordSchema),
});

export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchIndexError';
  }
}

/** Validates a parsed index file; throws SearchIndexError with a message fit to show a reader. */
export function parseSearchIndex(data: unknown): SearchIndexFile {
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof data === 'object' && data !== null && version !== searchConfig.indexVersion) {
    throw new SearchIndexError(errorMessages.indexVersion(version, searchConfig.indexVersion));
  }
  const parsed = searchIndexSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'file';
    throw new SearchIndexError(errorMessages.indexInvalid(`${where}: ${issue.code.replace(/_/g, ' ')}`));
  }
  return parsed.data;
}

/** Fetches and validates the index file. Failures become SearchIndexError with a reader-facing message. */
export async function fetchSearchIndex(fetchFile: typeof fetch = fetch, url: string = searchConfig.indexUrl): Promise<SearchIndexFile> {
  let response: Response;
  try {
    response = await fetchFile(url);
  } catch {
    throw new SearchIndexError(errorMessages.indexUnavailable('network error'));
  }
  if (!response.ok) throw new SearchIndexError(errorMessages.indexUnavailable(`HTTP ${response.status}`));
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new SearchIndexError(errorMessages.indexInvalid('not valid JSON'));
  }
  return parseSearchIndex(data);
}
