/**
 * Serves a built site the way a static CDN would: files from a directory mounted under
 * the base path, `index.html` for directories, the site's 404 page for anything else, and
 * the headers of `_headers` (Netlify/Cloudflare syntax) applied to every response.
 *
 *   node scripts/serve.ts [--dir dist] [--port 4321] [--base /kb/]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.atom': 'application/atom+xml; charset=utf-8',
};

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parses `_headers`: a path pattern line, then indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const i = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

export function startServer(options: { dir: string; port: number; base: string; host?: string }): Promise<Server> {
  const root = resolve(options.dir);
  const base = `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const send = (status: number, file: string, sitePath: string) => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'Content-Type': type, Vary: 'Accept-Encoding' };
      for (const rule of rules) if (rule.pattern.test(sitePath)) for (const [k, v] of rule.headers) headers[k] = v;
      // Like the usual static hosts: what `_headers` does not cache long is revalidated.
      headers['Cache-Control'] ??= 'public, max-age=0, must-revalidate';
      // Text is gzipped as any CDN would; Pagefind's own files are compressed already.
      if (/^(text\/|application\/(json|xml|atom))|svg/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        const body = gzipSync(readFileSync(file));
        res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(status, headers);
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = join(root, '404.html');
      if (existsSync(page)) send(404, page, '/404.html');
      else res.writeHead(404).end('Not found');
    };
    if (!pathname.startsWith(base) && pathname !== base.slice(0, -1)) return notFound();
    const sitePath = '/' + pathname.slice(base.length);
    let file = normalize(join(root, sitePath));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    send(200, file, sitePath);
  });
  return new Promise((done) => server.listen(options.port, options.host ?? '127.0.0.1', () => done(server)));
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
  if (!existsSync(join(values.dir, 'index.html'))) {
    console.error(`No built site in "${values.dir}". Run \`npm run build\` first.`);
    process.exit(1);
  }
  const server = await startServer({ dir: values.dir, port: Number(values.port), base: values.base, host: values.host });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  console.log(`Serving ${values.dir} at http://${values.host}:${port}${values.base.replace(/\/?$/, '/').replace(/^\/?/, '/')}`);
}
