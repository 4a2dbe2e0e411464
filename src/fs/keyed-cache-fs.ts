/**
 * A cache of strings kept between builds under Astro's cache dir, for outputs that are made from
 * every entry but change with few of them (`/llms-full.txt`). Values are keyed by what they are made
 * from (an entry's page cache key); the file's name carries a digest of the project's code and
 * lockfile, so a change to how a value is made never reads an old one. Only the keys a build used
 * are written back.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { getCodeDigest } from './code-digest-fs.ts';

export interface KeyedCache {
  /** The value stored under `key`, made anew with `make` when there is none. */
  get(key: string, make: () => string): string;
  /** Writes the values this build used, and only those. */
  save(): void;
}

export function openKeyedCache(root: string, cacheDir: string, name: string): KeyedCache {
  const dir = join(cacheDir, 'orbital-dossier');
  const file = join(dir, `${name}-${getCodeDigest(root, ['src'], ['package-lock.json', 'astro.config.mjs'])}.v8`);
  let stored = new Map<string, string>();
  try {
    const read: unknown = deserialize(readFileSync(file));
    if (read instanceof Map) stored = read as Map<string, string>;
  } catch {
    // No cache yet, or one of other code: every value is made.
  }
  const used = new Map<string, string>();
  return {
    get(key, make) {
      const value = used.get(key) ?? stored.get(key) ?? make();
      used.set(key, value);
      return value;
    },
    save() {
      mkdirSync(dir, { recursive: true });
      for (const old of readdirSync(dir)) if (old.startsWith(`${name}-`) && join(dir, old) !== file) rmSync(join(dir, old), { force: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, serialize(used));
      renameSync(temporary, file);
    },
  };
}
