import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeHeaders } from '../../src/integrations/headers.ts';
import { parseHeaders } from '../../scripts/serve.ts';

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
});
