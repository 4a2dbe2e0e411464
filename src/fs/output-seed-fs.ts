/**
 * The pages an incremental build reuses, copied into the output on the other core while the content syncs and Vite
 * bundles, instead of one by one by Astro while it renders.
 *
 * Astro's `experimental.incrementalBuild` keeps every keyed page it wrote under `<cacheDir>/dist/` and, for a page
 * whose key is unchanged, copies that file into the output (`restoreOutputFile`) unless a file is already there
 * (`existsSync(outFile)` in `generatePathWithPrerenderer`, astro/dist/core/build/generate.js). At 1,000 pages an edit
 * restores about 1,900 files that way, on the rendering thread, four at a time: over a second and a half, more than
 * the pages it renders. So the seed copies the whole kept folder on a worker thread as soon as the build starts
 * (`startOutputSeed`), moves it into the output once Vite has emptied and filled it (`moveSeedIntoOutput`: one rename
 * per top-level folder), and Astro finds every reusable page already in place. A page whose key changed is rendered
 * and written over its seeded copy, exactly as into an empty folder; a seeded file that this build did not emit (its
 * entry was removed) is deleted once the pages are generated (`removeUnbuiltSeededFiles`). So the output holds what
 * Astro alone would have written, byte for byte (tests/build/incremental.test.ts compares warm and cold builds).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { listFiles } from './list-files-fs.ts';

/** Copies the folder `from` to `seed` (replacing whatever `seed` held) and returns the files copied. */
export function copySeed(from: string, seed: string): string[] {
  rmSync(seed, { recursive: true, force: true });
  if (!existsSync(from)) return [];
  cpSync(from, seed, { recursive: true });
  return listFiles(seed);
}

/** Runs `copySeed` on a worker thread. */
export function startOutputSeed(from: string, seed: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./output-seed-worker-fs.ts', import.meta.url), { workerData: { from, seed } });
    worker.once('message', (files: string[]) => resolve(files));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The thread copying the last build's pages stopped with exit code ${code}.`));
    });
  });
}

/** Moves `from` to `to`, or its entries into `to` where `to` is a folder already; a file `to` has already is kept. */
function moveInto(from: string, to: string): void {
  if (!existsSync(to)) {
    try {
      renameSync(from, to);
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EXDEV')) throw error;
      cpSync(from, to, { recursive: true });
    }
    return;
  }
  if (!statSync(to).isDirectory() || !statSync(from).isDirectory()) return;
  for (const name of readdirSync(from)) moveInto(join(from, name), join(to, name));
}

/**
 * Moves the seeded files into `outDir`, top-level entry by entry (a rename each, where `outDir` has no entry of that
 * name), and removes `seed`. A seeded file whose place the build has filled already stays the build's. Returns the
 * seeded files now in `outDir`.
 */
export function moveSeedIntoOutput(seed: string, files: readonly string[], outDir: string): string[] {
  const taken = new Set(listFiles(outDir));
  mkdirSync(outDir, { recursive: true });
  if (existsSync(seed)) for (const name of readdirSync(seed)) moveInto(join(seed, name), join(outDir, name));
  rmSync(seed, { recursive: true, force: true });
  return files.filter((file) => !taken.has(file));
}

/**
 * Deletes the seeded files of `outDir` that the build did not emit (`built`: every file it wrote or reused, relative
 * to `outDir`), and the folders that leaves empty. Returns how many files were deleted.
 */
export function removeUnbuiltSeededFiles(outDir: string, seeded: readonly string[], built: ReadonlySet<string>): number {
  let removed = 0;
  for (const file of seeded) {
    if (built.has(file)) continue;
    const path = join(outDir, file);
    if (!existsSync(path)) continue;
    unlinkSync(path);
    removed += 1;
    for (let folder = dirname(path); folder !== outDir && folder.startsWith(outDir); folder = dirname(folder)) {
      if (readdirSync(folder).length > 0) break;
      rmdirSync(folder);
    }
  }
  return removed;
}
