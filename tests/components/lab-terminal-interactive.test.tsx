// The lab terminal's node shell: sim ssh NODE opens it at the node's prompt, lines run there, exit leaves.
import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LabPanel } from '@/components/lab/LabPanel';
import { memoryCompletions } from '@/lib/labs/completions';
import { loadLabFile } from '@/lib/labs/load';
import { labStarted } from './lab-started';

class FixedResizeObserver {
  observe() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= FixedResizeObserver as unknown as typeof ResizeObserver;

async function renderLab() {
  const result = await loadLabFile(path.join(process.cwd(), 'content/labs', 'node-failure.yaml'));
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  const completions = memoryCompletions();
  render(<LabPanel scenario={result.lab} completions={() => completions} />);
  await labStarted();
  return { user: userEvent.setup(), terminal: () => screen.getByRole('log', { name: 'Terminal output' }) };
}

/** Pastes a line and presses Enter (typing it key by key is slow under load). */
async function enter(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, line: string) {
  await user.click(input);
  await user.paste(line);
  await user.keyboard('{Enter}');
}

describe('the node shell in the lab terminal', () => {
  it('opens at root@NODE:~#, runs the node’s programs there, and exit returns to kubectl', async () => {
    const { user, terminal } = await renderLab();
    await user.type(screen.getByRole('textbox', { name: 'Command' }), 'sim ssh worker-1{Enter}');
    const nodeInput = screen.getByRole('textbox', { name: 'Command on node worker-1' });
    await enter(user, nodeInput, 'hostname');
    expect(within(terminal()).getAllByText('root@worker-1:~#').length).toBeGreaterThan(0);
    expect(within(terminal()).getByText('worker-1', { selector: 'pre' })).toBeInTheDocument();
    await enter(user, nodeInput, 'crictl ps | grep -c Running');
    expect(within(terminal()).getByText('crictl ps | grep -c Running')).toBeInTheDocument();
    await enter(user, nodeInput, 'exit');
    expect(screen.getByRole('textbox', { name: 'Command' })).toBeInTheDocument();
  });

  it('clear empties the screen inside a node shell too, and the shell stays open', async () => {
    const { user, terminal } = await renderLab();
    await enter(user, screen.getByRole('textbox', { name: 'Command' }), 'sim ssh worker-1');
    const nodeInput = screen.getByRole('textbox', { name: 'Command on node worker-1' });
    await enter(user, nodeInput, 'hostname');
    expect(within(terminal()).getByText('worker-1', { selector: 'pre' })).toBeInTheDocument();
    await enter(user, nodeInput, 'clear');
    expect(terminal().textContent).toBe('');
    expect(screen.getByRole('textbox', { name: 'Command on node worker-1' })).toBeInTheDocument();
  });

  it('a powered-off node answers with ssh’s error and no shell opens', async () => {
    const { user, terminal } = await renderLab();
    const input = screen.getByRole('textbox', { name: 'Command' });
    await enter(user, input, 'sim node fail worker-2');
    await enter(user, input, 'sim ssh worker-2');
    expect(within(terminal()).getByText('ssh: connect to host worker-2 port 22: No route to host')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Command' })).toBeInTheDocument();
  });
});
