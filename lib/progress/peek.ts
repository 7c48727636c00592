/**
 * The first-load reader: what the sidebar marks and the header count need, read straight from
 * the stored JSON without zod (which would cost far more than this whole module). It trusts
 * nothing: any surprise gives empty results. Full validation happens in the lazy store.
 */
export interface ProgressPeek {
  read: readonly string[];
  /** The chapter read most recently, for "continue where you left off". */
  lastRead?: string;
  passed: readonly string[];
  best: Readonly<Record<string, number>>;
  due: number;
  /** Lab scenario ids completed. */
  labs: readonly string[];
}

export const emptyPeek: ProgressPeek = { read: [], passed: [], best: {}, due: 0, labs: [] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function peekProgress(raw: string | null, now: number): ProgressPeek {
  if (!raw) return emptyPeek;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return emptyPeek;
  }
  // Versions 2 and 3 agree on every field read here; version 1 data is migrated by the store first.
  if (!isRecord(data) || (data.version !== 2 && data.version !== 3)) return emptyPeek;
  const { chapters, quizzes, cards, labs } = data;
  const quizEntries = isRecord(quizzes)
    ? Object.entries(quizzes).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1]))
    : [];
  const readAt = isRecord(chapters)
    ? Object.entries(chapters).flatMap(([slug, c]) => (isRecord(c) && typeof c.readAt === 'number' ? [[slug, c.readAt] as const] : []))
    : [];
  return {
    read: isRecord(chapters) ? Object.keys(chapters) : [],
    lastRead: readAt.reduce<readonly [string, number] | undefined>((last, e) => (!last || e[1] > last[1] ? e : last), undefined)?.[0],
    passed: quizEntries.filter(([, q]) => typeof q.passedAt === 'number').map(([slug]) => slug),
    best: Object.fromEntries(quizEntries.filter(([, q]) => typeof q.best === 'number').map(([slug, q]) => [slug, q.best as number])),
    due: isRecord(cards) ? Object.values(cards).filter((c) => isRecord(c) && typeof c.due === 'number' && c.due <= now).length : 0,
    labs: isRecord(labs) ? Object.keys(labs).filter((id) => isRecord(labs[id])) : [],
  };
}
