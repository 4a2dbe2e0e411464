/** The built site's URLs, read from the sitemap the build wrote (paths, without the site origin). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DIST = join(import.meta.dirname, '../../dist');

export function getSitemapPaths(dist = DIST): string[] {
  const files = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const paths = files.flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
  return [...new Set(paths)].sort();
}

/** Splits a list into `n` nearly equal chunks, so a long check runs as several parallel tests. */
export function chunk<T>(items: T[], n: number): T[][] {
  const size = Math.ceil(items.length / n);
  return Array.from({ length: n }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((c) => c.length > 0);
}
