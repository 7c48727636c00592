import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChapterQuiz } from '@/components/quiz/ChapterQuiz';
import { QuizRunner } from '@/components/quiz/QuizRunner';
import { quizOf, singleQuestion } from '../quiz/support/builders';
import { testServices } from '../quiz/support/services';

const quiz = quizOf([singleQuestion('first'), singleQuestion('second')]);

/** Answers the current single-choice question by keyboard and moves on. */
async function answer(user: ReturnType<typeof userEvent.setup>, right: boolean) {
  const choice = screen.getByRole('radio', { name: right ? 'The host kernel' : 'A hypervisor' });
  choice.focus();
  await user.keyboard(' ');
  await user.keyboard('{Enter}');
  const next = await screen.findByRole('button', { name: /^(Next question|See your score)$/ });
  await vi.waitFor(() => expect(next).toHaveFocus());
  await user.keyboard('{Enter}');
}

describe('taking a quiz', () => {
  it('goes through every question, then shows the score and records the attempt and review cards', async () => {
    const { wrapper, store, clock } = testServices([quiz]);
    render(<QuizRunner quiz={quiz} />, { wrapper });
    const user = userEvent.setup();
    for (let i = 0; i < 8; i++) {
      expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(`Question ${i + 1} of 8`);
      await answer(user, i !== 2);
    }
    const score = screen.getByRole('heading', { name: 'You scored 7 of 8 (88%)' });
    expect(score).toHaveFocus();
    expect(screen.getByText(/^Passed\./)).toBeInTheDocument();
    const saved = store.get();
    expect(saved.quizzes[quiz.slug]).toEqual({ attempts: [{ at: clock.now(), correct: 7, total: 8 }], best: 7 / 8, passedAt: clock.now() });
    expect(Object.keys(saved.cards)).toHaveLength(8);
    expect(saved.cards[`${quiz.slug}/filler-0`].lapses).toBe(0);
  });

  it('records the attempt as soon as the last question is graded, before the score is opened', async () => {
    const { wrapper, store } = testServices([quiz]);
    render(<QuizRunner quiz={quiz} />, { wrapper });
    const user = userEvent.setup();
    for (let i = 0; i < 7; i++) await answer(user, true);
    expect(store.get().quizzes[quiz.slug]).toBeUndefined();
    await user.click(screen.getByRole('radio', { name: 'The host kernel' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await screen.findByRole('button', { name: 'See your score' });
    expect(store.get().quizzes[quiz.slug]).toMatchObject({ best: 1, attempts: [{ correct: 8, total: 8 }] });
  });

  it('lets the reader review their mistakes with the explanation and the link', async () => {
    const { wrapper } = testServices([quiz]);
    render(<QuizRunner quiz={quiz} />, { wrapper });
    const user = userEvent.setup();
    for (let i = 0; i < 8; i++) await answer(user, i !== 0 && i !== 5);
    expect(screen.getByText(/The pass mark is 80%/)).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Review your mistakes (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('heading', { name: /^Mistake \d of 2/ })).toHaveLength(2);
    expect(screen.getByText('Explanation of first.', { exact: false })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Read the section that explains this' })).toHaveLength(2);
  });

  it('retry starts a new attempt with the options reshuffled, and keeps the best score', async () => {
    const { wrapper, store } = testServices([quiz]);
    render(<QuizRunner quiz={quiz} />, { wrapper });
    const user = userEvent.setup();
    const orders: string[][] = [];
    const order = () => screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent!);
    orders.push(order());
    for (let i = 0; i < 8; i++) await answer(user, true);
    await user.click(screen.getByRole('button', { name: 'Retry the quiz' }));
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Question 1 of 8');
    expect(screen.getByRole('heading', { level: 3 })).toHaveFocus();
    orders.push(order());
    for (let i = 0; i < 8; i++) await answer(user, i > 3);
    expect(store.get().quizzes[quiz.slug].best).toBe(1);
    expect(store.get().quizzes[quiz.slug].attempts.map((a) => a.correct)).toEqual([8, 4]);
    expect(screen.getByText(/Your best score for this quiz: 100%/)).toBeInTheDocument();
    expect(orders[0]).not.toEqual(orders[1]);
  });
});

describe('the quiz at the end of a chapter', () => {
  it('loads the quiz UI only when started, then shows the first question', async () => {
    const { wrapper } = testServices([quiz]);
    render(<ChapterQuiz slug={quiz.slug} title="Check your understanding" questionCount={8} passRatio={0.8} />, { wrapper });
    expect(screen.getByRole('region', { name: 'Check your understanding' })).toHaveTextContent('8 questions. Pass with 80% or more.');
    expect(screen.queryByRole('radio')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Start the quiz' }));
    expect(await screen.findByRole('heading', { name: /Question 1 of 8/ })).toBeInTheDocument();
  });
});
