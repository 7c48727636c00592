import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QuizRunner } from '@/components/quiz/QuizRunner';
import { QuizServicesProvider } from '@/components/quiz/services';
import { attemptKey } from '@/lib/quiz/attempt';
import { quizOf, singleQuestion } from '../quiz/support/builders';
import { MemoryStorage } from '../quiz/support/memory-storage';
import { testServices } from '../quiz/support/services';

const quiz = quizOf([singleQuestion('first'), singleQuestion('second')]);

/** The test services, plus somewhere to keep the attempt across "reloads". */
function withAttempts(attempts = new MemoryStorage()) {
  const t = testServices([quiz]);
  const services = { ...t.services, attemptStorage: () => attempts };
  const wrapper = ({ children }: { children: React.ReactNode }) => (
    <QuizServicesProvider services={services}>{children}</QuizServicesProvider>
  );
  return { ...t, attempts, wrapper };
}

describe('the confidence step', () => {
  it('is reached by keyboard after choosing: Tab from the answer to Sure, Enter checks; a confident wrong answer is a misconception', async () => {
    const { wrapper, store } = withAttempts();
    render(<QuizRunner quiz={quiz} />, { wrapper });
    const user = userEvent.setup();
    screen.getByRole('radio', { name: 'A hypervisor' }).focus();
    await user.keyboard(' ');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Sure' })).toHaveFocus();
    expect(screen.getByRole('group', { name: 'How sure are you?' })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/You were sure, and it is not so/)).toBeInTheDocument();
    const card = store.get().cards[`${quiz.slug}/first`];
    expect(card.misconceptionAt).toBeDefined();
    expect(card.missedAt).toBeDefined();
  });

  it('Not sure on a right answer rates it Hard: sooner than Sure would', async () => {
    const due = async (button: string) => {
      const { wrapper, store } = withAttempts();
      const view = render(<QuizRunner quiz={quiz} />, { wrapper });
      const user = userEvent.setup();
      await user.click(screen.getByRole('radio', { name: 'The host kernel' }));
      await user.click(screen.getByRole('button', { name: button }));
      await screen.findByRole('button', { name: 'Next question' });
      view.unmount();
      return store.get().cards[`${quiz.slug}/first`];
    };
    const unsure = await due('Not sure');
    const sure = await due('Sure');
    expect(unsure.due).toBeLessThan(sure.due);
    expect(screen.queryByText(/misconception/)).toBeNull();
  });

  it('can be skipped: Check answer (or Enter in the answer) grades without saying', async () => {
    const { wrapper, store } = withAttempts();
    render(<QuizRunner quiz={quiz} />, { wrapper });
    const user = userEvent.setup();
    screen.getByRole('radio', { name: 'A hypervisor' }).focus();
    await user.keyboard(' ');
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/Not quite\./)).toBeInTheDocument();
    expect(store.get().cards[`${quiz.slug}/first`].misconceptionAt).toBeUndefined();
  });
});

describe('a quiz keeps its place', () => {
  it('resumes at the same question after a reload, with the answers so far', async () => {
    const first = withAttempts();
    const view = render(<QuizRunner quiz={quiz} />, { wrapper: first.wrapper });
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'The host kernel' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await user.click(await screen.findByRole('button', { name: 'Next question' }));
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Question 2 of 8');
    view.unmount();
    expect(first.attempts.getItem(attemptKey(quiz.slug))).not.toBeNull();

    const again = withAttempts(first.attempts);
    render(<QuizRunner quiz={quiz} />, { wrapper: again.wrapper });
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Question 2 of 8');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Question 1 of 8');
    expect(screen.getByText(/^Correct\./)).toBeInTheDocument();
  });

  it('opens the question a deep link names', () => {
    const { wrapper } = withAttempts();
    const { container } = render(<QuizRunner quiz={quiz} openQuestion="filler-4" />, { wrapper });
    const at = quiz.questions.findIndex((q) => q.id === 'filler-4');
    expect(at).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(`Question ${at + 1} of 8`);
    expect(container.querySelector('#quiz-filler-4')).not.toBeNull();
  });

  it('skip leaves a question for later; the skipped one comes back before the score', async () => {
    const { wrapper } = withAttempts();
    render(<QuizRunner quiz={quiz} />, { wrapper });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Skip for now' }));
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Question 2 of 8');
  });
});
