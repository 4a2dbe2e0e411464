/** After the build: the emitted HTML and Markdown must have no broken link or anchor (see src/fs/check-output-fs.ts). */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkOutput } from '../fs/check-output-fs.ts';
import { ContentError } from '../lib/errors.ts';

export function outputCheck(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'orbital-dossier:output-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const problems = checkOutput(fileURLToPath(dir), base, site);
        if (problems.length > 0) throw new ContentError(problems);
        logger.info('Every internal link and anchor of the output (HTML and Markdown) resolves.');
      },
    },
  };
}
