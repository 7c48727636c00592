import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MarkChapterRead } from '@/components/progress/MarkChapterRead';
import { ProgressMark } from '@/components/progress/ProgressMark';
import { ReviewLink } from '@/components/progress/ReviewLink';
import { ReviewSession } from '@/components/progress/ReviewSession';
import type { Deck } from '@/components/progress/reviewDeck';
import { progressChangedEvent, progressKey, setAsidePrefix } from '@/lib/progress/keys';
import { markChapterRead, recordAnswer, recordQuizAttempt } from '@/lib/progress/model';
import { rateAnswer } from '@/lib/progress/rating';
import { quizOf, singleQuestion } from '../quiz/support/builders';
import { days } from '../quiz/support/memory-storage';
import { testServices } from '../quiz/support/services';

const quiz = quizOf([singleQuestion('first'), singleQuestion('second')]);

const deck: Deck = [
  {
    id: 'part',
    title: 'The part',
    chapters: [{ slug: quiz.slug, title: quiz.chapterTitle, questions: quiz.questions.map((q) => ({ id: q.id, type: q.type })) }],
  },
];
const minutes = (n: number) => n * 60_000;

describe('the review session', () => {
  it('has nothing to serve before any quiz was answered, and says where to start', () => {
    const { wrapper } = testServices([quiz]);
    render(<ReviewSession deck={deck} />, { wrapper });
    expect(screen.getByRole('heading', { name: 'Nothing is due right now' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'chapter quiz' })).toHaveAttribute('href', '/quiz');
    expect(screen.getByRole('button', { name: 'No cards due' })).toBeDisabled();
  });

  it('serves a missed question minutes later, reschedules it, and brings it back in the sitting when missed again', async () => {
    const t = testServices([quiz]);
    t.store.update((p, now) =>
      recordAnswer(
        recordAnswer(p, `${quiz.slug}/first`, rateAnswer(false, undefined), now),
        `${quiz.slug}/second`,
        rateAnswer(true, 'sure'),
        now,
      ),
    );
    const first = render(<ReviewSession deck={deck} />, { wrapper: t.wrapper });
    expect(screen.getByRole('heading', { name: 'Nothing is due right now' })).toBeInTheDocument();
    expect(screen.getByText(/^Your next card is due /)).toBeInTheDocument();
    first.unmount();

    t.clock.travel(minutes(1));
    render(<ReviewSession deck={deck} />, { wrapper: t.wrapper });
    expect(screen.getByRole('heading', { name: '1 card due' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Start the review (1)' }));
    expect(await screen.findByRole('heading', { name: /Card 1 of 1, from Containers and images/ })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'A hypervisor' }));
    await user.click(screen.getByRole('button', { name: 'Sure' }));
    // Wrong and sure: a misconception, and the card comes back at once (its next step is a minute away).
    expect(await screen.findByText(/You were sure, and it is not so/)).toBeInTheDocument();
    expect(t.store.get().cards[`${quiz.slug}/first`].misconceptionAt).toBe(t.clock.now());
    await user.click(screen.getByRole('button', { name: 'Next card' }));
    expect(screen.getByRole('heading', { name: /Card 2 of 2/ })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'The host kernel' }));
    await user.click(screen.getByRole('button', { name: 'Not sure' }));
    expect(await screen.findByText(/Correct, though you were not sure\./)).toBeInTheDocument();
    expect(t.store.get().cards[`${quiz.slug}/first`].misconceptionAt).toBeUndefined();
  });

  it('practises recent mistakes at once, before they are due', async () => {
    const t = testServices([quiz]);
    t.store.update((p, now) => recordAnswer(p, `${quiz.slug}/second`, rateAnswer(false, 'unsure'), now));
    render(<ReviewSession deck={deck} />, { wrapper: t.wrapper });
    expect(screen.getByRole('heading', { name: 'Nothing is due right now' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Practise my mistakes now (1)' }));
    expect(await screen.findByRole('heading', { name: /Card 1 of 1, from Containers and images/ })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'The host kernel' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(t.store.get().cards[`${quiz.slug}/second`].missedAt).toBeUndefined();
  });

  it('filters by part: with the only part unticked nothing is offered', async () => {
    const t = testServices([quiz]);
    t.store.update((p, now) => recordAnswer(p, `${quiz.slug}/first`, rateAnswer(false, undefined), now));
    t.clock.travel(days(1));
    render(<ReviewSession deck={deck} />, { wrapper: t.wrapper });
    expect(screen.getByRole('button', { name: 'Start the review (1)' })).toBeEnabled();
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'The part' }));
    expect(screen.getByRole('button', { name: 'No cards due' })).toBeDisabled();
  });

  it('forgets cards whose question was removed from the content', async () => {
    const t = testServices([quiz]);
    t.store.update((p, now) => recordAnswer(p, `${quiz.slug}/deleted-question`, rateAnswer(false, undefined), now));
    t.clock.travel(days(2));
    render(<ReviewSession deck={deck} />, { wrapper: t.wrapper });
    await vi.waitFor(() => expect(t.store.get().cards).toEqual({}));
  });

  it('shows what you know as pictures with text alternatives', () => {
    const t = testServices([quiz]);
    t.store.update((p, now) => recordAnswer(p, `${quiz.slug}/first`, rateAnswer(true, 'sure'), now));
    render(<ReviewSession deck={deck} />, { wrapper: t.wrapper });
    expect(screen.getByRole('img', { name: /^Due today: 0\. Due this week: 1\./ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Studied on 1 of the last 84 days/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Containers and images: \d+%, 1 of 8 questions answered$/ })).toBeInTheDocument();
  });
});

describe('first-load marks', () => {
  beforeEach(() => localStorage.clear());

  function save(change: Parameters<ReturnType<typeof testServices>['store']['update']>[0]) {
    const t = testServices();
    t.store.update(change);
    localStorage.setItem(progressKey, t.storage.getItem(progressKey)!);
    act(() => {
      window.dispatchEvent(new Event(progressChangedEvent));
    });
  }

  it('the sidebar mark says read and quiz passed, in words for screen readers', () => {
    render(
      <a href="/chapters/node-failure">
        When a node fails
        <ProgressMark slug="node-failure" />
      </a>,
    );
    expect(screen.getByRole('link')).toHaveAccessibleName('When a node fails');
    save((p, now) => recordQuizAttempt(markChapterRead(p, 'node-failure', now), 'node-failure', { correct: 8, total: 8 }, 0.8, now));
    expect(screen.getByRole('link')).toHaveAccessibleName(/^When a node fails ?\(read, quiz passed\)$/);
  });

  it('the header link counts the cards due now', () => {
    render(<ReviewLink />);
    expect(screen.getByRole('link')).toHaveAccessibleName('Review');
    save((p) =>
      recordAnswer(
        recordAnswer(p, 'a/one', rateAnswer(false, undefined), Date.now() - days(3)),
        'a/two',
        rateAnswer(false, undefined),
        Date.now() - days(3),
      ),
    );
    expect(screen.getByRole('link')).toHaveAccessibleName('Review 2 due');
    expect(screen.getByRole('link')).toHaveAttribute('href', '/review');
  });

  it('ignores damaged data instead of crashing', () => {
    localStorage.setItem(progressKey, '{"version":2,"cards":{"x":{"due":"soon"}},"chapters":[1]');
    render(<ReviewLink />);
    expect(screen.getByRole('link')).toHaveAccessibleName('Review');
  });
});

describe('reaching the end of a chapter', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(private readonly callback: IntersectionObserverCallback) {}
        observe() {
          this.callback([{ isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
        }
        disconnect() {}
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('marks the chapter read, and on a chapter without a quiz tells the reader their old data was set aside', async () => {
    localStorage.setItem(progressKey, '{broken');
    render(<MarkChapterRead slug="namespaces" showNotices />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/could not be read/);
    expect(JSON.parse(localStorage.getItem(progressKey)!).chapters).toHaveProperty('namespaces');
    expect(
      Object.keys(localStorage)
        .filter((k) => k.startsWith(setAsidePrefix))
        .map((k) => localStorage.getItem(k)),
    ).toEqual(['{broken']);
  });
});
