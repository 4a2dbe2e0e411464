/**
 * Serves a built site as a static host would, for `npm start`, the end-to-end tests and the
 * benchmark. The files are sent by sirv (the server of `astro preview`); this adapter decides
 * what may be sent:
 *
 * - GET and HEAD only; any other method: 405 with `Allow: GET, HEAD`.
 * - The request path is read strictly (src/lib/serve-http.ts): malformed %-encoding, bytes
 *   that are not UTF-8 or control characters: 400; an encoded `/`, `.`/`..` or empty
 *   segments: 404. Paths outside `--base`, unknown paths, dotfiles and `_headers`: the site's
 *   `404.html` with status 404.
 * - A directory asked without its trailing slash: 301 to a percent-encoded, path-absolute
 *   Location that never starts with `//`.
 * - `_headers` (src/lib/headers-rules.ts) applies to every file and 404, at the root and
 *   under a base path (its rules carry the base, so they are matched on the whole path);
 *   what it does not cache is revalidated (`public, max-age=0, must-revalidate`).
 * - Validators: a content-hash ETag and Last-Modified, 304 on If-None-Match /
 *   If-Modified-Since.
 * - Compression as negotiated by Accept-Encoding (q=0 refuses; br preferred, then gzip),
 *   from variants made once at start (src/fs/serve-fs.ts); `Vary: Accept-Encoding`.
 * - Nothing a request does can stop the server: an unexpected error is logged and answered
 *   500 (or the connection closed, if the answer had begun).
 *
 *   node scripts/serve.ts --dir dist [--base /kb/] [--port 4321] [--host localhost]
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { snapshotSite, type SiteFile } from '../src/fs/serve-fs.ts';
import { headersFor, parseHeadersFile } from '../src/lib/headers-rules.ts';
import { acceptedRange, locationFor, negotiateEncoding, notModified, parseTarget, type Coding } from '../src/lib/serve-http.ts';

const REVALIDATE = 'public, max-age=0, must-revalidate';
/** Headers the server itself must control for a response to stay well-formed; `_headers` cannot set them. */
const RESERVED = new Set([
  'content-length',
  'content-encoding',
  'content-range',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'trailer',
  'etag',
  'last-modified',
  'location',
]);

export interface ServeOptions {
  dir: string;
  port: number;
  /** The path the site is mounted under, `/` by default. */
  base?: string;
  host?: string;
  /** Where problems go (invalid `_headers` lines, errors while answering); stderr by default. */
  log?: (message: string) => void;
}

/** `kb`, `/kb`, `/kb/` → `/kb/`; `` and `/` → `/`. */
export function normalizeBase(base: string): string {
  const inner = base.replace(/^\/+|\/+$/g, '').normalize('NFC');
  return inner ? `/${inner}/` : '/';
}

type Handler = (req: IncomingMessage, res: ServerResponse, fail: (error: unknown) => void) => void;

/**
 * Wraps a handler so that nothing it throws, synchronously or later through `fail`, can
 * end the process: the error is logged with the request, and answered 500 if the response
 * has not begun, else its connection is closed.
 */
export function guarded(handle: Handler, log: (message: string) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const fail = (error: unknown) => {
      log(`serve: ${req.method} ${JSON.stringify(req.url)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      plain(res, 500, 'Internal server error\n');
    };
    try {
      handle(req, res, fail);
    } catch (error) {
      fail(error);
    }
  };
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': String(Buffer.byteLength(text)),
    ...extra,
  });
  res.end(text);
}

export async function startServer(options: ServeOptions): Promise<Server> {
  const base = normalizeBase(options.base ?? '/');
  const log = options.log ?? ((message: string) => console.error(message));
  const snapshot = await snapshotSite(resolve(options.dir));
  const parsed = parseHeadersFile(snapshot.headers ?? '');
  for (const bad of parsed.invalid) log(`_headers line ${bad.line} ignored (${bad.message}): ${bad.text}`);
  const rules = parsed.rules.map((rule) => ({
    ...rule,
    headers: rule.headers.filter(([name]) => {
      if (!RESERVED.has(name.toLowerCase())) return true;
      log(`_headers: ${name} is set by the server, not by ${rule.source}`);
      return false;
    }),
  }));
  for (const note of snapshot.skipped) log(`not served: ${note}`);
  const files = sirv(snapshot.dir, { dev: false, etag: false, dotfiles: false, extensions: [], gzip: true, brotli: true });

  const hostname = (req: IncomingMessage) => /^\[[^\]]*\]|^[^:]*/.exec(req.headers.host ?? '')?.[0] || undefined;

  /** The host's defaults, then what `_headers` says for this path. */
  const setHeaders = (req: IncomingMessage, res: ServerResponse, path: string, defaults: Record<string, string>) => {
    const { headers, detached } = headersFor(rules, path, hostname(req));
    for (const [name, value] of Object.entries(defaults)) if (!detached.includes(name.toLowerCase())) res.setHeader(name, value);
    for (const [name, value] of headers) res.setHeader(name, value);
  };

  const redirect = (res: ServerResponse, location: string) => plain(res, 301, `Moved to ${location}\n`, { Location: location });

  /** The site's 404 page, from memory, with the `_headers` of the path asked for. */
  const notFound = (req: IncomingMessage, res: ServerResponse, path: string | undefined) => {
    const page = snapshot.notFound;
    setHeaders(req, res, path ?? `${base}404.html`, {
      'Content-Type': page?.file.type ?? 'text/plain; charset=utf-8',
      'Cache-Control': REVALIDATE,
      Vary: 'Accept-Encoding',
    });
    if (!page) {
      res.writeHead(404).end('Not found\n');
      return;
    }
    const coding = negotiateEncoding(
      req.headers['accept-encoding'],
      (['br', 'gzip'] as const).filter((c) => page.bodies[c]),
    );
    const body = page.bodies[coding]!;
    if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
    res.setHeader('Content-Length', String(body.length));
    res.writeHead(404).end(body);
  };

  const send = (req: IncomingMessage, res: ServerResponse, file: SiteFile, path: string, fail: (error: unknown) => void) => {
    const coding = negotiateEncoding(req.headers['accept-encoding'], Object.keys(file.variants) as Coding[]);
    const etag = coding === 'identity' ? file.etag : file.variants[coding]!.etag;
    setHeaders(req, res, path, { 'Content-Type': file.type, 'Cache-Control': REVALIDATE, Vary: 'Accept-Encoding' });
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', file.mtime.toUTCString());
    if (notModified(req.headers, etag, file.mtime)) {
      res.writeHead(304).end();
      return;
    }
    // sirv picks `<hash>.br` or `<hash>.gz` from Accept-Encoding: tell it exactly what was chosen.
    req.headers['accept-encoding'] = coding;
    const range = acceptedRange(req.headers.range, req.headers['if-range'] !== undefined);
    if (range) req.headers.range = range;
    else delete req.headers.range;
    delete req.headers['if-none-match'];
    req.url = file.stored;
    // sirv pipes a file stream without an error handler: an unhandled 'error' would end the process.
    res.once('pipe', (source) => source.once('error', fail));
    files(req, res, () => {
      throw new Error(`the snapshot has no ${file.stored} for ${file.path}`);
    });
  };

  const handle: Handler = (req, res, fail) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    const target = parseTarget(req.url ?? '');
    if (!target.ok) return target.status === 400 ? plain(res, 400, `Bad request: ${target.reason}\n`) : notFound(req, res, undefined);
    const { path, query } = target;
    if (base !== '/' && path === base.slice(0, -1)) return redirect(res, locationFor(base, query));
    if (!path.startsWith(base)) return notFound(req, res, path);
    const sitePath = path.slice(base.length - 1);
    const file = snapshot.files.get(sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
    if (file) return send(req, res, file, path, fail);
    if (!sitePath.endsWith('/') && snapshot.files.has(`${sitePath}/index.html`)) return redirect(res, locationFor(`${path}/`, query));
    return notFound(req, res, path);
  };

  const server = createServer(guarded(handle, log));
  server.on('close', snapshot.dispose);
  return new Promise((done, reject) => {
    const refuse = (error: Error) => {
      snapshot.dispose();
      reject(error);
    };
    server.once('error', refuse);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', refuse);
      done(server);
    });
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: process.env.PORT ?? '4321' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
      host: { type: 'string', default: 'localhost' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Not a port: "${values.port}".`);
    process.exit(1);
  }
  if (!existsSync(join(values.dir, 'index.html'))) {
    console.error(`No built site in "${values.dir}". Run \`npm run build\` first.`);
    process.exit(1);
  }
  // Exiting (rather than dying of the signal) runs the exit hook that removes the snapshot.
  // A signal that comes while the snapshot is being made waits for it to be complete, so
  // that no write still under way recreates part of it after the removal.
  let server: Server | undefined;
  let stopping = false;
  const stop = () => {
    stopping = true;
    if (!server) return;
    server.closeAllConnections();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    server = await startServer({ dir: values.dir, port, base: values.base, host: values.host });
  } catch (error) {
    console.error(`Cannot serve ${values.dir} on ${values.host}:${port}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (stopping) stop();
  else {
    const address = server.address();
    const shown = typeof address === 'object' && address ? address.port : port;
    console.log(`Serving ${values.dir} at http://${values.host}:${shown}${normalizeBase(values.base)}`);
  }
}
