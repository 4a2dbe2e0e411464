/**
 * `<theme-switch>`: the reader's choice of auto, light or dark. The pre-paint script in
 * <head> has already applied a remembered choice; this element shows it, and applies and
 * remembers a new one (other open tabs take it when next loaded). The element is hidden
 * until it upgrades, so a reader without JavaScript sees no control that does nothing.
 */
import { THEME_STORAGE_KEY, themeToColorScheme, toTheme, type Theme } from '../lib/theme.ts';

function readTheme(): Theme {
  try {
    return toTheme(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'auto';
  }
}

function storeTheme(theme: Theme): void {
  try {
    if (theme === 'auto') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage refused: the choice holds for this page only.
  }
}

/** What the pre-paint script does, for a choice made after the page has loaded. */
function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
  document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', themeToColorScheme(theme));
}

class ThemeSwitch extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select')!;
    select.value = readTheme();
    // Again, in case the pre-paint script did not run (a stale hash in a host's policy): late beats never.
    applyTheme(toTheme(select.value));
    select.addEventListener('change', () => {
      const theme = toTheme(select.value);
      storeTheme(theme);
      applyTheme(theme);
    });
    this.hidden = false;
  }
}

export function defineThemeSwitch(): void {
  if (!customElements.get('theme-switch')) customElements.define('theme-switch', ThemeSwitch);
}
