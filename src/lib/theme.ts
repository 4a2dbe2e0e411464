/**
 * The reader's theme: `auto` follows the system's light or dark setting; `light` and `dark`
 * override it and are remembered in localStorage. The choice is shown to the CSS as
 * `data-theme` on <html> (absent for `auto`), and to the browser by the color-scheme meta.
 * Shared by the pre-paint script (src/lib/theme-script.ts) and the switch (src/client/theme-switch.ts).
 */
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The localStorage key of the reader's choice; `auto` is stored as no key at all. */
export const THEME_STORAGE_KEY = 'orbital-dossier-theme';

/** A stored or chosen value as a theme: anything unknown (or nothing) is `auto`. */
export function toTheme(value: string | null | undefined): Theme {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/** The color-scheme meta's content for a theme: both schemes for `auto`, so the system picks. */
export function themeToColorScheme(theme: Theme): string {
  return theme === 'auto' ? 'light dark' : theme;
}
