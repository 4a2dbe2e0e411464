/**
 * Where the project's content lives. `CONTENT_DIR` points a build at another content
 * folder (the test fixtures use it); everything else reads `content/`.
 */
import { resolve } from 'node:path';

export function getProjectRoot(): string {
  return process.cwd();
}

export function getContentDir(): string {
  return resolve(getProjectRoot(), process.env.CONTENT_DIR ?? 'content');
}

/** Astro's cache dir (its default, or ASTRO_CACHE_DIR: the incremental-build tests give each build its own). */
export function getCacheDir(): string {
  return resolve(getProjectRoot(), process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro');
}
