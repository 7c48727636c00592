'use client';

import { useEffect, useState } from 'react';
import { glossaryLanguageKey } from '../layout/theme-script';

type Language = 'en' | 'ko';

/**
 * Shows the glossary's Korean names and definitions next to the English ones, and makes tooltips
 * in chapters show the Korean definition. The choice is kept; without one, the browser's
 * language decides (set before paint by the theme script, on <html data-glossary-language>).
 */
export function GlossaryLanguageToggle() {
  const [language, setLanguage] = useState<Language>('en');
  useEffect(() => {
    setLanguage(document.documentElement.dataset.glossaryLanguage === 'ko' ? 'ko' : 'en');
  }, []);
  const choose = (next: Language) => {
    setLanguage(next);
    document.documentElement.dataset.glossaryLanguage = next;
    try {
      localStorage.setItem(glossaryLanguageKey, next);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  };
  return (
    <button
      type="button"
      className="page-action glossary-language"
      aria-pressed={language === 'ko'}
      onClick={() => choose(language === 'ko' ? 'en' : 'ko')}
    >
      <span lang="ko">한국어</span>&nbsp;(Korean terms)
    </button>
  );
}
