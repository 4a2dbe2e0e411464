/**
 * Writes `_headers` (read by Netlify, Cloudflare Pages and scripts/serve.ts): the security
 * headers for every response, long immutable caching for content-hashed files, and the
 * charset of the Markdown and llms*.txt files (hosts send `.md` and `.txt` without one, and the
 * dossier's text is not ASCII). HTML gets no Cache-Control here, so hosts keep their default of
 * revalidating it.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP_HEADER } from '../lib/security.ts';

export function makeHeaders(base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const immutable = 'public, max-age=31536000, immutable';
  return [
    `${b}*`,
    `  Content-Security-Policy: ${CSP_HEADER}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()',
    '  X-Frame-Options: DENY',
    '  Cross-Origin-Opener-Policy: same-origin',
    `${b}_astro/*`,
    `  Cache-Control: ${immutable}`,
    `${b}pagefind/index/*`,
    `  Cache-Control: ${immutable}`,
    `${b}pagefind/fragment/*`,
    `  Cache-Control: ${immutable}`,
    `${b}pagefind/filter/*`,
    `  Cache-Control: ${immutable}`,
    `${b}*.md`,
    '  Content-Type: text/markdown; charset=utf-8',
    `${b}llms*.txt`,
    '  Content-Type: text/plain; charset=utf-8',
    '',
  ].join('\n');
}

export function headersFile(): AstroIntegration {
  let base = '/';
  return {
    name: 'orbital-dossier:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), makeHeaders(base));
      },
    },
  };
}
