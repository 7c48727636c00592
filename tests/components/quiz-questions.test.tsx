import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { QuestionCard } from '@/components/quiz/QuestionCard';
import type { Graded, Prepared } from '@/lib/quiz/answers';
import { prepareQuestion } from '@/lib/quiz/prepare';
import type { Question } from '@/lib/quiz/schema';
import {
  commandQuestion,
  matchingQuestion,
  multipleQuestion,
  orderingQuestion,
  predictionQuestion,
  singleQuestion,
} from '../quiz/support/builders';
import { testServices } from '../quiz/support/services';

/** Renders one question card that keeps its grade, the way the runner does. */
function renderCard(question: Question, seed = 1) {
  const { wrapper } = testServices();
  const prepared = prepareQuestion(question, seed);
  const graded: Graded[] = [];
  const next = vi.fn();
  const view = render(
    <QuestionCard
      prepared={prepared}
      label="Question 1 of 8"
      onGraded={(g) => graded.push(g)}
      next={{ label: 'Next question', onClick: next }}
    />,
    { wrapper },
  );
  const regrade = () =>
    view.rerender(
      <QuestionCard
        prepared={prepared}
        label="Question 1 of 8"
        graded={graded[0]}
        onGraded={() => {}}
        next={{ label: 'Next question', onClick: next }}
      />,
    );
  return { prepared, graded, next, regrade, user: userEvent.setup() };
}

const displayed = (prepared: Prepared, text: string) => {
  if (prepared.type !== 'single' && prepared.type !== 'multiple') throw new Error('not a choice question');
  return prepared.order.indexOf(prepared.question.options.findIndex((o) => o.text === text));
};

describe('every question type works with the keyboard alone', () => {
  it('single choice: a real radio group inside a fieldset whose legend is the prompt; arrows choose, Enter checks', async () => {
    const { prepared, user, graded, regrade } = renderCard(singleQuestion());
    const group = screen.getByRole('group', { name: 'Prompt of shared-kernel?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    await user.tab();
    expect(radios[0]).toHaveFocus();
    for (let i = 0; i < displayed(prepared, 'The host kernel'); i++) await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'The host kernel' })).toBeChecked();
    await user.keyboard('{Enter}');
    expect(graded).toEqual([expect.objectContaining({ correct: true })]);
    regrade();
    expect(screen.getByText(/Correct\./).closest('[aria-live]')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('link', { name: 'Read the section that explains this' })).toHaveAttribute('href', '#a-section');
  });

  it('single choice: a wrong answer names the right one and shows the chosen option’s feedback', async () => {
    const { user, graded, regrade } = renderCard(singleQuestion());
    await user.click(screen.getByRole('radio', { name: 'A VM' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(graded[0].correct).toBe(false);
    regrade();
    expect(screen.getByText(/Not quite\./)).toBeInTheDocument();
    expect(screen.getByText('Correct answer')).toBeInTheDocument();
    expect(screen.getByText('Wrong')).toBeInTheDocument();
  });

  it('asks for a choice instead of grading an empty answer', async () => {
    const { user, graded } = renderCard(singleQuestion());
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(graded).toEqual([]);
    expect(screen.getByText('Choose an answer first.')).toBeInTheDocument();
  });

  it('multiple select: checkboxes toggled with Space', async () => {
    const { user, graded } = renderCard(multipleQuestion());
    const boxes = screen.getAllByRole('checkbox');
    for (const box of boxes) {
      box.focus();
      if (['Libraries', 'The start command'].includes(box.closest('label')!.textContent!)) await user.keyboard(' ');
    }
    expect(screen.getByRole('checkbox', { name: 'Libraries' })).toBeChecked();
    await user.tab();
    while (document.activeElement?.textContent !== 'Check answer') await user.tab();
    await user.keyboard('{Enter}');
    expect(graded).toEqual([expect.objectContaining({ correct: true })]);
  });

  it('ordering: Move up and Move down buttons reorder, announce the move and keep focus on the item', async () => {
    const { prepared, user, graded } = renderCard(orderingQuestion());
    const items = () => screen.getAllByRole('listitem').map((li) => li.querySelector('.quiz-ordering-text')!.textContent);
    expect(items()).toEqual(prepared.type === 'ordering' ? prepared.order.map((i) => prepared.question.items[i]) : []);
    // Bubble each item into place from the top, with the keyboard.
    for (const [target, name] of ['build', 'push', 'pull', 'run'].entries()) {
      while (items().indexOf(name) > target) {
        const up = screen.getByRole('button', { name: `Move up: ${name}` });
        up.focus();
        await user.keyboard('{Enter}');
        await new Promise((r) => requestAnimationFrame(r));
        expect(document.activeElement?.getAttribute('aria-label')).toMatch(new RegExp(`^Move (up|down): ${name}$`));
      }
    }
    expect(items()).toEqual(['build', 'push', 'pull', 'run']);
    expect(document.querySelector('[aria-live="polite"][id$="-moves"]')!.textContent).toMatch(/moved to position \d of 4/);
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(graded).toEqual([expect.objectContaining({ correct: true })]);
  });

  it('ordering: the first item cannot move up and the last cannot move down', () => {
    renderCard(orderingQuestion());
    const buttons = screen.getAllByRole('button', { name: /^Move (up|down)/ });
    expect(buttons[0]).toBeDisabled();
    expect(buttons.at(-1)).toBeDisabled();
  });

  it('matching: one labelled select per item, reached with Tab', async () => {
    const { user, graded } = renderCard(matchingQuestion());
    const selects = screen.getAllByRole('combobox');
    expect(selects).toHaveLength(3);
    for (const select of selects) {
      await user.tab();
      expect(select).toHaveFocus();
    }
    const answers: Record<string, string> = { etcd: 'control plane', kubelet: 'every node', 'kube-scheduler': 'control plane' };
    for (const [item, match] of Object.entries(answers)) await user.selectOptions(screen.getByRole('combobox', { name: item }), match);
    await user.tab();
    await user.keyboard('{Enter}');
    expect(graded).toEqual([expect.objectContaining({ correct: true })]);
  });

  it('matching: asks for every item to be matched before grading', async () => {
    const { user, graded } = renderCard(matchingQuestion());
    await user.selectOptions(screen.getByRole('combobox', { name: 'etcd' }), 'control plane');
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(graded).toEqual([]);
    expect(screen.getByText('Choose a match for every item.')).toBeInTheDocument();
  });

  it('typed command: a labelled text box; Enter runs the command in the simulated cluster', async () => {
    const { user, graded, prepared, regrade } = renderCard(commandQuestion());
    const node = prepared.type === 'command' ? String(prepared.variant.node) : '';
    const box = screen.getByRole('textbox', { name: 'Your command' });
    await user.tab();
    expect(box).toHaveFocus();
    await user.keyboard(`kubectl cordon ${node}{Enter}`);
    await vi.waitFor(() => expect(graded).toHaveLength(1));
    expect(graded[0].correct).toBe(true);
    regrade();
    expect(screen.getByText('One command that works:').querySelector('code')!.textContent).toBe(`kubectl cordon ${node}`);
    expect(screen.getAllByText('Met')).toHaveLength(2);
  });

  it('typed command: explains why a non-kubectl answer is not graded', async () => {
    const { user, graded } = renderCard(commandQuestion());
    await user.type(screen.getByRole('textbox', { name: 'Your command' }), 'sim node recover worker-1{Enter}');
    expect(await screen.findByText(/start your answer with "kubectl"/)).toBeInTheDocument();
    expect(graded).toEqual([]);
  });

  it('prediction: shows the cluster now, then radio choices; the answer comes from the simulation', async () => {
    const { user, graded, prepared, regrade } = renderCard(predictionQuestion());
    expect(await screen.findByText('The cluster now:')).toBeInTheDocument();
    const expected = prepared.type === 'prediction' && prepared.variant.wait === '30s' ? 'Ready' : 'NotReady';
    await user.click(screen.getByRole('radio', { name: expected }));
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(graded).toHaveLength(1));
    expect(graded[0]).toMatchObject({ correct: true, detail: { expected } });
    regrade();
    expect(screen.getByText(/The simulation says:/)).toHaveTextContent(`The simulation says: ${expected}`);
  });
});

function Harness({ prepared, onNext }: { prepared: Prepared; onNext: () => void }) {
  const [graded, setGraded] = useState<Graded>();
  return (
    <QuestionCard
      prepared={prepared}
      label="Question 1 of 8"
      graded={graded}
      onGraded={setGraded}
      next={{ label: 'Next question', onClick: onNext }}
    />
  );
}

describe('after grading', () => {
  it('moves focus to the Next button so Enter continues, and locks the answer', async () => {
    const { wrapper } = testServices();
    const onNext = vi.fn();
    render(<Harness prepared={prepareQuestion(singleQuestion(), 1)} onNext={onNext} />, { wrapper });
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'The host kernel' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Next question' })).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Check answer' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'A VM' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(onNext).toHaveBeenCalledOnce();
  });
});
