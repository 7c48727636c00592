import { progressErrors } from '@/lib/progress/errors';
import { currentVersion, progressKey, setAsidePrefix } from '@/lib/progress/keys';
import { markChapterRead, recordAnswer, recordQuizAttempt } from '@/lib/progress/model';
import { rateAnswer } from '@/lib/progress/rating';
import { emptyProgress, type Progress } from '@/lib/progress/schema';
import { ProgressStore } from '@/lib/progress/store';
import { MemoryStorage, travellingClock } from './support/memory-storage';

function storeWith(initial: Record<string, string> = {}) {
  const storage = new MemoryStorage(initial);
  const clock = travellingClock();
  const saved: number[] = [];
  const store = new ProgressStore({ storage, now: clock.now, onSaved: () => saved.push(clock.now()) });
  return { storage, clock, store, saved };
}

const stored = (storage: MemoryStorage): Progress => JSON.parse(storage.getItem(progressKey)!);

describe('the progress store', () => {
  it('starts empty when nothing was saved, with nothing to tell the reader', () => {
    const { store } = storeWith();
    expect(store.get()).toEqual(emptyProgress());
    expect(store.getNotices()).toEqual([]);
  });

  it('saves every change and tells listeners', () => {
    const { store, storage, saved } = storeWith();
    const heard: number[] = [];
    store.subscribe(() => heard.push(1));
    store.update((p, now) => markChapterRead(p, 'node-failure', now));
    expect(stored(storage).chapters['node-failure']).toEqual({ readAt: Date.UTC(2025, 2, 14, 9, 0) });
    expect(saved).toHaveLength(1);
    expect(heard).toHaveLength(1);
  });

  it('does not write when an update changes nothing', () => {
    const { store, saved } = storeWith();
    store.update((p, now) => markChapterRead(p, 'a', now));
    store.update((p, now) => markChapterRead(p, 'a', now));
    expect(saved).toHaveLength(1);
  });

  it('reads back what it saved in an earlier visit', () => {
    const first = storeWith();
    first.store.update((p, now) => recordQuizAttempt(p, 'node-failure', { correct: 7, total: 8 }, 0.8, now));
    const second = new ProgressStore({ storage: first.storage, now: first.clock.now });
    expect(second.get().quizzes['node-failure']).toMatchObject({ best: 7 / 8, passedAt: first.clock.now() });
  });

  it('migrates version 1 data, saves it as the current version, and says so', () => {
    const v1 = { version: 1, read: ['containers-and-images'], scores: { 'containers-and-images': 0.9, 'node-failure': 0.5 } };
    const { store, storage, clock } = storeWith({ [progressKey]: JSON.stringify(v1) });
    expect(store.get()).toEqual({
      version: currentVersion,
      chapters: { 'containers-and-images': { readAt: clock.now() } },
      quizzes: {
        'containers-and-images': { attempts: [], best: 0.9, passedAt: clock.now() },
        'node-failure': { attempts: [], best: 0.5 },
      },
      labs: {},
      cards: {},
      days: {},
    });
    expect(stored(storage).version).toBe(currentVersion);
    expect(store.getNotices()).toEqual([{ kind: 'migrated', message: progressErrors.migrated(1) }]);
  });

  it.each([
    ['text that is not JSON', '{"version": 2, "chapters": '],
    ['another app’s data under our key', JSON.stringify({ theme: 'dark', items: [1, 2] })],
    ['a damaged current version', JSON.stringify({ ...emptyProgress(), chapters: { x: { readAt: 'yesterday' } } })],
    ['a JSON string', '"hello"'],
    ['null', 'null'],
  ])('sets aside %s under another key, starts fresh, and tells the reader', (_, raw) => {
    const { store, storage, clock } = storeWith({ [progressKey]: raw });
    const key = `${setAsidePrefix}${clock.now()}`;
    expect(store.get()).toEqual(emptyProgress());
    expect(storage.getItem(key)).toBe(raw);
    expect(store.getNotices()).toEqual([{ kind: 'set-aside', message: progressErrors.setAside(key) }]);
    store.update((p, now) => markChapterRead(p, 'a', now));
    expect(storage.getItem(key)).toBe(raw);
  });

  it('keeps a daily copy of good progress, only the last few days, and restores one', () => {
    const { storage, clock } = storeWith();
    let store = new ProgressStore({ storage, now: clock.now });
    for (const slug of ['a', 'b', 'c', 'd', 'e']) {
      store.update((p, now) => markChapterRead(p, slug, now));
      clock.travel(24 * 60 * 60 * 1000);
      store = new ProgressStore({ storage, now: clock.now });
    }
    const copies = store.backups();
    expect(copies.map((c) => Object.keys(c.progress.chapters).length)).toEqual([5, 4, 3]);
    store.reset();
    expect(store.restoreBackup(copies[1].key)).toBe(true);
    expect(Object.keys(store.get().chapters)).toEqual(['a', 'b', 'c', 'd']);
    expect([...storage.items.keys()].filter((k) => k.startsWith('clusterbook.progress.backup.'))).toHaveLength(3);
  });

  it('sets the same unreadable data aside once, however many pages load it', () => {
    const { storage, clock } = storeWith({ [progressKey]: '{oops' });
    const first = `${setAsidePrefix}${clock.now()}`;
    for (let i = 0; i < 3; i++) {
      clock.travel(60_000);
      new ProgressStore({ storage, now: clock.now });
    }
    const copies = [...storage.items.keys()].filter((k) => k.startsWith(setAsidePrefix));
    expect(copies).toEqual([first]);
    expect(new ProgressStore({ storage, now: clock.now }).getNotices()[0]).toEqual({
      kind: 'set-aside',
      message: progressErrors.setAside(first),
    });
  });

  it('keeps data a newer version wrote, says so, and does not overwrite it from this older tab', () => {
    const raw = JSON.stringify({ version: currentVersion + 1, everything: {} });
    const { store, storage } = storeWith({ [progressKey]: raw });
    expect(store.getNotices()).toEqual([
      { kind: 'newer-version', message: progressErrors.newerVersionKept(currentVersion + 1, currentVersion) },
    ]);
    expect(store.canSave()).toBe(false);
    expect(store.heldNewerVersion()).toBe(currentVersion + 1);
    store.update((p, now) => markChapterRead(p, 'a', now));
    expect(storage.getItem(progressKey)).toBe(raw);
    expect([...storage.items.keys()].some((k) => k.startsWith(setAsidePrefix))).toBe(false);
  });

  it('keeps telling the reader about set-aside data on later visits until they dismiss it', () => {
    const { store, storage, clock } = storeWith({ [progressKey]: '{oops' });
    store.update((p, now) => markChapterRead(p, 'a', now));
    const notice = progressErrors.setAside(`${setAsidePrefix}${clock.now()}`);
    const later = new ProgressStore({ storage, now: clock.now });
    expect(later.getNotices()).toEqual([{ kind: 'set-aside', message: notice }]);
    later.dismissNotice(later.getNotices()[0]);
    expect(new ProgressStore({ storage, now: clock.now }).getNotices()).toEqual([]);
    expect(storage.getItem(`${setAsidePrefix}${clock.now()}`)).toBe('{oops');
  });

  it('leaves unreadable data untouched, and saves nothing, when there is no room to set it aside', () => {
    const raw = 'x'.repeat(50);
    const { store, storage } = storeWith({ [progressKey]: raw });
    storage.capacity = 0;
    store.reload();
    expect(store.getNotices().map((n) => n.kind)).toContain('set-aside-failed');
    storage.capacity = Infinity;
    store.update((p, now) => markChapterRead(p, 'a', now));
    expect(storage.getItem(progressKey)).toBe(raw);
  });

  it('trims old attempts when storage is full and says so, keeping best scores', () => {
    const { store, storage } = storeWith();
    for (let i = 0; i < 15; i++) store.update((p, now) => recordQuizAttempt(p, 'q', { correct: i % 8, total: 8 }, 0.8, now + i));
    storage.capacity = JSON.stringify(stored(storage)).length + progressKey.length - 10;
    store.update((p, now) => markChapterRead(p, 'a', now));
    expect(stored(storage).quizzes.q.attempts).toHaveLength(3);
    expect(stored(storage).quizzes.q.best).toBe(7 / 8);
    expect(stored(storage).chapters.a).toBeDefined();
    expect(store.getNotices().map((n) => n.message)).toEqual([progressErrors.quotaTrimmed]);
  });

  it('keeps progress in memory and tells the reader when storage is completely full', () => {
    const { store, storage } = storeWith();
    storage.capacity = 10;
    expect(() => store.update((p, now) => markChapterRead(p, 'a', now))).not.toThrow();
    expect(store.get().chapters.a).toBeDefined();
    expect(store.getNotices().map((n) => n.message)).toEqual([progressErrors.quota]);
  });

  it('works without any storage at all (blocked by the browser)', () => {
    const store = new ProgressStore({ storage: undefined, now: () => 0 });
    store.update((p, now) => markChapterRead(p, 'a', now));
    expect(store.get().chapters.a).toBeDefined();
    expect(store.getNotices().map((n) => n.kind)).toEqual(['unavailable']);
  });

  it('resets to empty', () => {
    const { store, storage } = storeWith();
    store.update((p, now) => recordAnswer(markChapterRead(p, 'a', now), 'a/q1', rateAnswer(true, undefined), now));
    store.reset();
    expect(store.get()).toEqual(emptyProgress());
    expect(stored(storage)).toEqual(emptyProgress());
  });
});

describe('export and import', () => {
  function withProgress() {
    const setup = storeWith();
    setup.store.update((p, now) => markChapterRead(p, 'node-failure', now));
    setup.store.update((p, now) => recordQuizAttempt(p, 'node-failure', { correct: 6, total: 8 }, 0.8, now));
    setup.store.update((p, now) => recordAnswer(p, 'node-failure/grace-period', rateAnswer(false, undefined), now));
    return setup;
  }

  it('round-trips: importing an export into a fresh browser gives the same progress', () => {
    const { store } = withProgress();
    const file = store.exportFile();
    expect(file.name).toBe('clusterbook-progress-2025-03-14.json');
    const other = storeWith();
    expect(other.store.importFile(file.text)).toEqual({ ok: true, notice: undefined });
    expect(other.store.get()).toEqual(store.get());
    expect(stored(other.storage)).toEqual(store.get());
  });

  it('imports a version 1 export by migrating it', () => {
    const file = JSON.stringify({
      format: 'clusterbook-progress',
      version: 1,
      exportedAt: '2024-01-01T00:00:00Z',
      progress: { version: 1, read: ['a'], scores: {} },
    });
    const { store } = storeWith();
    expect(store.importFile(file)).toEqual({ ok: true, notice: { kind: 'migrated', message: progressErrors.migrated(1) } });
    expect(Object.keys(store.get().chapters)).toEqual(['a']);
  });

  const exportOf = (progress: unknown, version = currentVersion) =>
    JSON.stringify({ format: 'clusterbook-progress', version, exportedAt: '2025-01-01T00:00:00Z', progress });

  it.each([
    ['a file that is not JSON', 'not json at all', progressErrors.importNotJson],
    ['a JSON file from something else', JSON.stringify({ hello: 'world' }), progressErrors.importNotProgress],
    ['an export from a newer version', exportOf({ version: 99 }, 99), progressErrors.importNewer(99, currentVersion)],
    [
      'an export with damaged data',
      exportOf({ ...emptyProgress(), cards: { 'a/b': { due: 'soon' } } }),
      /^That progress file is damaged \(cards\.a\/b\.due: /,
    ],
    [
      'an export whose label and data disagree',
      exportOf({ version: 1, read: [], scores: {} }, 2),
      /^That progress file is damaged \(version: /,
    ],
    ['a file too large to be ours', 'x'.repeat(5_000_001), progressErrors.importTooLarge],
  ])('rejects %s with a clear message and changes nothing', (_, text, message) => {
    const { store, storage } = withProgress();
    const before = storage.getItem(progressKey);
    const result = store.importFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(
        typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message,
      );
    expect(storage.getItem(progressKey)).toBe(before);
  });
});
