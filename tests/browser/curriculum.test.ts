import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { pageErrors, useBrowser } from './support/fixture';

const b = useBrowser();
const partCount = (parse(readFileSync(path.join(process.cwd(), 'content/parts.yaml'), 'utf8')) as unknown[]).length;

/** The first chapter of every part, as the home page lists them. */
async function firstChapters(page: Page): Promise<{ part: string; href: string; title: string }[]> {
  return page.locator('.part-card').evaluateAll((cards) =>
    cards.map((card) => {
      const link = card.querySelector<HTMLAnchorElement>('.part-chapters a')!;
      return { part: card.querySelector('h3')!.textContent!, href: link.getAttribute('href')!, title: link.textContent! };
    }),
  );
}

/** Gives some answer to whatever question is on screen, the way a hurried reader would. */
async function answerAnything(card: Locator) {
  const check = card.getByRole('button', { name: 'Check answer' });
  const radios = card.getByRole('radio');
  const boxes = card.getByRole('checkbox');
  const selects = card.getByRole('combobox');
  const command = card.getByRole('textbox', { name: 'Your command' });
  const number = card.getByRole('textbox', { name: 'Your prediction (a number)' });
  // Simulation questions show their controls once the mini-cluster has run the scenario.
  await card.locator('input, select, .quiz-ordering-text').first().waitFor({ timeout: 30_000 });
  if (await command.count()) await command.fill('kubectl get pods');
  else if (await number.count()) await number.fill('2');
  else if (await radios.count()) await radios.first().check();
  else if (await boxes.count()) await boxes.first().check();
  else if (await selects.count()) {
    for (const select of await selects.all()) {
      const values = await select
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      await select.selectOption(values[0]);
    }
  }
  await check.click();
  await card.getByText(/^(✓ Correct|✗ Not quite)\./).waitFor({ timeout: 30_000 });
}

describe('a reader reads the first chapter of each part and takes its quiz', () => {
  it('finds every part of content/parts.yaml on the home page, each opening with a chapter', async () => {
    const page = await b.open('/');
    const chapters = await firstChapters(page);
    expect(partCount).toBeGreaterThanOrEqual(7);
    expect(chapters.map((c) => c.part)).toHaveLength(partCount);
    expect(chapters.every((c) => c.href.startsWith('/chapters/'))).toBe(true);
  });

  it('reads to the end, answers every question, gets a score, and finds the chapter marked read after a reload', async () => {
    const home = await b.open('/');
    for (const { href, title } of await firstChapters(home)) {
      const page = await b.open(href);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

      const quiz = page.locator('#quiz');
      await quiz.scrollIntoViewIfNeeded();
      const first = page.getByRole('heading', { name: /^Question 1 of (\d+)/ });
      await first.waitFor();
      const total = Number(/of (\d+)/.exec((await first.textContent())!)![1]);
      expect(total, `${href} quiz length`).toBeGreaterThanOrEqual(8);
      for (let i = 0; i < total; i++) {
        await answerAnything(page.locator('.quiz-card').last());
        await page.getByRole('button', { name: /^(Next question|See your score)$/ }).click();
      }
      await page.getByRole('heading', { name: new RegExp(`^You scored \\d+ of ${total} `) }).waitFor();

      await page.reload({ waitUntil: 'networkidle' });
      const sidebar = page.getByRole('navigation', { name: 'Chapters', exact: true });
      await expect(sidebar.getByRole('link', { name: new RegExp(`^${title} \\(read`) }).count(), `${href} marked read`).resolves.toBe(1);
      expect(pageErrors(page), href).toEqual([]);
      await page.context().close();
    }
  }, 300_000);
});
