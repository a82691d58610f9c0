'use client';

import { useState } from 'react';

type Theme = 'light' | 'dark' | 'system';
const nextTheme: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

/** Cycles system → light → dark; remembered in a cookie for a year. */
export function ThemeToggle({ initialTheme }: { initialTheme: Theme }) {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const change = () => {
    const chosen = nextTheme[theme];
    setTheme(chosen);
    if (chosen === 'system') {
      document.documentElement.removeAttribute('data-theme');
      document.cookie = 'theme=; path=/; max-age=0; samesite=lax';
    } else {
      document.documentElement.setAttribute('data-theme', chosen);
      document.cookie = `theme=${chosen}; path=/; max-age=31536000; samesite=lax`;
    }
  };
  return (
    <button type="button" className="secondary" onClick={change} aria-label={`Theme: ${theme}. Change theme`}>
      Theme: {theme}
    </button>
  );
}
