import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MarkChapterRead } from '@/components/progress/MarkChapterRead';
import { ProgressMark } from '@/components/progress/ProgressMark';
import { ReviewLink } from '@/components/progress/ReviewLink';
import { ReviewSession } from '@/components/progress/ReviewSession';
import { progressChangedEvent, progressKey, setAsidePrefix } from '@/lib/progress/keys';
import { markChapterRead, recordAnswer, recordQuizAttempt } from '@/lib/progress/model';
import { quizOf, singleQuestion } from '../quiz/support/builders';
import { days } from '../quiz/support/memory-storage';
import { testServices } from '../quiz/support/services';

const quiz = quizOf([singleQuestion('first'), singleQuestion('second')]);

describe('the review session', () => {
  it('has nothing to serve before any quiz was answered, and says where to start', () => {
    const { wrapper } = testServices([quiz]);
    render(<ReviewSession />, { wrapper });
    expect(screen.getByRole('heading', { name: 'Nothing is due right now' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'chapter quiz' })).toHaveAttribute('href', '/quiz');
  });

  it('serves a missed question the next day, across days, and reschedules it', async () => {
    const t = testServices([quiz]);
    t.store.update((p, now) => recordAnswer(recordAnswer(p, `${quiz.slug}/first`, false, now), `${quiz.slug}/second`, true, now));
    const first = render(<ReviewSession />, { wrapper: t.wrapper });
    expect(screen.getByRole('heading', { name: 'Nothing is due right now' })).toBeInTheDocument();
    expect(screen.getByText(/^Your next card is due /)).toBeInTheDocument();
    first.unmount();

    t.clock.travel(days(1));
    render(<ReviewSession />, { wrapper: t.wrapper });
    expect(await screen.findByRole('heading', { name: '1 card due' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Card 1 of 1, from Containers and images/ })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Prompt of first?' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'The host kernel' }));
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Finish the review' }));
    expect(screen.getByRole('heading', { name: 'Review finished: 1 of 1 right' })).toBeInTheDocument();
    expect(t.store.get().cards[`${quiz.slug}/first`].due).toBeGreaterThan(t.clock.now() + days(1));
  });

  it('forgets cards whose question was removed from the content', async () => {
    const t = testServices([quiz]);
    t.store.update((p, now) => recordAnswer(p, `${quiz.slug}/deleted-question`, false, now));
    t.clock.travel(days(2));
    render(<ReviewSession />, { wrapper: t.wrapper });
    await vi.waitFor(() => expect(t.store.get().cards).toEqual({}));
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
    save((p) => recordAnswer(recordAnswer(p, 'a/one', false, Date.now() - days(3)), 'a/two', false, Date.now() - days(3)));
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
