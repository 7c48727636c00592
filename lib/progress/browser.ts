import { progressChangedEvent, progressKey } from './keys';
import { ProgressStore, type StorageLike } from './store';

/**
 * The one store of the page, wired to the real browser: localStorage, the real clock, and window
 * events so the first-load marks (sidebar, header count) and other tabs see each change.
 */
let store: ProgressStore | undefined;

function localStorageOrNothing(): StorageLike | undefined {
  try {
    const storage = window.localStorage;
    storage.getItem(progressKey);
    return storage;
  } catch {
    return undefined;
  }
}

export function getProgressStore(): ProgressStore {
  if (store) return store;
  const created = new ProgressStore({
    storage: localStorageOrNothing(),
    now: () => Date.now(),
    onSaved: () => window.dispatchEvent(new Event(progressChangedEvent)),
  });
  window.addEventListener('storage', (event) => {
    if (event.key === progressKey || event.key === null) created.reload();
  });
  store = created;
  return created;
}
