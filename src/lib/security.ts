/**
 * The site's Content-Security-Policy, shared by Astro's per-page <meta> (which adds the
 * script and style sources) and by `_headers`, which also sends what a <meta> cannot
 * carry (frame-ancestors). Only the site's own origin; 'wasm-unsafe-eval' because
 * Pagefind runs WebAssembly; one inline script, the theme's pre-paint script, by its hash.
 */
import { createHash } from 'node:crypto';
import { THEME_SCRIPT } from './theme-script.ts';

type Directive = `${'default' | 'img' | 'font' | 'connect' | 'worker' | 'object' | 'manifest'}-src ${string}` | `${'base-uri' | 'form-action'} ${string}`;

export const CSP_DIRECTIVES: Directive[] = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
];

/** A CSP source for an inline script: the SHA-256 of its exact text, as the browser computes it. */
export function scriptToHash(script: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
}

/** The hash of the pre-paint theme script, given to Astro (`scriptDirective.hashes`) and to `_headers` alike. */
export const THEME_SCRIPT_HASH = scriptToHash(THEME_SCRIPT);

export const SCRIPT_SRC = `script-src 'self' 'wasm-unsafe-eval' '${THEME_SCRIPT_HASH}'`;
export const STYLE_SRC = "style-src 'self'";

/** The full policy as an HTTP header, for `_headers`. */
export const CSP_HEADER = [...CSP_DIRECTIVES, SCRIPT_SRC, STYLE_SRC, "frame-ancestors 'none'"].join('; ');
