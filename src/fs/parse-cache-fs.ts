/**
 * Keeps the parsed content files between builds, so that a rebuild parses only the files
 * that changed. Entries are keyed by the digest of the file's bytes; the cache file's name
 * carries a digest of the parser's sources, the schemas, src/lib and the lockfile,
 * so a change to how files are parsed never reads an old result. Serialized with V8's
 * structured clone, which keeps Maps, dates and numbers such as Infinity as they are.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParseCache } from '../lib/build-model.ts';
import { getCodeDigest } from './code-digest-fs.ts';

/** The parser, the model and the schemas, with everything of src/lib they import, and the lockfile. */
function parserDigest(root: string): string {
  return getCodeDigest(root, ['src/lib', 'src/schemas'], ['package-lock.json']);
}

export interface StoredParseCache {
  cache: ParseCache;
  /** A digest of the parser's and the schemas' sources: what a file's parsed and validated form depends on besides its bytes. */
  version: string;
  /** Writes the entries the last model used, and only those, for the next build. */
  save(used: Iterable<string>): void;
}

export function openParseCache(root: string, cacheDir: string): StoredParseCache {
  const dir = join(cacheDir, 'orbital-dossier');
  const version = parserDigest(root);
  const file = join(dir, `parsed-${version}.v8`);
  let cache: ParseCache = new Map();
  try {
    const stored: unknown = deserialize(readFileSync(file));
    if (stored instanceof Map) cache = stored;
  } catch {
    // No cache yet, or one this version cannot read: every file is parsed.
  }
  return {
    cache,
    version,
    save(used) {
      const kept: ParseCache = new Map();
      for (const digest of used) {
        const parsed = cache.get(digest);
        if (parsed) kept.set(digest, parsed);
      }
      mkdirSync(dir, { recursive: true });
      // Caches of other parser versions are stale by construction.
      for (const old of readdirSync(dir)) if (/^parsed-[0-9a-f]+\.v8$/.test(old) && join(dir, old) !== file) rmSync(join(dir, old), { force: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, serialize(kept));
      renameSync(temporary, file);
    },
  };
}
