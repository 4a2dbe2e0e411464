import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeHeaders } from '../../src/integrations/headers.ts';
import { headersFor, parseHeaders, parseHeadersFile } from '../../src/lib/headers-rules.ts';

test('_headers sends a strict CSP everywhere and caches hashed assets for a year', () => {
  const rules = parseHeaders(makeHeaders('/kb/'));
  const all = rules.find((r) => r.pattern.test('/kb/ilrs/overview/'))!;
  const csp = all.headers.find(([name]) => name === 'Content-Security-Policy')![1];
  assert.doesNotMatch(csp, /unsafe-inline|https?:\/\//);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /frame-ancestors 'none'/);
  for (const name of ['X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy'])
    assert.ok(
      all.headers.some(([n]) => n === name),
      name,
    );
  const asset = rules.filter((r) => r.pattern.test('/kb/_astro/Base.abc123.css')).flatMap((r) => r.headers);
  assert.ok(asset.some(([n, v]) => n === 'Cache-Control' && v.includes('immutable')));
  const page = rules.filter((r) => r.pattern.test('/kb/ilrs/overview/')).flatMap((r) => r.headers);
  assert.ok(!page.some(([n]) => n === 'Cache-Control'), 'HTML keeps the host’s revalidation default');
  assert.ok(!page.some(([n]) => n === 'Content-Type'), 'HTML keeps the host’s type');
});

test('_headers gives the Markdown and llms*.txt their type with a charset, under the base only', () => {
  const rules = parseHeaders(makeHeaders('/kb/'));
  const type = (path: string) => Object.fromEntries(headersFor(rules, path).headers)['Content-Type'];
  assert.equal(type('/kb/ilrs/members.md'), 'text/markdown; charset=utf-8');
  assert.equal(type('/kb/llms.txt'), 'text/plain; charset=utf-8');
  assert.equal(type('/kb/llms-full.txt'), 'text/plain; charset=utf-8');
  assert.equal(type('/kb/robots.txt'), undefined);
  assert.equal(type('/ilrs/members.md'), undefined);
});

test('_headers as written by makeHeaders is read whole, with no line ignored', () => {
  for (const base of ['/', '/kb/']) {
    const { rules, invalid } = parseHeadersFile(makeHeaders(base));
    assert.deepEqual(invalid, [], base);
    assert.equal(rules.length, 7, base);
  }
});

test('_headers rules match as Cloudflare Pages matches them', () => {
  const rules = parseHeaders(
    [
      '/*',
      '  X-Frame-Options: DENY',
      '  X-Robots-Tag: noindex',
      '/kb/*',
      '  X-Robots-Tag: nosnippet',
      '  X-Robots-Tag: noarchive',
      '/kb/people/:name/',
      '  Link: </kb/people/:name/card.png>; rel=preload',
      '/kb/embed/*',
      '  ! X-Frame-Options',
      '  X-Origin: :splat',
      'https://:sub.example.org/*',
      '  X-Host-Rule: :sub',
    ].join('\r\n'),
  );
  const at = (path: string, host?: string) => Object.fromEntries(headersFor(rules, path, host).headers);
  // A splat spans slashes; every matching rule applies in order, a repeated header joined with ", ".
  assert.equal(at('/kb/a/b/c.html')['X-Robots-Tag'], 'noindex, nosnippet, noarchive');
  assert.equal(at('/other/')['X-Robots-Tag'], 'noindex');
  assert.equal(at('/kb')['X-Robots-Tag'], 'noindex', '/kb/* needs the slash');
  assert.equal(at('/KB/x')['X-Robots-Tag'], 'noindex', 'case-sensitive');
  // A placeholder is one segment, usable in the value; what it took is percent-encoded there.
  assert.equal(at('/kb/people/korolev/')['Link'], '</kb/people/korolev/card.png>; rel=preload');
  assert.equal(at('/kb/people/a/b/')['Link'], undefined);
  assert.equal(at('/kb/people/é\u4e2d/')['Link'], '</kb/people/%C3%A9%E4%B8%AD/card.png>; rel=preload');
  // `! Name` detaches what an earlier rule set, and the host's default.
  const embed = headersFor(rules, '/kb/embed/x/y');
  assert.ok(!embed.headers.some(([n]) => n === 'X-Frame-Options'));
  assert.deepEqual(embed.detached, ['x-frame-options']);
  assert.equal(Object.fromEntries(embed.headers)['X-Origin'], 'x/y');
  // Absolute URL rules match the host, a placeholder there being one label.
  assert.equal(at('/', 'docs.example.org')['X-Host-Rule'], 'docs');
  assert.equal(at('/', 'a.b.example.org')['X-Host-Rule'], undefined);
  assert.equal(at('/')['X-Host-Rule'], undefined);
});

test('_headers lines that could not be applied safely are reported and ignored', () => {
  const { rules, invalid } = parseHeadersFile(
    [
      '  X-Before: any path',
      '/a/*/b/*',
      '  X-Two-Splats: 1',
      '/p/:id/:id',
      '  X-Twice: 1',
      'http://example.org/*',
      '  X-Http: 1',
      '/empty',
      '/ok',
      '  Bad Name: 1',
      '  X-Control: a\u0001b',
      '  X-Empty:',
      '  just words',
      '  X-Fine: yes',
    ].join('\n'),
  );
  assert.deepEqual(
    rules.map((r) => [r.source, r.headers]),
    [['/ok', [['X-Fine', 'yes']]]],
  );
  assert.deepEqual(
    invalid.map((i) => i.line),
    [1, 2, 4, 6, 8, 10, 11, 12, 13],
  );
});
