import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LabPanel } from '@/components/lab/LabPanel';
import { memoryCompletions } from '@/lib/labs/completions';
import { loadLabFile } from '@/lib/labs/load';
import type { LabScenario } from '@/lib/labs/schema';
import { labStarted } from './lab-started';

class FixedResizeObserver {
  observe() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= FixedResizeObserver as unknown as typeof ResizeObserver;

/** A Service outside default (kube-public: the model has no kubectl create namespace) that selects nothing: requests are refused. */
const publicService = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: kube-public
spec:
  selector: { app: api }
  ports:
    - port: 80
`;

async function renderLab(id = 'node-failure', change: (lab: LabScenario) => LabScenario = (lab) => lab) {
  const result = await loadLabFile(path.join(process.cwd(), 'content/labs', `${id}.yaml`));
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  const completions = memoryCompletions();
  const user = userEvent.setup();
  render(<LabPanel scenario={change(result.lab)} completions={() => completions} />);
  await labStarted();
  return { user, terminal: () => screen.getByRole('log', { name: 'Terminal output' }) };
}

describe('the diagram menus', () => {
  it('a pod chip is a menu button: Enter opens its menu on the first item, arrows move, Escape closes and gives focus back', async () => {
    const { user } = await renderLab();
    const [chip] = screen.getAllByRole('button', { name: /: actions for web-[a-z0-9]+-[a-z0-9]{5}: / });
    expect(chip).toHaveAttribute('aria-haspopup', 'menu');
    expect(chip).toHaveAttribute('aria-expanded', 'false');
    chip.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    expect(chip).toHaveAttribute('aria-expanded', 'true');
    expect(chip).toHaveAttribute('aria-controls', menu.id);
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Crash the app/),
        expect.stringMatching(/^Hang the app/),
        expect.stringMatching(/^Make it unready/),
        expect.stringMatching(/^Heal the app/),
      ]),
    );
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(items.at(-1)).toHaveFocus();
    await user.keyboard('{Home}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(chip).toHaveFocus();
  });

  it('choosing an item runs its command through the terminal, as if typed', async () => {
    const { user, terminal } = await renderLab();
    const [chip] = screen.getAllByRole('button', { name: /: actions for web-[a-z0-9]+-[a-z0-9]{5}: / });
    const name = /: actions for (web-[a-z0-9]+-[a-z0-9]{5}): /.exec(chip.getAttribute('aria-label') ?? '')?.[1];
    await user.click(chip);
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: /^Describe the pod/ }));
    expect(within(terminal()).getByText(`kubectl describe pod ${name}`)).toBeInTheDocument();
    expect(within(terminal()).getByText(new RegExp(`^Name:\\s+${name}`, 'm'))).toBeInTheDocument();
    await user.click(chip);
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: /^Crash the app/ }));
    expect(within(terminal()).getByText(`sim app crash ${name}`)).toBeInTheDocument();
  });

  it('clicking a pod opens its menu and does not power its node off', async () => {
    const { user, terminal } = await renderLab();
    const [chip] = screen.getAllByRole('button', { name: /: actions for web-/ });
    await user.click(chip);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    expect(within(terminal()).queryByText(/^sim node fail/)).toBeNull();
    await user.click(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('a node menu offers the network partition next to power, and runs it', async () => {
    const { user, terminal } = await renderLab();
    await user.click(screen.getByRole('button', { name: /^Actions for worker-2 \(Ready/ }));
    const menu = screen.getByRole('menu', { name: 'Actions for worker-2' });
    const labels = within(menu)
      .getAllByRole('menuitem')
      .map((i) => i.querySelector('code')?.textContent);
    expect(labels.slice(0, 3)).toEqual(['sim node fail worker-2', 'sim network partition worker-2', 'sim kubelet stop worker-2']);
    await user.click(within(menu).getByRole('menuitem', { name: /partition/ }));
    expect(within(terminal()).getByText('sim network partition worker-2')).toBeInTheDocument();
  });

  it('a Service box has a button that sends 10 requests through kube-proxy, by keyboard as by click', async () => {
    const { user, terminal } = await renderLab('service-traffic');
    const send = screen.getByRole('button', { name: 'Send 10 requests to Service web' });
    send.focus();
    await user.keyboard('{Enter}');
    expect(within(terminal()).getByText('sim curl web --count 10')).toBeInTheDocument();
    expect(within(terminal()).getByText(/\b10\/10 requests succeeded/)).toBeInTheDocument();
    await user.click(send);
    expect(within(terminal()).getAllByText('sim curl web --count 10')).toHaveLength(2);
  });

  it('a Service outside default is named with its namespace, and the command carries -n', async () => {
    const { user, terminal } = await renderLab('service-traffic', (lab) => ({
      ...lab,
      files: { ...lab.files, 'api.yaml': publicService },
      setup: `${lab.setup}\nkubectl apply -f api.yaml\n`,
    }));
    await user.click(screen.getByRole('button', { name: 'Send 10 requests to Service api in namespace kube-public' }));
    expect(within(terminal()).getByText('sim curl api --count 10 -n kube-public')).toBeInTheDocument();
    expect(within(terminal()).getByText(/\b0\/10 requests succeeded/)).toBeInTheDocument();
  });

  it('a pod that cannot pull its image offers to push that image, and the registry listing', async () => {
    const { user, terminal } = await renderLab('missing-image');
    const [chip] = screen.getAllByRole('button', { name: /: actions for shop-[a-z0-9]+-[a-z0-9]{5}: (ErrImagePull|ImagePullBackOff)/ });
    chip.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    const push = within(menu).getByRole('menuitem', { name: /^Push registry\.example\.com\/shop\/web:2\.5 to the registry/ });
    expect(within(menu).getAllByRole('menuitem')[0]).toBe(push);
    expect(push).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(terminal()).getByText('sim registry push registry.example.com/shop/web:2.5')).toBeInTheDocument();
    await user.click(chip);
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: /^Registry images/ }));
    expect(within(terminal()).getByText('sim registry list')).toBeInTheDocument();
    expect(within(terminal()).getByText(/^REPOSITORY\s+TAG\s+DIGEST\s+SIZE/m)).toBeInTheDocument();
  });

  it('a pod that pulled its image has no push item', async () => {
    const { user } = await renderLab();
    const [chip] = screen.getAllByRole('button', { name: /: actions for web-/ });
    await user.click(chip);
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(items.some((i) => /^Push /.test(i.textContent ?? ''))).toBe(false);
  });

  it('the control-plane node menu lists the registry images', async () => {
    const { user, terminal } = await renderLab();
    const trigger = screen.getByRole('button', { name: /^Actions for control-plane/ });
    trigger.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    const item = within(menu).getByRole('menuitem', { name: /^Registry images/ });
    expect(item.querySelector('code')).toHaveTextContent('sim registry list');
    await user.keyboard('{End}');
    expect(item).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(terminal()).getByText('sim registry list')).toBeInTheDocument();
  });

  it('the whole transcript and each output have copy buttons', async () => {
    const { user } = await renderLab();
    const input = screen.getByRole('textbox', { name: /Command/ });
    await user.type(input, 'kubectl get nodes{Enter}');
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy the whole transcript' }));
    expect(writes[0]).toMatch(/^\$ kubectl get nodes\nNAME\s+STATUS/m);
    expect(screen.getByRole('button', { name: 'Copy the whole transcript' })).toHaveTextContent('Copied');
    const copies = screen.getAllByRole('button', { name: 'Copy this output' });
    await user.click(copies.at(-1)!);
    expect(writes[1]).toMatch(/^NAME\s+STATUS/);
  });

  it('full screen covers the page and Escape leaves it', async () => {
    const { user } = await renderLab();
    const toggle = screen.getByRole('button', { name: 'Full screen' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.querySelector('section.lab')).toHaveClass('is-full');
    expect(document.documentElement).toHaveClass('has-full-lab');
    await user.keyboard('{Escape}');
    expect(document.querySelector('section.lab')).not.toHaveClass('is-full');
    expect(document.documentElement).not.toHaveClass('has-full-lab');
  });
});
