/** Cycles the theme: follow the system, light, dark. */
import { selectCycleTheme, selectTheme } from '../../stores/app/app.selectors';
import { useAppStore } from '../../stores/app/app.store';

const LABEL = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;

export function ThemeToggle() {
  const theme = useAppStore(selectTheme);
  const cycle = useAppStore(selectCycleTheme);
  return (
    <button type="button" className="tool-button" onClick={cycle} aria-label={`${LABEL[theme]} (change)`}>
      {LABEL[theme]}
    </button>
  );
}
