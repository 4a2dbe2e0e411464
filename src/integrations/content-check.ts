/**
 * Checks the whole of `content/` before Astro loads or renders anything: file names and
 * duplicate ids, YAML and dates, every cross-link, anchor and internal link. All problems
 * are reported at once and stop the build (and `astro sync`, `astro check`, `astro dev`).
 */
import type { AstroIntegration } from 'astro';
import { buildContentIndex } from '../lib/content-index.ts';
import { ContentError } from '../lib/errors.ts';
import { checkContentIndex } from '../lib/resolve-links.ts';

export function contentCheck(options: { root: string; contentDir: string }): AstroIntegration {
  return {
    name: 'orbital-dossier:content-check',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const index = buildContentIndex(options.root, options.contentDir);
        const problems = checkContentIndex(index);
        if (problems.length > 0) throw new ContentError(problems);
        logger.info(`${index.entries.size} entries, every cross-link resolved.`);
      },
    },
  };
}
