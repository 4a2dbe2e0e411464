/**
 * Indexes the built site with Pagefind's Node API once Astro has written it. Only elements
 * marked `data-pagefind-body` are indexed, so list pages and the 404 page stay out.
 *
 * `alongside` runs on this thread while Pagefind's own process reads and indexes the pages (the
 * output check); the index is written only once it has passed, so a refused build writes none.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export function pagefindIndex(options: { alongside?: (outDir: string) => void | Promise<void> } = {}): AstroIntegration {
  return {
    name: 'orbital-dossier:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const adding = index.addDirectory({ path: outDir });
          // A failed check is thrown once Pagefind has answered, so that its process is closed cleanly.
          let failed: { error: unknown } | undefined;
          try {
            await options.alongside?.(outDir);
          } catch (error) {
            failed = { error };
          }
          const added = await adding;
          if (failed) throw failed.error;
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no page: no element carries data-pagefind-body.');
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          // The site has its own search UI: Pagefind's prebuilt UIs would only be dead weight in dist/.
          for (const file of readdirSync(join(outDir, 'pagefind'))) {
            if (/^pagefind-(ui|component-ui|modular-ui)\.(js|css)$/.test(file)) rmSync(join(outDir, 'pagefind', file));
          }
          logger.info(`Pagefind indexed ${added.page_count} pages.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
