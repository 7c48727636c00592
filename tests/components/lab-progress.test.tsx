// A long `sim advance` in the panel on the page's thread (jsdom has no Worker, so the panel runs
// its session in-process behind the same interface the worker offers): progress, Cancel, Ctrl+C.
import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LabPanel } from '@/components/lab/LabPanel';
import { memoryCompletions } from '@/lib/labs/completions';
import { labErrors } from '@/lib/labs/errors';
import { loadLabFile } from '@/lib/labs/load';
import { labStarted } from './lab-started';

class FixedResizeObserver {
  observe() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= FixedResizeObserver as unknown as typeof ResizeObserver;

async function renderLab() {
  const result = await loadLabFile(path.join(process.cwd(), 'content/labs/node-failure.yaml'));
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  const user = userEvent.setup();
  const { container } = render(<LabPanel scenario={result.lab} completions={() => memoryCompletions()} storage={() => undefined} />);
  await labStarted();
  return { user, container, terminal: () => screen.getByRole('log', { name: 'Terminal output' }) };
}

const clock = () => screen.getByRole('timer', { name: 'Cluster time' }).textContent;

describe('a long advance in the lab panel', () => {
  it('runs on the page thread where there is no Worker, and says so', async () => {
    const { container } = await renderLab();
    expect(container.querySelector('section.lab')?.getAttribute('data-runs')).toBe('page');
  });

  it('shows its progress, and Cancel stops it where the clock is', async () => {
    const { user, terminal } = await renderLab();
    await user.type(screen.getByRole('textbox', { name: 'Command' }), 'sim advance 24h{Enter}');
    const bar = await screen.findByRole('progressbar', { name: 'Clock advance' });
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^Advancing the clock: \S+ of 24h0m0s$/);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('progressbar', { name: 'Clock advance' })).not.toBeInTheDocument();
    const stopped = clock();
    expect(within(terminal()).getByText(labErrors.stopped('24h0m0s', stopped ?? ''), { exact: false })).toBeInTheDocument();
  });

  it('Ctrl+C at the prompt stops it too', async () => {
    const { user, terminal } = await renderLab();
    const input = screen.getByRole('textbox', { name: 'Command' });
    await user.type(input, 'sim advance 2h{Enter}');
    await screen.findByRole('progressbar', { name: 'Clock advance' });
    await user.keyboard('{Control>}c{/Control}');
    expect(screen.queryByRole('progressbar', { name: 'Clock advance' })).not.toBeInTheDocument();
    expect(within(terminal()).getByText(/stopped before the 2h0m0s had passed/)).toBeInTheDocument();
  });

  it('a short advance shows no progress bar: it is over in a blink', async () => {
    const { user } = await renderLab();
    await user.type(screen.getByRole('textbox', { name: 'Command' }), 'sim advance 5m{Enter}');
    expect(screen.queryByRole('progressbar', { name: 'Clock advance' })).not.toBeInTheDocument();
  });
});
