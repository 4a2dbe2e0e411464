/**
 * The build, all or nothing: Astro builds into a staging folder beside the output folder;
 * only a build that passes every check replaces the output whole. A failed build leaves
 * the previous output exactly as it was.
 *
 *   node scripts/build.ts [--outDir dist]      (BASE_PATH, SITE_URL and CONTENT_DIR pass through)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' } } });
const outDir = resolve(values.outDir);
const staging = join(dirname(outDir), `.${basename(outDir)}-staging`);
const previous = join(dirname(outDir), `.${basename(outDir)}-previous`);

rmSync(staging, { recursive: true, force: true });
const astro = join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', staging], { stdio: 'inherit' });
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nThe build failed; ${values.outDir} is unchanged.`);
  process.exit(result.status ?? 1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`Built into ${values.outDir}.`);
