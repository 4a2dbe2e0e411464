/** After the build: links of every page become numbered notes in print (see src/lib/print-notes.ts). */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fileToUrlPath, listHtml } from '../fs/check-output-fs.ts';
import { addPrintNotes } from '../lib/print-notes.ts';

export function printNotes(): AstroIntegration {
  let base = '/';
  let site = '';
  return {
    name: 'orbital-dossier:print-notes',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? 'http://localhost/';
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        let pages = 0;
        for (const file of listHtml(out)) {
          const html = readFileSync(file, 'utf8');
          const noted = addPrintNotes(html, new URL(fileToUrlPath(out, file, base), site).href);
          if (noted !== html) {
            writeFileSync(file, noted);
            pages += 1;
          }
        }
        logger.info(`Links listed as print notes on ${pages} pages.`);
      },
    },
  };
}
