'use client';

import { useEffect, useState } from 'react';
import { themeStorageKey } from './theme-script';

type Preference = 'system' | 'light' | 'dark';
const nextPreference: Record<Preference, Preference> = { system: 'light', light: 'dark', dark: 'system' };
const label: Record<Preference, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };

function apply(preference: Preference) {
  const root = document.documentElement;
  const dark = preference === 'dark' || (preference === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  root.dataset.theme = dark ? 'dark' : 'light';
  root.dataset.themePreference = preference;
}

/** Cycles system -> light -> dark; "system" follows the OS live. */
export function ThemeToggle() {
  const [preference, setPreference] = useState<Preference>('system');

  useEffect(() => {
    setPreference((document.documentElement.dataset.themePreference as Preference) ?? 'system');
  }, []);

  useEffect(() => {
    if (preference !== 'system') return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => apply('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [preference]);

  const choose = () => {
    const next = nextPreference[preference];
    try {
      if (next === 'system') localStorage.removeItem(themeStorageKey);
      else localStorage.setItem(themeStorageKey, next);
    } catch {
      // Storage can be blocked; the choice still applies to this page.
    }
    apply(next);
    setPreference(next);
  };

  return (
    <button
      type="button"
      className="icon-button theme-toggle"
      onClick={choose}
      aria-label={`${label[preference]} (switch to ${label[nextPreference[preference]].toLowerCase()})`}
      title={`${label[preference]}: click for ${label[nextPreference[preference]].toLowerCase()}`}
      data-preference={preference}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        {preference === 'light' && (
          <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
            <circle cx="12" cy="12" r="4.2" />
            <path d="M12 2.5v2.2M12 19.3v2.2M4.6 4.6l1.6 1.6M17.8 17.8l1.6 1.6M2.5 12h2.2M19.3 12h2.2M4.6 19.4l1.6-1.6M17.8 6.2l1.6-1.6" />
          </g>
        )}
        {preference === 'dark' && (
          <path
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
            d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z"
          />
        )}
        {preference === 'system' && (
          <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
            <rect x="3" y="4.5" width="18" height="12" rx="2" />
            <path d="M8.5 20h7M12 16.5V20" strokeLinecap="round" />
            <path d="M12 4.5v12a6 6 0 0 0 0-12Z" fill="currentColor" stroke="none" transform="translate(0 0)" />
          </g>
        )}
      </svg>
    </button>
  );
}
