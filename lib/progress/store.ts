import { decodeImport, decodeStored, encodeExport, encodeStored, exportFileName } from './codec';
import { progressErrors } from './errors';
import { backupIndexKey, backupPrefix, currentVersion, noticeKey, progressKey, setAsideLastKey, setAsidePrefix } from './keys';
import { trimHistory } from './model';
import { progressPolicy } from './policy';
import { emptyProgress, lastingNoticeSchema, type Progress } from './schema';

/** The part of localStorage the store uses; tests pass an in-memory fake (which can be full). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Something the reader should be told about their saved progress. */
export interface Notice {
  kind: 'set-aside' | 'set-aside-failed' | 'newer-version' | 'migrated' | 'quota' | 'quota-trimmed' | 'unavailable';
  message: string;
}

export interface ProgressStoreOptions {
  /** undefined when the browser offers no storage at all. */
  storage: StorageLike | undefined;
  now: () => number;
  /** Called after every successful save (the browser wiring tells other components). */
  onSaved?: () => void;
}

export type ImportResult = { ok: true; notice?: Notice } | { ok: false; error: string };

const isQuotaError = (error: unknown) =>
  error instanceof Error && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/**
 * Progress kept in browser storage: loaded and checked once, updated through pure functions,
 * saved after each change. It never throws at the reader: damaged data is set aside, a full
 * disk keeps progress in memory, and each of these leaves a notice to show.
 */
export class ProgressStore {
  private progress: Progress;
  private notices: Notice[] = [];
  private listeners = new Set<() => void>();
  /** False after data could be neither read nor set aside: never overwrite what we could not keep. */
  private writable = true;
  /** The version of stored data a newer build wrote; set while this tab leaves it alone. */
  private newerVersion: number | undefined;

  constructor(private readonly options: ProgressStoreOptions) {
    this.progress = this.load();
  }

  get(): Progress {
    return this.progress;
  }

  /** Whether changes are being saved: false without storage, or while stored data must not be overwritten. */
  canSave(): boolean {
    return this.options.storage !== undefined && this.writable && !this.notices.some((n) => n.kind === 'unavailable' || n.kind === 'quota');
  }

  /** Data a newer version wrote, which this tab keeps and does not overwrite (Reset and Import replace it). */
  heldNewerVersion(): number | undefined {
    return this.newerVersion;
  }

  getNotices(): readonly Notice[] {
    return this.notices;
  }

  dismissNotice(notice: Notice): void {
    this.notices = this.notices.filter((n) => n !== notice);
    if (notice.kind === 'set-aside') this.forgetLastingNotice();
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies a pure update (see ./model) with the current time, then saves. */
  update(change: (progress: Progress, now: number) => Progress): void {
    const next = change(this.progress, this.options.now());
    if (next === this.progress) return;
    this.progress = next;
    this.save();
    this.emit();
  }

  exportFile(): { name: string; text: string } {
    const now = this.options.now();
    return { name: exportFileName(now), text: encodeExport(this.progress, now) };
  }

  /** Replaces progress with an export file's; a bad file changes nothing. */
  importFile(text: string): ImportResult {
    const decoded = decodeImport(text, this.options.now());
    if ('error' in decoded) return { ok: false, error: decoded.error };
    this.writable = true;
    this.newerVersion = undefined;
    this.progress = decoded.progress;
    this.save();
    this.emit();
    return {
      ok: true,
      notice: decoded.migratedFrom ? { kind: 'migrated', message: progressErrors.migrated(decoded.migratedFrom) } : undefined,
    };
  }

  /** Forgets everything (the UI asks for confirmation first). */
  reset(): void {
    this.writable = true;
    this.newerVersion = undefined;
    this.progress = emptyProgress();
    this.notices = [];
    this.forgetLastingNotice();
    this.save();
    this.emit();
  }

  /** The automatic daily copies, newest first, each with what it holds. */
  backups(): { key: string; day: string; progress: Progress }[] {
    return this.backupKeys()
      .flatMap((key) => {
        const raw = this.read(key);
        const decoded = raw === null ? undefined : decodeStored(raw, this.options.now());
        return decoded && 'progress' in decoded ? [{ key, day: key.slice(backupPrefix.length), progress: decoded.progress }] : [];
      })
      .reverse();
  }

  /** Replaces progress with one of the automatic copies (the UI confirms first). */
  restoreBackup(key: string): boolean {
    const found = this.backups().find((b) => b.key === key);
    if (!found) return false;
    this.writable = true;
    this.newerVersion = undefined;
    this.progress = found.progress;
    this.save();
    this.emit();
    return true;
  }

  /** Reads storage again, after another tab changed it. */
  reload(): void {
    this.progress = this.load();
    this.emit();
  }

  private load(): Progress {
    const { storage, now } = this.options;
    if (!storage) {
      this.notify({ kind: 'unavailable', message: progressErrors.storageUnavailable });
      return emptyProgress();
    }
    let raw: string | null;
    try {
      raw = storage.getItem(progressKey);
    } catch {
      this.notify({ kind: 'unavailable', message: progressErrors.storageUnavailable });
      return emptyProgress();
    }
    this.recallLastingNotice();
    this.newerVersion = undefined;
    this.writable = true;
    this.notices = this.notices.filter((n) => n.kind !== 'newer-version');
    if (raw === null) return emptyProgress();
    const decoded = decodeStored(raw, now());
    if ('newer' in decoded) {
      this.newerVersion = decoded.newer;
      this.writable = false;
      this.notify({ kind: 'newer-version', message: progressErrors.newerVersionKept(decoded.newer, currentVersion) });
      return emptyProgress();
    }
    if ('unreadable' in decoded) return this.setAside(raw);
    if (decoded.migratedFrom) {
      this.notify({ kind: 'migrated', message: progressErrors.migrated(decoded.migratedFrom) });
      this.progress = decoded.progress;
      this.save();
    }
    this.backUp(encodeStored(decoded.progress));
    return decoded.progress;
  }

  /**
   * Keeps a copy of good progress once per day (the first load of the day, before any change),
   * and only the last few: a bad import or a mistaken reset can then be undone.
   */
  private backUp(raw: string): void {
    const key = `${backupPrefix}${new Date(this.options.now()).toISOString().slice(0, 10)}`;
    const keys = this.backupKeys();
    if (keys.includes(key)) return;
    const kept = [...keys, key].sort();
    const dropped = kept.slice(0, Math.max(0, kept.length - progressPolicy.backupsKept));
    try {
      this.options.storage!.setItem(key, raw);
      for (const old of dropped) this.options.storage!.removeItem(old);
      this.options.storage!.setItem(backupIndexKey, JSON.stringify(kept.slice(dropped.length)));
    } catch {
      // No room for a backup: the progress itself matters more; try again tomorrow.
    }
  }

  private backupKeys(): string[] {
    try {
      const list: unknown = JSON.parse(this.read(backupIndexKey) ?? '[]');
      return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string' && k.startsWith(backupPrefix)).sort() : [];
    } catch {
      return [];
    }
  }

  private read(key: string): string | null {
    try {
      return this.options.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  /**
   * Copies unreadable data to its own key, so a fresh start never destroys it. The same data is
   * copied once: later loads that find it again (nothing was saved over it yet) reuse that copy.
   */
  private setAside(raw: string): Progress {
    const storage = this.options.storage!;
    try {
      const previous = storage.getItem(setAsideLastKey);
      const reused = previous?.startsWith(setAsidePrefix) && storage.getItem(previous) === raw ? previous : undefined;
      const key = reused ?? `${setAsidePrefix}${this.options.now()}`;
      if (!reused) {
        storage.setItem(key, raw);
        storage.setItem(setAsideLastKey, key);
      }
      const notice: Notice = { kind: 'set-aside', message: progressErrors.setAside(key) };
      this.notify(notice);
      storage.setItem(noticeKey, JSON.stringify(notice));
    } catch {
      this.writable = false;
      this.notify({ kind: 'set-aside-failed', message: progressErrors.setAsideFailed });
    }
    return emptyProgress();
  }

  private save(): void {
    const { storage } = this.options;
    if (!storage || !this.writable) return;
    try {
      storage.setItem(progressKey, encodeStored(this.progress));
    } catch (error) {
      if (isQuotaError(error)) this.saveTrimmed();
      else this.notify({ kind: 'unavailable', message: progressErrors.storageUnavailable });
      return;
    }
    this.options.onSaved?.();
  }

  /** Storage is full: drop old attempt history and try once more, else keep progress in memory. */
  private saveTrimmed(): void {
    const trimmed = trimHistory(this.progress, progressPolicy.attemptsKeptWhenFull);
    try {
      this.options.storage!.setItem(progressKey, encodeStored(trimmed));
      this.progress = trimmed;
      this.notify({ kind: 'quota-trimmed', message: progressErrors.quotaTrimmed });
      this.options.onSaved?.();
    } catch {
      this.notify({ kind: 'quota', message: progressErrors.quota });
    }
  }

  /** A set-aside notice is kept in storage until dismissed: the reader may not see the page that found it. */
  private recallLastingNotice(): void {
    try {
      const raw = this.options.storage?.getItem(noticeKey);
      const notice = raw ? lastingNoticeSchema.safeParse(JSON.parse(raw)) : undefined;
      if (notice?.success) this.notify(notice.data);
    } catch {
      // An unreadable notice is not worth a notice of its own.
    }
  }

  private forgetLastingNotice(): void {
    try {
      this.options.storage?.removeItem(noticeKey);
    } catch {
      // Storage gone: nothing to forget.
    }
  }

  /** One notice per kind; a newer one replaces the older. */
  private notify(notice: Notice): void {
    this.notices = [...this.notices.filter((n) => n.kind !== notice.kind), notice];
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
