/**
 * A digest of the code a cached value is made by: every file of the given folders and the given files, with their
 * paths, and the Node.js version. Caches name their file by it, so a change to that code never reads an old value.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function getCodeDigest(root: string, folders: readonly string[], files: readonly string[]): string {
  const hash = createHash('sha256').update(process.version);
  const inFolders = folders.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort(),
  );
  for (const file of [...files.map((f) => join(root, f)), ...inFolders]) {
    hash.update(file);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex').slice(0, 16);
}
