/**
 * scripts/serve.ts against the requests an attacker run sent: one row per class of hostile or
 * tricky request, on a tiny fake site served at the root and under /kb/. Requests go out
 * through node:http with the path exactly as written (fetch would normalize `..` away).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { guarded, startServer } from '../../scripts/serve.ts';
import { makeHeaders } from '../../src/integrations/headers.ts';
import { CSP_HEADER } from '../../src/lib/security.ts';

const words = '<p>Baikonur, the cosmodrome leased from Kazakhstan, and the lunar station plans.</p>\n';
const page = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${words.repeat(40)}</body></html>\n`;
const SITE: Record<string, string> = {
  'index.html': page('Home'),
  'sub/index.html': page('Sub'),
  'über-日本/index.html': page('Über'),
  '404.html': page('Not found'),
  '_astro/x.css': '.site-header{background:#123;color:#fff}\n'.repeat(60),
  'tiny.txt': 'small\n',
  'sub.md': `# Sub\n\n${'Baikonur, the cosmodrome leased from [Kazakhstan](https://example.org/countries/kazakhstan/).\n\n'.repeat(30)}`,
  'llms.txt': '# Orbital Dossier\n\n> The dossier’s entries, as Markdown.\n',
  '.secret': 'a dotfile\n',
};
const SECRET = 'outside the site, never to be served';

type Reply = { status: number; headers: IncomingHttpHeaders; body: Buffer };

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject); // a response cut short
    });
    req.on('error', reject);
    req.end();
  });
}

/** A built site in a temporary folder (with a file beside it, outside the site), served under `base`. */
async function serveFakeSite(base: string) {
  const root = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const dir = join(root, 'site');
  for (const [name, text] of Object.entries({ ...SITE, _headers: makeHeaders(base) })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(root, 'secret.txt'), SECRET);
  const logs: string[] = [];
  const server: Server = await startServer({ dir, port: 0, base, log: (m) => logs.push(m) });
  const port = (server.address() as AddressInfo).port;
  return {
    logs,
    fetch: (path: string, headers?: Record<string, string>, method?: string) => get(port, path, headers, method),
    close() {
      server.closeAllConnections();
      server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

type Site = Awaited<ReturnType<typeof serveFakeSite>>;

/** A redirect that cannot leave the origin or split the response. */
function assertSafeLocation(location: string | undefined) {
  assert.ok(location, 'a Location');
  assert.match(location, /^\/(?![/\\])/, `path-absolute, not //: ${location}`);
  assert.match(location, /^[\x21-\x7e]+$/, `printable ASCII only: ${JSON.stringify(location)}`);
}

async function assertStillServing(site: Site, path = '/') {
  const res = await site.fetch(path);
  assert.equal(res.status, 200, 'the server still answers');
}

function assertNotTheFile(res: Reply) {
  assert.equal(res.status, 404);
  assert.doesNotMatch(res.body.toString(), new RegExp(`${SECRET}|a dotfile|Content-Security-Policy`));
  assert.match(res.body.toString(), /<title>Not found<\/title>/, 'the site’s 404 page');
}

describe('serve.ts at the root', () => {
  let site: Site;
  before(async () => {
    site = await serveFakeSite('/');
  });
  after(() => site.close());

  test('CR/LF in a directory path is refused, and the server still answers', async () => {
    for (const path of ['/sub%0D%0A/..', '/sub%0D%0ASet-Cookie:%20x=1/..', '/sub%0A', '/%0D%0A']) {
      const res = await site.fetch(path);
      assert.equal(res.status, 400, path);
      assert.equal(res.headers.location, undefined, path);
      assert.equal(res.headers['set-cookie'], undefined, path);
    }
    await assertStillServing(site);
  });

  test('a directory path outside Latin-1 redirects percent-encoded, and the server still answers', async () => {
    const res = await site.fetch('/%C3%BCber-%E6%97%A5%E6%9C%AC');
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, '/%C3%BCber-%E6%97%A5%E6%9C%AC/');
    const followed = await site.fetch(res.headers.location!);
    assert.equal(followed.status, 200);
    assert.match(followed.body.toString(), /<title>Über<\/title>/);
    assert.equal((await site.fetch('/%E6%97%A5%E6%9C%AC/..')).status, 404);
    await assertStillServing(site);
  });

  test('an encoded slash cannot make an open redirect', async () => {
    for (const path of [
      '/%2Fother.example%2F..%2Fsub',
      '/%2F%2Fother.example',
      '/sub%2F',
      '/%5Cother.example%5C..%5Csub',
      '//other.example/..//sub',
      '//sub',
    ]) {
      const res = await site.fetch(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.location, undefined, path);
    }
  });

  test('directory redirects stay on the origin, keep the query and add the slash', async () => {
    for (const [path, location] of [
      ['/sub', '/sub/'],
      ['/sub?q=baikonur&x=%0D%0A', '/sub/?q=baikonur&x=%0D%0A'],
      ['/_astro', undefined], // a folder without index.html is not a page
    ] as const) {
      const res = await site.fetch(path);
      if (location === undefined) {
        assert.equal(res.status, 404, path);
        continue;
      }
      assert.equal(res.status, 301, path);
      assert.equal(res.headers.location, location, path);
      assertSafeLocation(res.headers.location);
    }
  });

  test('_headers applies: CSP and nosniff on pages and the 404, a year of immutable caching on _astro', async () => {
    for (const path of ['/', '/sub/', '/_astro/x.css', '/no-such-page/']) {
      const res = await site.fetch(path);
      assert.equal(res.headers['content-security-policy'], CSP_HEADER, path);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
      assert.equal(res.headers['x-frame-options'], 'DENY', path);
    }
    assert.equal((await site.fetch('/_astro/x.css')).headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await site.fetch('/sub/')).headers['cache-control'], 'public, max-age=0, must-revalidate');
    assert.equal((await site.fetch('/_astro/x.css')).headers['content-type'], 'text/css; charset=utf-8');
  });

  test('only GET and HEAD: other methods get 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'TRACE', 'PATCH', 'OPTIONS']) {
      const res = await site.fetch('/', {}, method);
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, 'GET, HEAD', method);
      assert.doesNotMatch(res.body.toString(), /<title>Home/, method);
    }
    const head = await site.fetch('/', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(Number(head.headers['content-length']), Buffer.byteLength(SITE['index.html']!));
  });

  test('_headers and dotfiles are not served', async () => {
    for (const path of ['/_headers', '/.secret', '/_astro/../_headers', '/%5Fheaders']) assertNotTheFile(await site.fetch(path));
  });

  test('ETag and Last-Modified: 304 on If-None-Match and If-Modified-Since', async () => {
    const first = await site.fetch('/sub/');
    const etag = first.headers.etag!;
    const lastModified = first.headers['last-modified']!;
    assert.match(etag, /^"[^"]+"$/);
    assert.ok(lastModified);
    for (const conditional of [
      { 'If-None-Match': etag },
      { 'If-None-Match': `W/${etag}` },
      { 'If-None-Match': `"other", ${etag}` },
      { 'If-Modified-Since': lastModified },
    ]) {
      const res = await site.fetch('/sub/', conditional);
      assert.equal(res.status, 304, JSON.stringify(conditional));
      assert.equal(res.body.length, 0);
      assert.equal(res.headers.etag, etag, 'a 304 carries the ETag');
      assert.equal(res.headers['content-security-policy'], CSP_HEADER, 'and the headers of the path');
    }
    for (const conditional of [
      { 'If-None-Match': '"other"' },
      { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' },
      { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified },
    ]) {
      assert.equal((await site.fetch('/sub/', conditional)).status, 200, JSON.stringify(conditional));
    }
    // Each encoding is its own representation, with its own tag.
    const gzipped = await site.fetch('/sub/', { 'Accept-Encoding': 'gzip' });
    assert.notEqual(gzipped.headers.etag, etag);
    assert.equal((await site.fetch('/sub/', { 'Accept-Encoding': 'gzip', 'If-None-Match': gzipped.headers.etag! })).status, 304);
  });

  test('Accept-Encoding with q=0 gets the file as it is', async () => {
    for (const accept of ['gzip;q=0', 'gzip;q=0, br;q=0', 'br;q=0,gzip;q=0.000', '*;q=0', 'identity']) {
      const res = await site.fetch('/', { 'Accept-Encoding': accept });
      assert.equal(res.status, 200, accept);
      assert.equal(res.headers['content-encoding'], undefined, accept);
      assert.equal(res.body.toString(), SITE['index.html'], accept);
      assert.equal(res.headers.vary, 'Accept-Encoding', accept);
    }
  });

  test('compression as negotiated: gzip and br bodies decompress to the file', async () => {
    for (const [accept, coding] of [
      ['gzip', 'gzip'],
      ['gzip, deflate', 'gzip'],
      ['gzip, deflate, br', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['*', 'br'],
    ] as const) {
      for (const path of ['/', '/_astro/x.css', '/sub.md']) {
        const res = await site.fetch(path, { 'Accept-Encoding': accept });
        const file = SITE[path === '/' ? 'index.html' : path.slice(1)]!;
        assert.equal(res.headers['content-encoding'], coding, `${accept} ${path}`);
        assert.equal(res.headers.vary, 'Accept-Encoding');
        assert.equal(Number(res.headers['content-length']), res.body.length);
        assert.ok(res.body.length < Buffer.byteLength(file) / 2, 'compressed');
        assert.equal((coding === 'gzip' ? gunzipSync(res.body) : brotliDecompressSync(res.body)).toString(), file, `${accept} ${path}`);
      }
    }
    // Too small to gain from compression: sent as it is.
    assert.equal((await site.fetch('/tiny.txt', { 'Accept-Encoding': 'gzip, br' })).headers['content-encoding'], undefined);
    // The 404 page too is compressed when asked.
    const missing = await site.fetch('/nowhere', { 'Accept-Encoding': 'gzip' });
    assert.equal(missing.status, 404);
    assert.equal(gunzipSync(missing.body).toString(), SITE['404.html']);
  });

  test('Markdown is served as text/markdown and llms.txt as text/plain, both in UTF-8', async () => {
    const markdown = await site.fetch('/sub.md');
    assert.equal(markdown.status, 200);
    assert.equal(markdown.headers['content-type'], 'text/markdown; charset=utf-8');
    assert.equal(markdown.body.toString(), SITE['sub.md']);
    const llms = await site.fetch('/llms.txt');
    assert.equal(llms.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(llms.body.toString(), SITE['llms.txt']);
  });

  test('malformed percent-encoding is a 400', async () => {
    for (const path of ['/%', '/%zz', '/sub/%4', '/%E6%97', '/%C0%AF', '/%FF', '/a%2']) {
      assert.equal((await site.fetch(path)).status, 400, path);
    }
    await assertStillServing(site);
  });

  test('traversal, raw or encoded, is a 404 that shows nothing outside the site', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2e%2e/secret.txt',
      '/sub/../../secret.txt',
      '/.%2e/secret.txt',
      '/sub/%2e%2e%2fsecret.txt',
      '/sub/..%5c..%5csecret.txt',
    ]) {
      assertNotTheFile(await site.fetch(path));
    }
  });

  test('unknown paths get the site’s 404 page with status 404', async () => {
    for (const path of ['/nowhere', '/sub/nowhere/', '/index.html/', '/tiny.txt/']) {
      const res = await site.fetch(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.toString(), SITE['404.html'], path);
      assert.equal(res.headers.etag, undefined, 'a 404 is no cacheable representation');
    }
  });

  test('Range: one valid range is a 206, anything else the whole file', async () => {
    const partial = await site.fetch('/tiny.txt', { Range: 'bytes=0-2' });
    assert.equal(partial.status, 206);
    assert.equal(partial.body.toString(), 'sma');
    for (const range of ['bytes=4-1', 'bytes=-3', 'bytes=0-0', 'bytes=0-1,3-4', 'chars=0-1', 'bytes=99999999999999999999-']) {
      const res = await site.fetch('/tiny.txt', { Range: range });
      assert.equal(res.status, 200, range);
      assert.equal(res.body.toString(), SITE['tiny.txt'], range);
    }
    assert.equal((await site.fetch('/tiny.txt', { Range: 'bytes=100-' })).status, 416);
    await assertStillServing(site);
  });

  test('nothing above made the server log an error', () => {
    assert.deepEqual(site.logs, []);
  });
});

describe('serve.ts under --base /kb/', () => {
  let site: Site;
  before(async () => {
    site = await serveFakeSite('/kb/');
  });
  after(() => site.close());

  test('_headers applies under the base: CSP and nosniff on pages and the 404, immutable on _astro', async () => {
    for (const path of ['/kb/', '/kb/sub/', '/kb/_astro/x.css', '/kb/nowhere']) {
      const res = await site.fetch(path);
      assert.equal(res.headers['content-security-policy'], CSP_HEADER, path);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
    }
    assert.equal((await site.fetch('/kb/_astro/x.css')).status, 200);
    assert.equal((await site.fetch('/kb/_astro/x.css')).headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await site.fetch('/kb/')).headers['cache-control'], 'public, max-age=0, must-revalidate');
    // The Markdown's type comes from `_headers` too, whose rules carry the base.
    assert.equal((await site.fetch('/kb/sub.md')).headers['content-type'], 'text/markdown; charset=utf-8');
    assert.equal((await site.fetch('/kb/llms.txt')).headers['content-type'], 'text/plain; charset=utf-8');
  });

  test('redirects under the base keep it and stay on the origin', async () => {
    for (const [path, location] of [
      ['/kb', '/kb/'],
      ['/kb?q=1', '/kb/?q=1'],
      ['/kb/sub', '/kb/sub/'],
      ['/kb/%C3%BCber-%E6%97%A5%E6%9C%AC', '/kb/%C3%BCber-%E6%97%A5%E6%9C%AC/'],
    ] as const) {
      const res = await site.fetch(path);
      assert.equal(res.status, 301, path);
      assert.equal(res.headers.location, location, path);
      assertSafeLocation(res.headers.location);
    }
    for (const path of ['/kb/%2Fother.example%2F..%2Fsub', '/kb//other.example', '/kb/sub%0D%0A'])
      assert.equal((await site.fetch(path)).headers.location, undefined, path);
  });

  test('outside the base, the base’s files, _headers and traversal are 404', async () => {
    for (const path of ['/', '/sub/', '/index.html', '/kbx/', '/kb/_headers', '/kb/.secret', '/kb/../secret.txt', '/kb/%2e%2e/secret.txt']) {
      assertNotTheFile(await site.fetch(path));
    }
    assert.equal((await site.fetch('/kb/sub/')).status, 200);
  });

  test('nothing above made the server log an error', () => {
    assert.deepEqual(site.logs, []);
  });
});

describe('serve.ts when a file fails while being sent', () => {
  test('the response is cut or answered 500, and the server goes on', async () => {
    const own = () => new Set(readdirSync(tmpdir()).filter((n) => n.startsWith(`orbital-dossier-serve-${process.pid}-`)));
    const existing = own();
    const site = await serveFakeSite('/');
    try {
      const snapshot = [...own()].find((n) => !existing.has(n));
      assert.ok(snapshot, 'the snapshot folder of this server');
      // Pull every stored file from under the server (as a tmp cleaner could).
      for (const name of readdirSync(join(tmpdir(), snapshot))) rmSync(join(tmpdir(), snapshot, name));
      const broken = await site.fetch('/sub/').then(
        (res) => res.status,
        (error: Error) => error.message,
      );
      assert.ok(broken === 500 || /socket hang up|aborted|ECONNRESET/.test(String(broken)), `cut or 500, not ${broken}`);
      assert.equal((await site.fetch('/nowhere')).status, 404, 'the server still answers');
      assert.equal((await site.fetch('/', {}, 'POST')).status, 405);
      assert.ok(
        site.logs.some((m) => /ENOENT/.test(m)),
        'and logged what went wrong',
      );
    } finally {
      site.close();
    }
  });
});

describe('serve.ts when its handler throws', () => {
  test('the error is logged and answered 500 (or the connection cut, once begun), and the server goes on', async () => {
    const logs: string[] = [];
    const server = createServer(
      guarded(
        (req, res, fail) => {
          if (req.url === '/throws') throw new Error('boom');
          if (req.url === '/begun') {
            res.writeHead(200, { 'Content-Type': 'text/plain' });
            res.write('half');
            setImmediate(() => fail(new Error('late boom')));
            return;
          }
          res.setHeader('X-Set-Before', 'dropped on a 500');
          if (req.url === '/throws-after-headers') throw new TypeError('type boom');
          res.end('ok');
        },
        (m) => logs.push(m),
      ),
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const path of ['/throws', '/throws-after-headers']) {
        const res = await get(port, path);
        assert.equal(res.status, 500, path);
        assert.equal(res.body.toString(), 'Internal server error\n');
        assert.equal(res.headers['x-set-before'], undefined, 'nothing half-set goes out');
      }
      const begun = await get(port, '/begun').then(
        (res) => `complete: ${res.status}`,
        (error: Error) => error.message,
      );
      assert.match(begun, /socket hang up|aborted|ECONNRESET/);
      assert.equal((await get(port, '/fine')).body.toString(), 'ok');
      assert.equal(logs.length, 3);
      assert.match(logs.join('\n'), /GET "\/throws": Error: boom[^]*TypeError: type boom[^]*late boom/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
