/**
 * Puts the theme in force on <html data-theme="light|dark">: the chosen one, or for "system" the one
 * prefers-color-scheme asks for (followed live). base.css then needs one rule per theme.
 */
import { useEffect } from 'react';
import { selectTheme } from '../stores/app/app.selectors';
import { useAppStore } from '../stores/app/app.store';

export function useThemeAttribute(): void {
  const theme = useAppStore(selectTheme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return undefined;
    }
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => { root.dataset.theme = query.matches ? 'dark' : 'light'; };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}
