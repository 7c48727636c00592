import type { Page } from 'playwright-core';
import type { Question, Quiz } from '@/lib/quiz/schema';
import { seriousViolations } from './support/axe';
import { pageErrors, useBrowser } from './support/fixture';
import { fillAnswer, openQuiz, plain } from './support/quiz';

const b = useBrowser();
const slug = 'containers-and-images';

async function quizData(): Promise<Quiz> {
  return (await fetch(`${b.baseUrl}/quiz/data/${slug}.json`)).json();
}

/** The question on screen, found by its prompt (options and order are shuffled per attempt). */
async function shownQuestion(page: Page, quiz: Quiz): Promise<Question> {
  const prompt = (await page.locator('.quiz-card legend').last().textContent())?.trim();
  const question = quiz.questions.find((q) => plain(q.prompt) === prompt);
  if (!question) throw new Error(`no question with the prompt ${prompt}`);
  return question;
}

/** Answers a static question through the UI, right or wrong, saying how sure the reader is. */
async function answer(page: Page, question: Question, right: boolean, confidence: 'Sure' | 'Not sure' | 'Check answer') {
  const card = page.locator('.quiz-card').last();
  await fillAnswer(card, question, right);
  await card.getByRole('button', { name: confidence, exact: true }).click();
  await card.locator('.quiz-result, .quiz-misconception').waitFor();
}

describe('learning from mistakes at once', () => {
  it('misses two questions, one of them confidently, and practises them straight after the quiz', async () => {
    const quiz = await quizData();
    const page = await b.open(`/chapters/${slug}`);
    await openQuiz(page);
    const missed: string[] = [];
    for (let i = 0; i < quiz.questions.length; i++) {
      const question = await shownQuestion(page, quiz);
      const wrong = i < 2;
      await answer(page, question, !wrong, i === 0 ? 'Sure' : 'Check answer');
      if (wrong) missed.push(question.id);
      if (i === 0) {
        await page.getByText(/You were sure, and it is not so/).waitFor();
        // The chosen wrong option explains itself.
        if (question.type === 'single') await expect(page.locator('.quiz-option-wrong .quiz-option-feedback').count()).resolves.toBe(1);
      }
      await page.getByRole('button', { name: /^(Next question|See your score)$/ }).click();
    }
    await page.getByRole('heading', { name: /^You scored/ }).waitFor();
    await page.getByRole('button', { name: 'Practise my mistakes now (2)' }).click();
    await page.getByRole('heading', { name: /^Practice 1 of 2/ }).waitFor();
    // Miss the first again: it comes back at the end of the practice, until it is right.
    await answer(page, await shownQuestion(page, quiz), false, 'Not sure');
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByRole('heading', { name: /^Practice 2 of 3/ }).waitFor();
    for (let i = 0; i < 2; i++) {
      const question = await shownQuestion(page, quiz);
      expect(missed).toContain(question.id);
      await answer(page, question, true, 'Sure');
      await page.getByRole('button', { name: /^(Next question|Finish)$/ }).click();
    }
    await page.getByRole('heading', { name: 'Practice done: every one of the 2 questions answered right' }).waitFor();

    // /review offers the practice too, and shows what you know.
    await page.goto(`${b.baseUrl}/review`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'What you know' }).waitFor();
    await expect(page.getByRole('img', { name: /^Due today: / }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /^Studied on 1 of the last 84 days/ }).count()).resolves.toBe(1);
    expect(await seriousViolations(page), '/review').toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('a quiz keeps its place', () => {
  it('resumes after a reload at the same question, with the answers so far', async () => {
    const quiz = await quizData();
    const page = await b.open(`/chapters/${slug}`);
    await openQuiz(page);
    for (let i = 0; i < 2; i++) {
      await answer(page, await shownQuestion(page, quiz), true, 'Check answer');
      await page.getByRole('button', { name: 'Next question' }).click();
    }
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator('#quiz').scrollIntoViewIfNeeded();
    await page.getByRole('heading', { name: new RegExp(`^Question 3 of ${quiz.questions.length}`) }).waitFor();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByText(/^✓ Correct\./).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('a #quiz-<question-id> link opens that question', async () => {
    const quiz = await quizData();
    const target = quiz.questions[4];
    const page = await b.open(`/chapters/${slug}#quiz-${target.id}`);
    await page.getByRole('heading', { name: new RegExp(`^Question 5 of ${quiz.questions.length}`) }).waitFor();
    await expect(shownQuestion(page, quiz).then((q) => q.id)).resolves.toBe(target.id);
    await expect(page.locator(`#quiz-${target.id}`).isVisible()).resolves.toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('exam mode', () => {
  const search = '?seed=4242&parts=containers,isolation&n=10&t=15';

  async function start(page: Page) {
    await page.getByRole('button', { name: 'Start the exam' }).click();
    await page.getByRole('navigation', { name: 'Exam questions' }).waitFor();
  }

  it('the same seed gives the same exam; a short exam reaches its result page per part', async () => {
    const first = await b.open(`/exam${search}`);
    expect(await seriousViolations(first), '/exam settings').toEqual([]);
    await start(first);
    const labelOf = (p: Page) => p.locator('.quiz-card-label').textContent();
    const other = await b.open(`/exam${search}`);
    await start(other);
    await expect(labelOf(other)).resolves.toBe(await labelOf(first));
    await expect(other.locator('.quiz-card legend, .quiz-card .quiz-prompt').first().textContent()).resolves.toBe(
      await first.locator('.quiz-card legend, .quiz-card .quiz-prompt').first().textContent(),
    );
    expect(await seriousViolations(first), '/exam running').toEqual([]);

    // Flag the first question, answer one single-choice question if there is one, then finish.
    await first.getByRole('button', { name: 'Flag to come back to' }).click();
    await first.getByRole('button', { name: 'Question 1, flagged' }).waitFor();
    for (let i = 0; i < 10; i++) {
      await first.getByRole('button', { name: new RegExp(`^Question ${i + 1}(,|$)`) }).click();
      const radio = first.locator('.quiz-card input[type="radio"]').first();
      if ((await first.locator('.quiz-card .quiz-choices, .quiz-card fieldset').count()) > 0 && (await radio.count()) > 0) {
        await radio.check();
        await first.getByRole('button', { name: 'Check answer' }).click();
        await first.getByText('Answer recorded. You will see how you did at the end.').waitFor();
        break;
      }
    }
    await first.getByRole('button', { name: /^Finish the exam/ }).click();
    await first.getByRole('heading', { name: /^Exam result: \d+ of 10/ }).waitFor();
    const parts = await first.locator('.exam-part h3').allTextContents();
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((t) => /^(Containers|Isolation|.+): \d+ of \d+$/.test(t))).toBe(true);
    await expect(first.locator('.exam-part a[href^="/chapters/"]').count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(first), '/exam result').toEqual([]);
    expect(pageErrors(first)).toEqual([]);
  });
});
