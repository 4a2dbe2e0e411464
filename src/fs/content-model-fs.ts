/**
 * Lists and reads the files of `content/` — the only code that does — and builds the
 * content model from them. Symbolic links to files and folders are followed, so what the
 * checks see is exactly what the pages are made of.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildContentModel, decodeUtf8, getParseJobs, type ContentFile, type ModelOptions, type ParseCache } from '../lib/build-model.ts';
import type { ContentModel } from '../lib/content-model.ts';
import { parseIntoCache } from './parse-pool-fs.ts';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    // A dangling symbolic link: listed as a file, reported when it cannot be read.
    return false;
  }
}

/** Every file under each folder of `contentDir`, read, sorted by path. */
export function readContentFiles(contentDir: string): ContentFile[] {
  const files: ContentFile[] = [];
  for (const collection of readdirSync(contentDir).sort()) {
    const folder = join(contentDir, collection);
    if (!isFolder(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (name.startsWith('.') || isFolder(path)) {
        files.push({ collection, path, source: name.startsWith('.') ? '' : undefined, digest: '' });
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'it is a symbolic link to nothing' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
        files.push({ collection, path, source: undefined, digest: '', unreadable: reason });
        continue;
      }
      // Strictly: bytes that are not UTF-8 are refused at their line, not published as U+FFFD.
      const { text, invalidLine } = decodeUtf8(bytes);
      files.push({ collection, path, source: text, digest: createHash('sha256').update(bytes).digest('hex').slice(0, 16), invalidUtf8Line: invalidLine });
    }
  }
  return files;
}

/** Reads `contentDir` and builds its model; `cache` keeps parsed files between calls (dev server, rebuilds). */
export function readContentModel(root: string, contentDir: string, cache?: ParseCache, options?: ModelOptions): ContentModel {
  return buildContentModel(root, contentDir, readContentFiles(contentDir), cache, options);
}

/** As `readContentModel`, with the files not in the cache parsed ahead on one thread per core. */
export async function readContentModelInParallel(root: string, contentDir: string, cache: ParseCache, options?: ModelOptions): Promise<ContentModel> {
  const files = readContentFiles(contentDir);
  await parseIntoCache(getParseJobs(files, cache), cache);
  return buildContentModel(root, contentDir, files, cache, options);
}
