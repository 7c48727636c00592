import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Question, Quiz } from '@/lib/quiz/schema';
import { seriousViolations } from './support/axe';
import { pageErrors, useBrowser } from './support/fixture';
import { fillAnswer, openQuiz, plain } from './support/quiz';
import { styleRulesPresent } from './support/stylesheets';

const b = useBrowser();
const day = 24 * 60 * 60 * 1000;

async function quizData(slug: string): Promise<Quiz> {
  return (await fetch(`${b.baseUrl}/quiz/data/${slug}.json`)).json();
}

/** Answers the question on screen through the UI; `right` picks the correct answer or a wrong one. */
async function answer(page: Page, question: Question, right: boolean) {
  const card = page.locator('.quiz-card').last();
  await fillAnswer(card, question, right);
  await card.getByRole('button', { name: 'Check answer' }).click();
  await card.getByText(right ? /^✓ Correct\./ : /^✗ Not quite\./).waitFor();
}

async function next(page: Page) {
  await page.getByRole('button', { name: /^(Next question|See your score)$/ }).click();
}

describe('a reader takes a chapter quiz', () => {
  it('answers every question, sees the score, and after a reload finds the score, the marks and the review queue', async () => {
    const quiz = await quizData('containers-and-images');
    const wrong = new Set([quiz.questions[1].id, quiz.questions[6].id]);
    const page = await b.open('/chapters/containers-and-images');
    await openQuiz(page);
    for (const question of quiz.questions) {
      await answer(page, question, !wrong.has(question.id));
      await next(page);
    }
    const total = quiz.questions.length;
    const score = page.getByRole('heading', { name: `You scored ${total - 2} of ${total} (${Math.round(((total - 2) / total) * 100)}%)` });
    await score.waitFor();
    await expect(score.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await page.getByRole('button', { name: 'Review your mistakes (2)' }).click();
    await expect(page.getByRole('heading', { name: /^Mistake \d of 2/ }).count()).resolves.toBe(2);

    await page.reload({ waitUntil: 'networkidle' });
    const sidebar = page.getByRole('navigation', { name: 'Chapters', exact: true });
    await expect(sidebar.getByRole('link', { name: 'Containers and images (read, quiz passed)', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Review', exact: true }).count()).resolves.toBe(1);

    await page.goto(`${b.baseUrl}/quiz`, { waitUntil: 'networkidle' });
    const item = page.locator('.quiz-index-item', { hasText: 'Containers and images' });
    await expect(item.locator('.quiz-best').textContent()).resolves.toBe('Best score 80%, passed');

    // A day later the two missed questions are due (right ones wait two days); the header counts them and /review serves them.
    await page.clock.setFixedTime(Date.now() + day);
    await page.goto(`${b.baseUrl}/review`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('link', { name: 'Review 2 due' }).count()).resolves.toBe(1);
    await page.getByRole('heading', { name: '2 cards due' }).waitFor();
    await page.getByRole('button', { name: 'Start the review (2)' }).click();
    for (let card = 0; card < 2; card++) {
      const prompt = await page.locator('.quiz-card legend').textContent();
      const shown = quiz.questions.find((q) => plain(q.prompt) === prompt)!;
      expect(wrong.has(shown.id)).toBe(true);
      await answer(page, shown, true);
      await page.getByRole('button', { name: /^(Next card|Finish)$/ }).click();
    }
    await page.getByRole('heading', { name: 'Review finished: 2 of 2 right the first time' }).waitFor();
    await expect(page.getByRole('link', { name: 'Review', exact: true }).count()).resolves.toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('grades simulation questions by running the mini-cluster in the page', async () => {
    const page = await b.open('/chapters/node-failure');
    await openQuiz(page);
    // Prediction: whatever we pick, the answer shown is the one the model computed.
    await page.locator('.quiz-card').getByText('The cluster now:').waitFor();
    await page.locator('.quiz-card').getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByText(/^The simulation says: (Ready|NotReady)$/).waitFor();
    await next(page);
    // A numeric prediction.
    await page.getByRole('textbox', { name: 'Your prediction (a number)' }).fill('1');
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByText(/^The simulation says: \d+/).waitFor();
    await next(page);
    await page.locator('.quiz-card').getByRole('radio', { name: 'Terminating' }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByText(/^The simulation says: /).waitFor();
    await next(page);
    // A typed command, graded by the state it leaves; not the sample's spelling.
    const command = page.getByRole('textbox', { name: 'Your command' });
    await command.fill('kubectl delete pod db-0 --force --grace-period=0');
    await command.press('Enter');
    await page.getByText(/^✓ Correct\./).waitFor();
    await expect(page.locator('.quiz-checks li').allTextContents()).resolves.toEqual([
      expect.stringMatching(/Met pod db-0 shows STATUS Running/),
      expect.stringMatching(/Met exactly 0 pods named db-0 on worker-\d/),
    ]);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('the quiz costs nothing until the reader reaches it', () => {
  /** Every script the page has loaded so far, with its gzip size and text. */
  async function loadedScripts(page: Page) {
    const urls = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.endsWith('.js')),
    );
    return Promise.all(
      urls.map(async (url) => {
        const body = Buffer.from(await (await fetch(url)).arrayBuffer());
        return { url, gzip: gzipSync(body, { level: 9 }).length, text: body.toString('utf8') };
      }),
    );
  }

  it('a chapter page loads at most 150 kB of JS (gzip) at start, and the quiz code and styles only near the quiz', async () => {
    const page = await b.open('/chapters/containers-and-images');
    const atStart = await loadedScripts(page);
    expect(atStart.reduce((n, s) => n + s.gzip, 0)).toBeLessThanOrEqual(150 * 1024);
    expect(atStart.some((s) => s.text.includes('quiz-runner'))).toBe(false);

    const runnerSelectors = ['.quiz-card', '.quiz-option', '.quiz-summary'];
    expect(await styleRulesPresent(page, runnerSelectors)).toEqual([]);

    await openQuiz(page);
    const afterQuiz = await loadedScripts(page);
    expect(afterQuiz.some((s) => s.text.includes('quiz-runner'))).toBe(true);
    // The running quiz's styles arrive with its code.
    await expect.poll(() => styleRulesPresent(page, runnerSelectors)).toEqual(runnerSelectors);
    // No simulation question in this quiz, so the mini-cluster never loads.
    expect(afterQuiz.some((s) => s.text.includes('Kubelet stopped posting node status.'))).toBe(false);
  });
});

describe('saved progress that cannot be read', () => {
  it('never breaks the page: it is set aside and the reader is told', async () => {
    const page = await b.open('/');
    await page.evaluate(() => localStorage.setItem('clusterbook.progress', '{"version":2,"chapters":'));
    await page.goto(`${b.baseUrl}/quiz`, { waitUntil: 'networkidle' });
    const alert = page.locator('.progress-notices');
    await expect(alert.textContent()).resolves.toMatch(
      /could not be read.*kept in this browser under "clusterbook\.progress\.set-aside\.\d+"/,
    );
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('clusterbook.progress.set-aside.'))
        .map((k) => localStorage.getItem(k)),
    );
    expect(kept).toEqual(['{"version":2,"chapters":']);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('axe-core finds no serious or critical problems on quiz pages', () => {
  it.each(['light', 'dark'] as const)('a chapter quiz with a graded question, /quiz and /review (%s)', async (colorScheme) => {
    const page = await b.open('/chapters/containers-and-images', { colorScheme });
    await openQuiz(page);
    const quiz = await quizData('containers-and-images');
    await answer(page, quiz.questions[0], false);
    expect(await seriousViolations(page), 'graded question').toEqual([]);
    await next(page);
    expect(await seriousViolations(page), 'next question').toEqual([]);
    for (const route of ['/quiz', '/review']) {
      await page.goto(`${b.baseUrl}${route}`, { waitUntil: 'networkidle' });
      expect(await seriousViolations(page), route).toEqual([]);
    }
  });
});
