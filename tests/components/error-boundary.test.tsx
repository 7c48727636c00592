import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ErrorBoundary } from '@/components/errors/ErrorBoundary';

// Broken until the reader retries (React renders a throwing part twice before giving up on it).
let broken = false;
function Flaky() {
  if (broken) throw new Error('cluster exploded');
  return <p>lab is running</p>;
}

function Article() {
  const [clicks, setClicks] = useState(0);
  return (
    <article>
      <h2>Node failure</h2>
      <button type="button" onClick={() => setClicks((n) => n + 1)}>{`Read on (${clicks})`}</button>
      <ErrorBoundary what="lab" onRetry={() => (broken = false)}>
        <Flaky />
      </ErrorBoundary>
    </article>
  );
}

describe('an error boundary around an interactive part', () => {
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => vi.restoreAllMocks());

  it('shows a message in the part that threw while the article around it keeps working, and retries on request', async () => {
    broken = true;
    const user = userEvent.setup();
    render(<Article />);
    expect(screen.getByRole('alert')).toHaveTextContent('The lab stopped working.');
    expect(screen.getByRole('alert')).toHaveTextContent('cluster exploded');
    await user.click(screen.getByRole('button', { name: 'Read on (0)' }));
    expect(screen.getByRole('button', { name: 'Read on (1)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('lab is running')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('the retry is a real button reachable by keyboard', async () => {
    broken = true;
    const user = userEvent.setup();
    render(<Article />);
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('lab is running')).toBeInTheDocument();
  });
});
