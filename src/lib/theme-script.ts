/**
 * The script in <head> that applies a remembered theme before the first paint. It runs
 * inline (an external file would cost a request before anything paints), so the CSP allows
 * it by its hash (`THEME_SCRIPT_HASH` in src/lib/security.ts, computed from this very text).
 * Storage may be unavailable (disabled, or a sandboxed frame): then `auto` applies.
 * Apart from src/lib/theme.ts so that the switch's browser bundle does not carry it.
 */
import { THEME_STORAGE_KEY } from './theme.ts';

export const THEME_SCRIPT =
  `try{let t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});` +
  `if(t==="light"||t==="dark"){document.documentElement.dataset.theme=t;document.querySelector('meta[name="color-scheme"]').content=t}}catch(e){}`;
