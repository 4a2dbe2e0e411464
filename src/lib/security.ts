/**
 * The site's Content-Security-Policy, shared by Astro's per-page <meta> (which adds the
 * script and style sources) and by `_headers`, which also sends what a <meta> cannot
 * carry (frame-ancestors). Only the site's own origin; 'wasm-unsafe-eval' because
 * Pagefind runs WebAssembly.
 */
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

export const SCRIPT_SRC = "script-src 'self' 'wasm-unsafe-eval'";
export const STYLE_SRC = "style-src 'self'";

/** The full policy as an HTTP header, for `_headers`. */
export const CSP_HEADER = [...CSP_DIRECTIVES, SCRIPT_SRC, STYLE_SRC, "frame-ancestors 'none'"].join('; ');
