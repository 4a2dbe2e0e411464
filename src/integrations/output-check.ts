/** After the build: the emitted HTML and Markdown must have no broken link or anchor (see src/fs/check-output-fs.ts). */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkOutput, openOutputCache } from '../fs/check-output-fs.ts';
import { ContentError } from '../lib/errors.ts';

export function outputCheck(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  let cacheDir = '';
  return {
    name: 'orbital-dossier:output-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': ({ dir, logger }) => {
        // What each file holds, by its digest: pages an incremental build restored are not parsed again.
        const stored = openOutputCache(cacheDir);
        const problems = checkOutput(fileURLToPath(dir), base, site, stored.cache);
        if (problems.length > 0) throw new ContentError(problems);
        stored.save();
        logger.info('Every internal link and anchor of the output (HTML and Markdown) resolves.');
      },
    },
  };
}
