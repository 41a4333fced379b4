/** Puts the chosen theme on <html data-theme>: "system" leaves it to prefers-color-scheme (base.css). */
import { useEffect } from 'react';
import { selectTheme } from '../stores/app/app.selectors';
import { useAppStore } from '../stores/app/app.store';

export function useThemeAttribute(): void {
  const theme = useAppStore(selectTheme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
