import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProgressTools } from '@/components/progress/ProgressTools';
import { importLimitBytes } from '@/lib/progress/codec';
import { progressErrors } from '@/lib/progress/errors';
import { currentVersion, progressKey } from '@/lib/progress/keys';
import { MemoryStorage } from '../quiz/support/memory-storage';
import { testServices } from '../quiz/support/services';

function setup(storage = new MemoryStorage()) {
  const t = testServices([], storage);
  render(<ProgressTools />, { wrapper: t.wrapper });
  return { ...t, user: userEvent.setup() };
}

describe('progress that survives', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const { user } = setup();
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: importLimitBytes + 1 });
    const read = vi.spyOn(file, 'text');
    await user.upload(screen.getByLabelText('Import progress…'), file);
    expect(await screen.findByText(progressErrors.importTooLarge)).toBeInTheDocument();
    expect(read).not.toHaveBeenCalled();
  });

  it('does not claim "Saved in this browser" while a newer version’s data is held, and says what Reset replaces', async () => {
    const raw = JSON.stringify({ version: currentVersion + 1, future: true });
    const { user, storage } = setup(new MemoryStorage({ [progressKey]: raw }));
    expect(screen.queryByText(/^Saved in this browser/)).toBeNull();
    expect(screen.getByText(/^Not being saved/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset progress…' }));
    expect(screen.getByText(new RegExp(`newer version of Clusterbook saved \\(version ${currentVersion + 1}`))).toBeInTheDocument();
    expect(storage.getItem(progressKey)).toBe(raw);
  });
});

describe('restoring an earlier copy', () => {
  it('lists the daily copies and restores the one the reader picks', async () => {
    const storage = new MemoryStorage({
      [progressKey]: JSON.stringify({
        version: currentVersion,
        chapters: { a: { readAt: 1 } },
        quizzes: {},
        labs: {},
        cards: {},
        days: {},
      }),
    });
    const first = testServices([], storage);
    first.store.reset();
    const { user, store } = setup(storage);
    await user.click(screen.getByText('Restore an earlier copy'));
    await user.click(screen.getByRole('button', { name: /^Restore the copy from \d{4}-\d\d-\d\d$/ }));
    expect(Object.keys(store.get().chapters)).toEqual(['a']);
    expect(screen.getByText(/^Restored the copy from/)).toBeInTheDocument();
  });
});
