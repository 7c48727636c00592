import type { Locator, Page } from 'playwright-core';
import type { Question } from '@/lib/quiz/schema';

/** Prompts and options as the page shows them: Markdown backticks become code, not text. */
export const plain = (text: string) => text.replace(/`/g, '');

/** Fills in a static question on a quiz card through the UI, right or wrong; submitting is the caller's. */
export async function fillAnswer(card: Locator, question: Question, right: boolean): Promise<void> {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chosen = question.options.filter((o) => o.correct === right).slice(0, question.type === 'single' ? 1 : undefined);
      for (const option of chosen)
        await card.getByRole(question.type === 'single' ? 'radio' : 'checkbox', { name: plain(option.text), exact: true }).check();
      return;
    }
    case 'ordering': {
      const target = right ? question.items : [...question.items].reverse();
      for (const [position, item] of target.entries()) {
        for (;;) {
          const current = await card.locator('.quiz-ordering-text').allTextContents();
          if (current.indexOf(plain(item)) <= position) break;
          await card.getByRole('button', { name: `Move up: ${plain(item)}`, exact: true }).click();
        }
      }
      return;
    }
    case 'matching':
      for (const [i, pair] of question.pairs.entries()) {
        const other = question.pairs[(i + 1) % question.pairs.length].match;
        const wrong = other === pair.match ? question.distractors[0] : other;
        await card.getByRole('combobox', { name: plain(pair.item), exact: true }).selectOption(right ? pair.match : wrong);
      }
      return;
    default:
      throw new Error(`answer ${question.type} questions in the test itself`);
  }
}

/** Scrolls to the chapter's quiz and waits for its first question. */
export async function openQuiz(page: Page): Promise<void> {
  await page.locator('#quiz').scrollIntoViewIfNeeded();
  await page.getByRole('heading', { name: /^Question 1 of \d+/ }).waitFor();
}
