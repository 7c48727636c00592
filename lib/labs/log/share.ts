import { decodeLabLog, encodeLabLog } from './codec';
import type { LabLog } from './events';

/**
 * Permalinks: `?lab=<scenario>.<log>` on the chapter's URL, with the lab's anchor. A query
 * parameter works on any static host, and the anchor brings the reader to the lab.
 */
export const shareParam = 'lab';

export async function shareUrl(location: Pick<Location, 'origin' | 'pathname'>, log: LabLog, anchor: string): Promise<string> {
  const url = new URL(location.pathname, location.origin);
  url.searchParams.set(shareParam, `${log.lab}.${await encodeLabLog(log)}`);
  url.hash = anchor;
  return url.toString();
}

/** The shared log for this lab in the page's URL, if there is one and it is valid. */
export async function sharedLogIn(search: string, labId: string): Promise<LabLog | undefined> {
  const value = new URLSearchParams(search).get(shareParam);
  if (!value?.startsWith(`${labId}.`)) return undefined;
  const log = await decodeLabLog(value.slice(labId.length + 1));
  return log?.lab === labId ? log : undefined;
}

/** Whether the URL carries a log for this lab at all (valid or not): the launcher opens the lab at once. */
export const urlNamesLab = (search: string, labId: string) => new URLSearchParams(search).get(shareParam)?.startsWith(`${labId}.`) === true;
