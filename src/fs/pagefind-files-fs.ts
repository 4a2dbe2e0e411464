/**
 * The files of the last build's Pagefind index, kept so that the next build's Pagefind writes only what changed.
 *
 * Pagefind names its fragments, word indexes, filters and metadata by a digest of their content and does not write
 * such a file again when one of that name is already in its output folder (`WriteBehavior::Immutable` in
 * pagefind/src/output/mod.rs); compressing them at gzip's best level is most of the time of its write, a second or
 * more at 1,000 pages on two cores. So the build links the kept files into the folder Pagefind writes to, and
 * afterwards removes those the new index no longer names, found from its metadata (`pagefind.<hash>.pf_meta`,
 * gzipped CBOR behind a `pagefind_dcd` signature), so the folder holds exactly what a write into an empty folder
 * gives. Only digest-named files are linked: Pagefind rewrites its other files (`pagefind.js`, `pagefind-entry.json`)
 * in place, which would change the kept copy and the live site through a shared link.
 *
 * A new file whose 7-hex-digit name equals a kept file of other content would keep the old content; Pagefind's own
 * builds into an existing folder share that chance, about one in 250,000 for each changed page.
 */
import { copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { listFiles } from './list-files-fs.ts';

/** Files Pagefind names by their content's digest, relative to its output folder. */
const DIGEST_NAMED = /^(fragment\/[^/]+\.pf_fragment|index\/[^/]+\.pf_index|filter\/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta)$/;

function digestNamedFiles(dir: string): string[] {
  return listFiles(dir).filter((file) => DIGEST_NAMED.test(file));
}

/** Links (or, where links cannot be made, copies) the digest-named files of `from` into `to`; returns how many. */
export function linkDigestNamedFiles(from: string, to: string): number {
  const files = digestNamedFiles(from);
  const made = new Set<string>();
  for (const file of files) {
    const target = join(to, file);
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    try {
      linkSync(join(from, file), target);
    } catch {
      copyFileSync(join(from, file), target);
    }
  }
  return files.length;
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`Pagefind's metadata has no ${what}.`);
  return value;
}

function asString(value: unknown, what: string): string {
  if (typeof value !== 'string' || !/^[\w-]+$/.test(value)) throw new Error(`Pagefind's metadata has no ${what}.`);
  return value;
}

/** The digest-named files the index in `dir` uses, from `pagefind-entry.json` and each language's metadata. */
export function liveDigestNamedFiles(dir: string): Set<string> {
  const entry: unknown = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const languages = typeof entry === 'object' && entry !== null && 'languages' in entry ? entry.languages : undefined;
  if (typeof languages !== 'object' || languages === null) throw new Error('pagefind-entry.json names no language.');
  const live = new Set<string>();
  for (const language of Object.values(languages)) {
    const hash = asString(typeof language === 'object' && language !== null && 'hash' in language ? language.hash : undefined, 'language hash');
    const metaFile = `pagefind.${hash}.pf_meta`;
    live.add(metaFile);
    const bytes = gunzipSync(readFileSync(join(dir, metaFile)));
    if (bytes.subarray(0, 12).toString() !== 'pagefind_dcd') throw new Error(`${metaFile} lacks Pagefind's signature.`);
    // MetaIndex (pagefind/src/index/index_metadata.rs): [version, pages, index chunks, filters, sorts, fields].
    const meta = asArray(decode(bytes.subarray(12)), 'index');
    for (const page of asArray(meta[1], 'page list')) live.add(`fragment/${asString(asArray(page, 'page')[0], 'page hash')}.pf_fragment`);
    for (const chunk of asArray(meta[2], 'chunk list')) live.add(`index/${asString(asArray(chunk, 'chunk')[2], 'chunk hash')}.pf_index`);
    for (const filter of asArray(meta[3], 'filter list')) live.add(`filter/${asString(asArray(filter, 'filter')[1], 'filter hash')}.pf_filter`);
  }
  return live;
}

/**
 * Removes the digest-named files of `dir` that its index does not use (those linked in from the last build that the
 * new one replaced); throws when a file the index uses is missing. Returns how many were removed.
 */
export function removeUnusedDigestNamedFiles(dir: string): number {
  const live = liveDigestNamedFiles(dir);
  const present = digestNamedFiles(dir);
  const written = new Set(present);
  const missing = [...live].filter((file) => !written.has(file));
  if (missing.length > 0) throw new Error(`Pagefind's index names files it did not write: ${missing.slice(0, 3).join(', ')}.`);
  const unused = present.filter((file) => !live.has(file));
  for (const file of unused) rmSync(join(dir, file));
  return unused.length;
}

/**
 * Replaces the kept files in `kept` with the digest-named files of `dir`, made beside it and renamed into place: a
 * build stopped halfway (where files are copied, not linked) leaves no half-written file for Pagefind to take as whole.
 */
export function keepDigestNamedFiles(dir: string, kept: string): void {
  const next = `${kept}.next`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  linkDigestNamedFiles(dir, next);
  rmSync(kept, { recursive: true, force: true });
  renameSync(next, kept);
}

/**
 * Settles the folder Pagefind wrote into, seeded with the kept files: the files its index does not use are removed.
 * When its index cannot be read that way (a Pagefind of another format, a damaged kept file that Pagefind took as
 * whole), the folder is emptied and `rewrite` writes the index into it afresh; `warn` says so.
 */
export async function settleWrittenIndex(dir: string, rewrite: () => Promise<void>, warn: (message: string) => void): Promise<void> {
  try {
    removeUnusedDigestNamedFiles(dir);
  } catch (error) {
    warn(`Pagefind's files could not be reused (${error instanceof Error ? error.message : String(error)}); writing them all.`);
    rmSync(dir, { recursive: true, force: true });
    await rewrite();
  }
}
