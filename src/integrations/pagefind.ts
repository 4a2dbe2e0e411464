/**
 * Indexes the built site with Pagefind's Node API once Astro has written it. Only elements
 * marked `data-pagefind-body` are indexed, so list pages and the 404 page stay out.
 *
 * `alongside` runs on this thread while Pagefind's own process reads, indexes and writes the pages (the
 * output check). Pagefind writes into a folder of the cache, which is moved into the output only once the check
 * has passed, so a refused build writes no index. Pagefind's service answers its requests one after the other, in
 * the order sent (its service loop in pagefind/src/service/mod.rs), so the write asked for with the pages follows them.
 * That folder starts with the last build's digest-named files (src/fs/pagefind-files-fs.ts): Pagefind compresses and
 * writes only the new ones, and those the new index does not use are removed before the move.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { cpSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { keepDigestNamedFiles, linkDigestNamedFiles, settleWrittenIndex } from '../fs/pagefind-files-fs.ts';

/** Moves a folder by renaming it, or by copying it where the two are on different file systems. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EXDEV')) throw error;
    cpSync(from, to, { recursive: true });
  }
}

export function pagefindIndex(options: { alongside?: (outDir: string) => void | Promise<void> } = {}): AstroIntegration {
  /** Where Pagefind writes the index before it is moved into the output, and where its files are kept for the next build (under Astro's cache folder). */
  let pending = '';
  let kept = '';
  return {
    name: 'orbital-dossier:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        pending = join(fileURLToPath(config.cacheDir), 'pagefind-pending');
        kept = join(fileURLToPath(config.cacheDir), 'pagefind-kept');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        rmSync(pending, { recursive: true, force: true });
        linkDigestNamedFiles(kept, pending);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const adding = index.addDirectory({ path: outDir });
          const writing = index.writeFiles({ outputPath: pending });
          // A failed check is thrown once Pagefind has answered, so that its process is closed cleanly.
          let failed: { error: unknown } | undefined;
          try {
            await options.alongside?.(outDir);
          } catch (error) {
            failed = { error };
          }
          const [added, written] = await Promise.all([adding, writing]);
          if (failed) throw failed.error;
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no page: no element carries data-pagefind-body.');
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          await settleWrittenIndex(
            pending,
            async () => {
              const again = await index.writeFiles({ outputPath: pending });
              if (again.errors.length > 0) throw new Error(`Pagefind could not write its files: ${again.errors.join('; ')}`);
            },
            (message) => logger.warn(message),
          );
          // The site has its own search UI: Pagefind's prebuilt UIs would only be dead weight in dist/.
          for (const file of readdirSync(pending)) {
            if (/^pagefind-(ui|component-ui|modular-ui)\.(js|css)$/.test(file)) rmSync(join(pending, file));
          }
          keepDigestNamedFiles(pending, kept);
          moveFolder(pending, join(outDir, 'pagefind'));
          logger.info(`Pagefind indexed ${added.page_count} pages.`);
        } finally {
          rmSync(pending, { recursive: true, force: true });
          await pagefind.close();
        }
      },
    },
  };
}
