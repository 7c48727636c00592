// Events printed in the lab terminal say why: a "Why these events?" disclosure under the table.
import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LabPanel } from '@/components/lab/LabPanel';
import { memoryCompletions } from '@/lib/labs/completions';
import { loadLabFile } from '@/lib/labs/load';
import { labStarted } from './lab-started';

globalThis.ResizeObserver ??= class {
  observe() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

describe('events in the terminal say why', () => {
  it('puts the explanations of the listed reasons under `kubectl get events`, and none under a table without events', async () => {
    const result = await loadLabFile(path.join(process.cwd(), 'content/labs', 'node-failure.yaml'));
    if ('problems' in result) throw new Error(JSON.stringify(result.problems));
    const completions = memoryCompletions();
    render(<LabPanel scenario={result.lab} completions={() => completions} />);
    await labStarted();
    const user = userEvent.setup();
    const terminal = () => screen.getByRole('log', { name: 'Terminal output' });
    const run = async (line: string) => {
      await user.click(screen.getByRole('textbox', { name: 'Command' }));
      await user.paste(line);
      await user.keyboard('{Enter}');
    };

    await run('kubectl get nodes');
    expect(within(terminal()).queryByText(/^Why (this|these) events?\?$/)).toBeNull();

    await run('kubectl get events');
    const summary = within(terminal()).getByText('Why these events?');
    await user.click(summary);
    const details = summary.closest('details')!;
    expect(details.open).toBe(true);
    const output = within(terminal())
      .getAllByText(/REASON/, { selector: 'pre' })
      .at(-1)!.textContent!;
    const explained = [...details.querySelectorAll('.lab-why strong')].map((s) => s.textContent!);
    expect(explained.length).toBeGreaterThan(0);
    for (const reason of explained) expect(output).toContain(reason);
    expect(within(details).getAllByRole('link', { name: 'Read about it in the chapter' }).length).toBeGreaterThan(0);
  });
});
