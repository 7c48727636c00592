import type { Page } from 'playwright-core';

/** Which of these selectors the page's loaded stylesheets have a rule for (exactly as written there). */
export function styleRulesPresent(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate(
    (wanted) =>
      wanted.filter((selector) =>
        [...document.styleSheets].some((sheet) =>
          [...sheet.cssRules].some((rule) => rule instanceof CSSStyleRule && rule.selectorText === selector),
        ),
      ),
    selectors,
  );
}
