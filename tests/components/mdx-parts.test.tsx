import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Callout } from '@/components/mdx-parts/Callout';
import { CodeBlock } from '@/components/mdx-parts/CodeBlock';
import { Term } from '@/components/mdx-parts/Term';

describe('Callout', () => {
  it.each([
    ['note', 'Note'],
    ['tip', 'Tip'],
    ['warning', 'Warning'],
  ] as const)('a %s callout names its kind in words, not only colour', (type, word) => {
    render(<Callout type={type}>Body text</Callout>);
    const aside = screen.getByRole('note', { name: word });
    expect(aside).toHaveClass(`callout-${type}`);
    expect(within(aside).getByText(word)).toBeInTheDocument();
  });

  it('uses a custom title when given one', () => {
    render(
      <Callout type="warning" title="Misconception: containers are small VMs">
        They share the kernel.
      </Callout>,
    );
    expect(screen.getByRole('note', { name: 'Misconception: containers are small VMs' })).toBeInTheDocument();
  });
});

describe('CodeBlock', () => {
  it('shows the title or language and copies the code without the trailing newline', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(
      <CodeBlock data-language="Shell" data-title="hello.sh">
        <code>{'echo hello\n'}</code>
      </CodeBlock>,
    );
    expect(screen.getByText('hello.sh')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('echo hello');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(screen.getByText('Code copied to clipboard')).toBeInTheDocument();
  });

  it('makes the code scrollable by keyboard', () => {
    const { container } = render(
      <CodeBlock data-language="YAML">
        <code>a: 1</code>
      </CodeBlock>,
    );
    expect(container.querySelector('pre')).toHaveAttribute('tabindex', '0');
  });
});

describe('Term', () => {
  it('links to the glossary and is described by its short definition', () => {
    render(
      <Term id="kubelet" term={{ title: 'kubelet', short: 'The agent on every node that runs pods.' }}>
        the kubelet
      </Term>,
    );
    const link = screen.getByRole('link', { name: 'the kubelet' });
    expect(link).toHaveAttribute('href', '/glossary#kubelet');
    expect(link).toHaveAccessibleDescription('kubelet The agent on every node that runs pods.');
  });

  it('prints the term title when used without children', () => {
    render(<Term id="etcd" term={{ title: 'etcd', short: 'The key-value store behind the API.' }} />);
    expect(screen.getByRole('link', { name: 'etcd' })).toBeInTheDocument();
  });
});
