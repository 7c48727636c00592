import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProgressTools } from '@/components/progress/ProgressTools';
import { recordLabCompleted } from '@/lib/progress/model';
import { emptyProgress } from '@/lib/progress/schema';
import { encodeTransfer, transferPayload } from '@/lib/progress/transfer';
import { progressErrors } from '@/lib/progress/errors';
import { MemoryStorage } from '../quiz/support/memory-storage';
import { testServices } from '../quiz/support/services';

function setup() {
  const t = testServices([], new MemoryStorage());
  render(<ProgressTools />, { wrapper: t.wrapper });
  return { ...t, user: userEvent.setup() };
}

afterEach(() => history.replaceState(null, '', '/'));

describe('moving progress to another device', () => {
  it('shows a link with the progress and its QR code, and copies the link', async () => {
    const { user, store } = setup();
    store.update((p, now) => recordLabCompleted(p, 'node-failure', now));
    const toggle = screen.getByRole('button', { name: 'Move to another device…' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const link = (await screen.findByRole('textbox', { name: 'Link to your progress' })) as HTMLInputElement;
    const payload = transferPayload(new URL(link.value).hash);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(screen.getByRole('img', { name: 'QR code of the link to your progress' })).toBeInTheDocument();
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writes).toEqual([link.value]);
  });

  it('opening the link asks before replacing anything, then imports it', async () => {
    const payload = await encodeTransfer(recordLabCompleted(emptyProgress(), 'node-failure', 1), 1);
    history.replaceState(null, '', `/quiz#progress=${payload}`);
    const { user, store } = setup();
    expect(
      await screen.findByText(/with the progress in the link \(0 chapters read, 0 quizzes taken, 0 review cards, 1 lab completed\)\?/),
    ).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(Object.keys(store.get().labs)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Replace my progress' }));
    expect(Object.keys(store.get().labs)).toEqual(['node-failure']);
  });

  it('a damaged link says so and changes nothing', async () => {
    history.replaceState(null, '', '/quiz#progress=abc');
    const { store } = setup();
    expect(await screen.findByText(progressErrors.transferDamaged)).toBeInTheDocument();
    expect(Object.keys(store.get().labs)).toEqual([]);
  });
});
