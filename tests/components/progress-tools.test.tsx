import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProgressTools } from '@/components/progress/ProgressTools';
import { progressErrors } from '@/lib/progress/errors';
import { currentVersion, progressKey, setAsidePrefix } from '@/lib/progress/keys';
import { markChapterRead, recordQuizAttempt } from '@/lib/progress/model';
import { emptyProgress } from '@/lib/progress/schema';
import { MemoryStorage } from '../quiz/support/memory-storage';
import { testServices } from '../quiz/support/services';

function setup(storage = new MemoryStorage()) {
  const t = testServices([], storage);
  t.store.update((p, now) =>
    recordQuizAttempt(markChapterRead(p, 'node-failure', now), 'node-failure', { correct: 8, total: 8 }, 0.8, now),
  );
  render(<ProgressTools />, { wrapper: t.wrapper });
  return { ...t, user: userEvent.setup() };
}

const fileOf = (text: string, name = 'progress.json') => new File([text], name, { type: 'application/json' });

describe('the progress tools', () => {
  it('summarises what is saved', () => {
    setup();
    expect(screen.getByText('Saved in this browser: 1 chapter read, 1 quiz taken, 0 review cards, 0 labs completed.')).toBeInTheDocument();
  });

  it('exports the progress as a JSON file', async () => {
    const { user, store } = setup();
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:progress';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Export progress' }));
    expect(clicks).toHaveBeenCalledOnce();
    expect(JSON.parse(await created[0].text())).toMatchObject({
      format: 'clusterbook-progress',
      version: currentVersion,
      progress: store.get(),
    });
    expect(screen.getByText(/^Exported clusterbook-progress-2025-03-14\.json\./)).toBeInTheDocument();
  });

  it('rejects a malformed file with a clear message and changes nothing', async () => {
    const { user, storage } = setup();
    const before = storage.getItem(progressKey);
    await user.upload(screen.getByLabelText('Import progress…'), fileOf('{"format": "clusterbook-progress", "version": 2'));
    expect(await screen.findByText(progressErrors.importNotJson)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Replace my progress' })).toBeNull();
    expect(storage.getItem(progressKey)).toBe(before);
  });

  it('rejects a file from a newer version and changes nothing', async () => {
    const { user, storage } = setup();
    const before = storage.getItem(progressKey);
    const newer = JSON.stringify({ format: 'clusterbook-progress', version: 7, exportedAt: '2030-01-01T00:00:00Z', progress: {} });
    await user.upload(screen.getByLabelText('Import progress…'), fileOf(newer));
    expect(await screen.findByText(progressErrors.importNewer(7, currentVersion))).toBeInTheDocument();
    expect(storage.getItem(progressKey)).toBe(before);
  });

  it('imports a valid file only after the reader confirms, by keyboard', async () => {
    const { user, store } = setup();
    const incoming = { ...emptyProgress(), chapters: { a: { readAt: 1 }, b: { readAt: 2 } } };
    const text = JSON.stringify({
      format: 'clusterbook-progress',
      version: currentVersion,
      exportedAt: '2025-01-01T00:00:00Z',
      progress: incoming,
    });
    await user.upload(screen.getByLabelText('Import progress…'), fileOf(text, 'backup.json'));
    const replace = await screen.findByRole('button', { name: 'Replace my progress' });
    expect(
      screen.getByText(/with the file backup\.json \(2 chapters read, 0 quizzes taken, 0 review cards, 0 labs completed\)/),
    ).toBeInTheDocument();
    expect(store.get().chapters).toHaveProperty('node-failure');
    expect(replace).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(store.get()).toEqual(incoming);
    expect(screen.getByText('Imported backup.json.')).toBeInTheDocument();
  });

  it('cancelling an import keeps the current progress', async () => {
    const { user, store } = setup();
    const text = JSON.stringify({ format: 'clusterbook-progress', version: currentVersion, exportedAt: 'x', progress: emptyProgress() });
    await user.upload(screen.getByLabelText('Import progress…'), fileOf(text));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(store.get().chapters).toHaveProperty('node-failure');
  });

  it('resets only after confirmation', async () => {
    const { user, store } = setup();
    await user.click(screen.getByRole('button', { name: 'Reset progress…' }));
    expect(store.get().chapters).toHaveProperty('node-failure');
    expect(
      screen.getByText(/Forget everything saved in this browser \(1 chapter read, 1 quiz taken, 0 review cards, 0 labs completed\)\?/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset everything' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(store.get()).toEqual(emptyProgress());
    expect(screen.getByText('Your progress was reset.')).toBeInTheDocument();
  });

  it('tells the reader when damaged progress was set aside', () => {
    const storage = new MemoryStorage({ [progressKey]: '{broken' });
    const t = testServices([], storage);
    render(<ProgressTools />, { wrapper: t.wrapper });
    const key = [...storage.items.keys()].find((k) => k.startsWith(setAsidePrefix))!;
    expect(screen.getByRole('alert')).toHaveTextContent(progressErrors.setAside(key));
    expect(storage.getItem(key)).toBe('{broken');
  });
});
