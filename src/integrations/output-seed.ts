/**
 * An incremental build's reusable pages, put into the output before Astro renders (src/fs/output-seed-fs.ts says why
 * and how). The copy starts when the config is ready and runs on a worker thread through the content sync and the
 * Vite bundle; once Vite has written its bundles into the emptied output, the copy is moved in, and Astro, finding a
 * reusable page in place, leaves it there ("(cached)" in its log, where it would otherwise copy it: "(restored)").
 * Once the pages are generated, the seeded files this build did not emit are deleted, before any other integration
 * reads the output. Builds only; `astro dev` renders on request.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moveSeedIntoOutput, removeUnbuiltSeededFiles, startOutputSeed } from '../fs/output-seed-fs.ts';

type Seeding = Promise<{ files: string[] } | { error: unknown }>;

export function outputSeed(): AstroIntegration {
  let building = false;
  let logger: AstroIntegrationLogger | undefined;
  let outDir = '';
  let seedDir = '';
  let seeding: Seeding | undefined;
  let moved: Promise<string[]> | undefined;
  /** Moves the copy into the output, once (Vite writes one bundle per environment). */
  const moveOnce = () =>
    (moved ??= (async () => {
      if (!seeding) return [];
      const result = await seeding;
      if ('error' in result) {
        // Astro then copies each reusable page itself, as it would without the seed.
        logger?.warn(`The last build's pages could not be copied ahead (${result.error instanceof Error ? result.error.message : String(result.error)}).`);
        return [];
      }
      return moveSeedIntoOutput(seedDir, result.files, outDir);
    })());
  return {
    name: 'orbital-dossier:output-seed',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger: log }) => {
        building = command === 'build';
        logger = log;
        if (!building) return;
        updateConfig({ vite: { plugins: [{ name: 'orbital-dossier:output-seed', apply: 'build', writeBundle: async () => void (await moveOnce()) }] } });
      },
      'astro:config:done': ({ config }) => {
        if (!building || !config.experimental.incrementalBuild) return;
        outDir = fileURLToPath(config.outDir);
        const cacheDir = fileURLToPath(config.cacheDir);
        seedDir = join(cacheDir, 'output-seed');
        // The folder Astro's incremental build keeps its pages in (INCREMENTAL_OUTPUT_DIR, astro/dist/core/build/incremental.js).
        seeding = startOutputSeed(join(cacheDir, 'dist'), seedDir).then(
          (files) => ({ files }),
          (error: unknown) => ({ error }),
        );
      },
      'astro:build:done': async ({ dir, assets, logger: log }) => {
        const seeded = await moveOnce();
        if (seeded.length === 0) return;
        const root = fileURLToPath(dir);
        const built = new Set([...assets.values()].flat().map((url) => relative(root, fileURLToPath(url)).split(sep).join('/')));
        const removed = removeUnbuiltSeededFiles(root, seeded, built);
        log.info(`${seeded.length} files of the last build copied ahead${removed > 0 ? `, ${removed} of them no longer built and removed` : ''}.`);
      },
    },
  };
}
