import path from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LabLauncher } from '@/components/lab/LabLauncher';
import { loadLabFile } from '@/lib/labs/load';
import type { LabScenario } from '@/lib/labs/schema';

class FixedResizeObserver {
  observe() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= FixedResizeObserver as unknown as typeof ResizeObserver;

async function scenario(): Promise<LabScenario> {
  const result = await loadLabFile(path.join(process.cwd(), 'content/labs/first-look.yaml'));
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result.lab;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the lab launcher shipped with the chapter', () => {
  it('shows the title and summary until the reader starts the lab, then loads the panel and focuses it', async () => {
    const lab = await scenario();
    const user = userEvent.setup();
    render(<LabLauncher scenario={lab} />);
    expect(screen.getByRole('heading', { name: lab.title })).toBeInTheDocument();
    expect(screen.getByText(lab.summary)).toBeInTheDocument();
    expect(screen.queryByRole('log', { name: 'Terminal output' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start lab' }));
    expect(await screen.findByRole('log', { name: 'Terminal output' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: lab.title })).toHaveFocus();
  });

  it('loads the panel by itself when the card comes near the viewport, without taking focus', async () => {
    const observed: Element[] = [];
    class NearObserver {
      constructor(private readonly callback: IntersectionObserverCallback) {}
      observe(element: Element) {
        observed.push(element);
        queueMicrotask(() =>
          this.callback([{ isIntersecting: true, target: element } as IntersectionObserverEntry], this as unknown as IntersectionObserver),
        );
      }
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', NearObserver);
    const lab = await scenario();
    render(<LabLauncher scenario={lab} />);
    expect(await screen.findByRole('log', { name: 'Terminal output' }, { timeout: 5000 })).toBeInTheDocument();
    // The launcher's card once (to load the code), then the starting card once (to take its turn to boot).
    expect(observed.map((element) => (element.textContent?.includes('Starting the lab') ? 'starting' : 'card'))).toEqual([
      'card',
      'starting',
    ]);
    expect(screen.getByRole('heading', { level: 3, name: lab.title })).not.toHaveFocus();
  });
});
