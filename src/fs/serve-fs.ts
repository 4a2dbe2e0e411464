/**
 * The file-system half of scripts/serve.ts: a private snapshot of a built site, taken once
 * when the server starts, in a temporary folder (never in the site's own folder, which must
 * stay as built).
 *
 * Each servable file is copied under the name of its content hash, with gzip and Brotli
 * variants beside it (`<hash>.gz`, `<hash>.br`) for text worth compressing, made here once,
 * asynchronously, on zlib's thread pool: nothing is compressed while a request waits. sirv
 * serves that folder and is only ever asked for `/<hash>`, so no request path reaches the
 * file system, and a rebuild of the site while the server runs cannot change or pull a file
 * from under a response (restart the server to serve the new build).
 *
 * Not servable, so not copied: dotfiles and dot-folders, `_headers` and `_redirects` at the
 * top (read here, never sent), symbolic links and anything that is not a plain file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { compressible, contentType, type Coding } from '../lib/serve-http.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface SiteFile {
  /** The path in the site, NFC, from its root: `/ilrs/index.html`. */
  path: string;
  /** What sirv is asked for: `/<hash>`. */
  stored: string;
  type: string;
  size: number;
  mtime: Date;
  etag: string;
  variants: Partial<Record<Coding, { size: number; etag: string }>>;
}

export interface Snapshot {
  /** The folder sirv serves. */
  dir: string;
  files: Map<string, SiteFile>;
  /** The text of the site's `_headers`, if it has one. */
  headers: string | undefined;
  /** `404.html` in memory, with its variants, for the 404 answers. */
  notFound: { file: SiteFile; bodies: Partial<Record<Coding | 'identity', Buffer>> } | undefined;
  /** What was left out and why (symbolic links, special files, names equal once normalized). */
  skipped: string[];
  /** Removes the snapshot; also done when the process exits normally. */
  dispose(): void;
}

const PREFIX = 'orbital-dossier-serve-';
/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESS = 1024;
/** Brotli's quality 5 is as good as 9 on this site's pages, and 13 times faster than 11. */
const BROTLI_QUALITY = 5;

/** Removes the snapshots left by servers that were killed (SIGKILL runs no exit handler). */
function removeStale(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export async function snapshotSite(root: string): Promise<Snapshot> {
  removeStale();
  const dir = await mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
  const dispose = () => {
    process.off('exit', dispose);
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Whatever is left, the next server's removeStale() takes away.
    }
  };
  process.on('exit', dispose);
  try {
    const files = new Map<string, SiteFile>();
    const skipped: string[] = [];
    let headers: string | undefined;
    const found: { abs: string; path: string }[] = [];
    const seen = new Set<string>();
    const walk = async (abs: string, path: string): Promise<void> => {
      for (const entry of await readdir(abs, { withFileTypes: true })) {
        if (entry.name.startsWith('.')) continue;
        const child = join(abs, entry.name);
        const sitePath = `${path}/${entry.name}`.normalize('NFC');
        if (path === '' && entry.name === '_headers' && entry.isFile()) headers = await readFile(child, 'utf8');
        else if (path === '' && entry.name === '_redirects') skipped.push('/_redirects (not applied by this server)');
        else if (entry.isDirectory()) await walk(child, sitePath);
        else if (!entry.isFile()) skipped.push(`${sitePath} (${entry.isSymbolicLink() ? 'a symbolic link' : 'not a plain file'})`);
        else if (seen.has(sitePath)) skipped.push(`${sitePath} (another name is the same once NFC-normalized)`);
        else {
          seen.add(sitePath);
          found.push({ abs: child, path: sitePath });
        }
      }
    };
    await walk(root, '');

    const stored = new Map<string, Promise<SiteFile['variants']>>();
    const store = async (hash: string, data: Buffer, type: string): Promise<SiteFile['variants']> => {
      const at = join(dir, hash);
      await writeFile(at, data);
      const variants: SiteFile['variants'] = {};
      if (compressible(type) && data.length >= MIN_COMPRESS) {
        const made = await Promise.all([
          brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
          gz(data, { level: 9 }),
        ]);
        for (const [coding, body] of [
          ['br', made[0]],
          ['gzip', made[1]],
        ] as const) {
          if (body.length > data.length * 0.95) continue;
          await writeFile(`${at}.${coding === 'br' ? 'br' : 'gz'}`, body);
          variants[coding] = { size: body.length, etag: `"${hash}-${coding === 'br' ? 'br' : 'gz'}"` };
        }
      }
      return variants;
    };
    let notFoundData: Buffer | undefined;
    await pool(found, Math.max(2, availableParallelism()), async ({ abs, path }) => {
      const [data, stats] = await Promise.all([readFile(abs), stat(abs)]);
      const hash = createHash('sha256').update(data).digest('base64url').slice(0, 27);
      const type = contentType(path);
      // The same bytes are stored once, even if compressible under one name and not another.
      const key = `${hash}${compressible(type) ? '' : '-raw'}`;
      if (!stored.has(key)) stored.set(key, store(key, data, type));
      const variants = await stored.get(key)!;
      files.set(path, { path, stored: `/${key}`, type, size: data.length, mtime: stats.mtime, etag: `"${key}"`, variants });
      if (path === '/404.html') notFoundData = data;
    });
    let notFound: Snapshot['notFound'];
    const page = files.get('/404.html');
    if (page && notFoundData) {
      const bodies: Partial<Record<Coding | 'identity', Buffer>> = { identity: notFoundData };
      if (page.variants.br) bodies.br = await readFile(join(dir, `${page.stored}.br`));
      if (page.variants.gzip) bodies.gzip = await readFile(join(dir, `${page.stored}.gz`));
      notFound = { file: page, bodies };
    }
    return { dir, files, headers, notFound, skipped, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
