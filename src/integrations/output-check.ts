/**
 * After the build: the emitted HTML and Markdown must have no broken link or anchor (see src/fs/check-output-fs.ts).
 * The check runs while Pagefind's own process indexes the output (src/integrations/pagefind.ts hands it the time):
 * the two took 3 and 1.7 s one after the other at 1,000 pages, and use different cores.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkOutput, getCheckedOutput, openOutputCache } from '../fs/check-output-fs.ts';
import { readOutputParsed } from '../fs/check-pool-fs.ts';
import { ContentError } from '../lib/errors.ts';

export interface OutputCheck extends AstroIntegration {
  /** Checks the output folder; throws the problems as a ContentError. */
  run(outDir: string): Promise<void>;
}

export function outputCheck(): OutputCheck {
  let base = '/';
  let site: string | undefined;
  let cacheDir = '';
  let log: AstroIntegrationLogger | undefined;
  return {
    name: 'orbital-dossier:output-check',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        base = config.base;
        site = config.site;
        cacheDir = fileURLToPath(config.cacheDir);
        log = logger;
      },
    },
    async run(outDir) {
      // What each file holds, by its digest: pages an incremental build restored are not parsed again.
      const stored = openOutputCache(cacheDir);
      // Each file read and digested once; a cold build's many new pages parsed on both cores (src/fs/check-pool-fs.ts).
      const read = await readOutputParsed(outDir, stored.cache);
      // Only the files that changed since the last passing check, when that is enough (getFilesToCheck).
      const problems = checkOutput(outDir, base, site, stored.cache, read, stored.last);
      if (problems.length > 0) throw new ContentError(problems);
      stored.save(getCheckedOutput(outDir, base, site, read));
      log?.info('Every internal link and anchor of the output (HTML and Markdown) resolves.');
    },
  };
}
