import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeToggle } from '@/components/layout/ThemeToggle';
import { themeStorageKey } from '@/components/layout/theme-script';

describe('ThemeToggle', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.dataset.theme = 'light';
    document.documentElement.dataset.themePreference = 'system';
  });

  it('cycles system, light, dark and back, saving the explicit choices', async () => {
    const user = userEvent.setup();
    render(<ThemeToggle />);
    const button = screen.getByRole('button', { name: /System theme/ });

    await user.click(button);
    expect(localStorage.getItem(themeStorageKey)).toBe('light');
    expect(button).toHaveAccessibleName(/Light theme/);

    await user.click(button);
    expect(localStorage.getItem(themeStorageKey)).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');

    await user.click(button);
    expect(localStorage.getItem(themeStorageKey)).toBeNull();
    expect(document.documentElement.dataset.themePreference).toBe('system');
  });

  it('starts from the preference the head script found', () => {
    document.documentElement.dataset.themePreference = 'dark';
    render(<ThemeToggle />);
    expect(screen.getByRole('button', { name: /Dark theme/ })).toBeInTheDocument();
  });

  it('is reachable and usable from the keyboard', async () => {
    const user = userEvent.setup();
    render(<ThemeToggle />);
    await user.tab();
    expect(screen.getByRole('button')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(localStorage.getItem(themeStorageKey)).toBe('light');
  });
});
