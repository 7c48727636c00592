import path from 'node:path';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LabPanel } from '@/components/lab/LabPanel';
import { memoryCompletions } from '@/lib/labs/completions';
import { loadLabFile } from '@/lib/labs/load';
import type { LabScenario } from '@/lib/labs/schema';
import { labStarted } from './lab-started';

// jsdom measures nothing; the diagram only needs to be told its width once.
class FixedResizeObserver {
  observe() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= FixedResizeObserver as unknown as typeof ResizeObserver;

async function scenario(id: string): Promise<LabScenario> {
  const result = await loadLabFile(path.join(process.cwd(), 'content/labs', `${id}.yaml`));
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result.lab;
}

async function renderLab(id = 'node-failure') {
  const lab = await scenario(id);
  const completions = memoryCompletions();
  const user = userEvent.setup();
  render(<LabPanel scenario={lab} completions={() => completions} />);
  await labStarted();
  return { lab, user, completions, terminal: () => screen.getByRole('log', { name: 'Terminal output' }) };
}

describe('the lab panel', () => {
  it('shows the title, the goal and every check with its reason, in words', async () => {
    await renderLab();
    expect(screen.getByRole('heading', { level: 3, name: 'A worker loses power' })).toBeInTheDocument();
    const checks = screen.getByRole('group', { name: 'Checks' });
    expect(within(checks).getByText('0 of 4 pass')).toBeInTheDocument();
    expect(within(checks).getByText('worker-3 still shows Ready')).toBeInTheDocument();
    expect(within(checks).getAllByText('Not yet:')).toHaveLength(4);
  });

  it('clicking a node powers it off, echoing the command in the terminal', async () => {
    const { user, terminal } = await renderLab();
    await user.click(document.querySelector('[data-node="worker-3"] .lab-node-frame')!);
    expect(within(terminal()).getByText('sim node fail worker-3')).toBeInTheDocument();
    expect(within(terminal()).getByText('machine worker-3 lost power')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Power on worker-3 (Ready, powered off, 1 pod)' })).toBeInTheDocument();
  });

  it("each node's power button responds to Enter and Space", async () => {
    const { user } = await renderLab();
    screen.getByRole('button', { name: 'Power off worker-1 (Ready, 1 pod)' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Power on worker-1 (Ready, powered off, 1 pod)' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Power off worker-1 (Ready, booting, 1 pod)' })).toBeInTheDocument();
  });

  it('an etcd member is a button named by what it shows', async () => {
    const { user, terminal } = await renderLab();
    await user.click(screen.getByRole('button', { name: 'etcd-1 healthy' }));
    expect(within(terminal()).getByText('sim etcd fail etcd-1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'etcd-1 failed' })).toHaveAccessibleDescription(
      'Activating an etcd member fails it, or recovers it when it has failed.',
    );
  });

  it('the terminal runs commands, shows kubectl errors, recalls history and completes names', async () => {
    const { user, terminal } = await renderLab();
    const input = screen.getByRole('textbox', { name: 'Command' });
    await user.type(input, 'kubectl get pod nope{Enter}');
    expect(within(terminal()).getByText('Error from server (NotFound): pods "nope" not found')).toHaveClass('lab-term-stderr');
    await user.type(input, 'kubectl get nodes{Enter}');
    expect(within(terminal()).getByText(/worker-3\s+Ready/)).toBeInTheDocument();
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('kubectl get nodes');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('kubectl get pod nope');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input).toHaveValue('');
    await user.type(input, 'kubectl cordon w');
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('kubectl cordon worker-');
    expect(document.querySelector('.lab-term-candidates')?.textContent).toBe('worker-1   worker-2   worker-3');
    expect(input).toHaveFocus();
  });

  it('Tab on an empty prompt moves focus on, so the terminal never traps the keyboard', async () => {
    const { user } = await renderLab();
    const input = screen.getByRole('textbox', { name: 'Command' });
    input.focus();
    await user.tab();
    expect(input).not.toHaveFocus();
  });

  it('Ctrl+L clears the scrollback', async () => {
    const { user, terminal } = await renderLab();
    const input = screen.getByRole('textbox', { name: 'Command' });
    await user.type(input, 'kubectl get nodes{Enter}');
    await user.keyboard('{Control>}l{/Control}');
    expect(terminal()).toBeEmptyDOMElement();
  });

  it('a jump button advances the cluster clock over a few frames', async () => {
    const { user } = await renderLab();
    expect(screen.getByRole('timer', { name: 'Cluster time' })).toHaveTextContent('30s');
    await user.click(screen.getByRole('button', { name: /advance the clock 10 seconds/ }));
    expect(await screen.findByText('advanced 10s; now 40s', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByRole('timer', { name: 'Cluster time' })).toHaveTextContent('40s');
  });

  it('play toggles to pause, and the speed is a radio group', async () => {
    const { user } = await renderLab();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    const speed = screen.getByRole('group', { name: 'Speed' });
    await user.click(within(speed).getByRole('radio', { name: '60x' }));
    expect(within(speed).getByRole('radio', { name: '60x' })).toBeChecked();
  });

  it('the timeline lists each change, choosing one rewinds the cluster to it, and an undone entry can be redone', async () => {
    const { user } = await renderLab();
    await user.click(screen.getByRole('button', { name: 'Power off worker-3 (Ready, 1 pod)' }));
    const timeline = screen.getByRole('group', { name: 'Timeline' });
    expect(within(timeline).getByRole('button', { name: 'Rewind to 30s $ sim node fail worker-3' })).toBeInTheDocument();
    await user.click(within(timeline).getByRole('button', { name: 'Rewind to 30s Lab starts' }));
    expect(screen.getByRole('button', { name: 'Power off worker-3 (Ready, 1 pod)' })).toBeInTheDocument();
    await user.click(within(timeline).getByRole('button', { name: 'Redo to 30s $ sim node fail worker-3' }));
    expect(screen.getByRole('button', { name: 'Power on worker-3 (Ready, powered off, 1 pod)' })).toBeInTheDocument();
    await user.click(within(timeline).getByRole('button', { name: 'Rewind to 30s Lab starts' }));
    await user.click(screen.getByRole('button', { name: /^Power off worker-1/ }));
    expect(within(timeline).queryByRole('button', { name: /^Redo to/ })).not.toBeInTheDocument();
    await user.click(within(timeline).getByRole('button', { name: 'Go back to the branch you left' }));
    expect(screen.getByRole('button', { name: 'Power on worker-3 (Ready, powered off, 1 pod)' })).toBeInTheDocument();
  });

  it('reset brings back the starting cluster', async () => {
    const { user } = await renderLab();
    await user.click(screen.getByRole('button', { name: /^Power off worker-2/ }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByRole('button', { name: 'Power off worker-2 (Ready, 1 pod)' })).toBeInTheDocument();
    expect(screen.getByText('lab reset to its starting point')).toBeInTheDocument();
  });

  it('hints come one at a time, and the solution lines can be run from the page', async () => {
    const { user, lab, terminal } = await renderLab();
    await user.click(screen.getByRole('button', { name: `Show a hint (1 of ${lab.hints.length})` }));
    expect(screen.getByText('Hint 1')).toBeInTheDocument();
    expect(screen.queryByText('Hint 2')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Next hint (2 of ${lab.hints.length})` }));
    expect(screen.getByText('Hint 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the solution' }));
    await user.click(screen.getByRole('button', { name: 'Run sim node fail worker-3' }));
    expect(within(terminal()).getByText('machine worker-3 lost power')).toBeInTheDocument();
  });

  it('the diagram has a table alternative that screen readers always get, and anyone can show', async () => {
    const { user } = await renderLab();
    const table = screen.getByRole('table', { name: 'Nodes and pods' });
    expect(table.parentElement).toHaveClass('sr-only');
    const worker3 = within(table).getByRole('rowheader', { name: 'worker-3' }).closest('tr')!;
    expect(
      within(worker3)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Ready', 'running', 'none', expect.stringMatching(/^web-.+ \(Running\)$/)]);
    await user.click(screen.getByRole('button', { name: 'Show as a table' }));
    expect(screen.getByRole('table')).toBeVisible();
    expect(screen.getByRole('table').parentElement).toHaveClass('lab-table');
    expect(screen.getByRole('button', { name: 'Show the diagram' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('announces node changes and check results politely', async () => {
    const { user } = await renderLab('first-look');
    const input = screen.getByRole('textbox', { name: 'Command' });
    await user.type(input, 'kubectl cluster-info{Enter}');
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('status')).toHaveTextContent('Check passed: You asked where the control plane runs');
    expect(screen.getByRole('timer', { name: 'Cluster time' })).not.toHaveAttribute('aria-live');
  });

  it('when every check passes it says so and saves the completion', async () => {
    const { user, completions } = await renderLab('first-look');
    const input = screen.getByRole('textbox', { name: 'Command' });
    for (const line of [
      'kubectl cluster-info',
      'kubectl get nodes',
      'kubectl run hello --image=nginx:1.27',
      'kubectl create deployment web --image=nginx:1.27 --replicas=2',
    ]) {
      await user.type(input, `${line}{Enter}`);
    }
    await user.click(screen.getByRole('button', { name: /advance the clock 1 minute/ }));
    expect(await screen.findByText('Lab complete', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.getByText('Completed')).toBeInTheDocument();
    expect(completions.has('first-look')).toBe(true);
    await act(async () => {});
  });
});

describe('a lab kept across visits', () => {
  it('comes back after a reload as it was: clock, terminal, timeline and revealed hints', async () => {
    const lab = await scenario('node-failure');
    const user = userEvent.setup();
    const view = render(<LabPanel scenario={lab} completions={() => memoryCompletions()} />);
    await labStarted();
    await user.type(screen.getByRole('textbox', { name: 'Command' }), 'sim node fail worker-3{Enter}');
    await user.click(screen.getByRole('button', { name: /advance the clock 10 seconds/ }));
    expect(await screen.findByText('advanced 10s; now 40s', {}, { timeout: 3000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Show a hint/ }));
    const entries = screen.getByRole('group', { name: 'Timeline' }).querySelectorAll('li').length;
    view.unmount();
    render(<LabPanel scenario={lab} completions={() => memoryCompletions()} />);
    await labStarted();
    expect(screen.getByRole('timer', { name: 'Cluster time' })).toHaveTextContent('40s');
    const terminal = screen.getByRole('log', { name: 'Terminal output' });
    expect(within(terminal).getByText('sim node fail worker-3')).toBeInTheDocument();
    expect(within(terminal).getByText('advanced 10s; now 40s')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Timeline' }).querySelectorAll('li')).toHaveLength(entries);
    expect(screen.getByText('Hint 1')).toBeInTheDocument();
  });

  it('a saved lab from another simulator version is offered, not replayed silently', async () => {
    const lab = await scenario('node-failure');
    localStorage.setItem(
      `clusterbook:lab:${lab.id}`,
      JSON.stringify({
        v: 1,
        model: '2020.1.1',
        lab: lab.id,
        seed: lab.cluster.seed,
        events: [{ k: 'run', at: 30000, cmd: 'sim node fail worker-3' }],
        now: 30000,
        hints: 0,
        solution: false,
      }),
    );
    const user = userEvent.setup();
    render(<LabPanel scenario={lab} completions={() => memoryCompletions()} />);
    expect(screen.getByText(/made with another version of the simulator \(2020\.1\.1\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Replay anyway' }));
    await labStarted();
    expect(within(screen.getByRole('log', { name: 'Terminal output' })).getByText('sim node fail worker-3')).toBeInTheDocument();
  });
});
