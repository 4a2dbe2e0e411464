import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkBasePath,
  checkSiteUrl,
  collectionToUrl,
  entryToMarkdownUrl,
  entryToUrl,
  normalizeBase,
  urlToEntry,
  withBase,
  withoutBase,
} from '../../src/lib/urls.ts';

describe('normalizeBase', () => {
  for (const [input, expected] of [
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['kb', '/kb/'],
    ['/kb', '/kb/'],
    ['/kb/', '/kb/'],
    ['//docs/kb//', '/docs/kb/'],
  ] as const) {
    test(`${JSON.stringify(input)} becomes ${expected}`, () => assert.equal(normalizeBase(input), expected));
  }
});

describe('withBase', () => {
  for (const [path, base, expected] of [
    ['/', '/', '/'],
    ['/ilrs/', '/', '/ilrs/'],
    ['/', '/kb/', '/kb/'],
    ['/ilrs/overview/', '/kb/', '/kb/ilrs/overview/'],
    ['ilrs/overview/', '/kb', '/kb/ilrs/overview/'],
    ['/pagefind/pagefind.js', '/kb/', '/kb/pagefind/pagefind.js'],
    ['https://example.org/', '/kb/', 'https://example.org/'],
    ['#members', '/kb/', '#members'],
  ] as const) {
    test(`${path} under ${base} is ${expected}`, () => assert.equal(withBase(path, base), expected));
  }
});

describe('entry URLs', () => {
  test('an entry lives at /collection/id/ under the base', () => {
    assert.equal(entryToUrl({ collection: 'ilrs', id: 'overview' }, '/'), '/ilrs/overview/');
    assert.equal(entryToUrl({ collection: 'ilrs', id: 'overview' }, '/kb/'), '/kb/ilrs/overview/');
    assert.equal(entryToUrl({ collection: 'ilrs', id: 'members' }, '/kb/', 'table'), '/kb/ilrs/members/#table');
    assert.equal(collectionToUrl('views', '/kb/'), '/kb/views/');
  });

  test('its Markdown lives beside the page, at /collection/id.md under the base, never read back as an entry page', () => {
    assert.equal(entryToMarkdownUrl({ collection: 'ilrs', id: 'overview' }, '/'), '/ilrs/overview.md');
    assert.equal(entryToMarkdownUrl({ collection: 'ilrs', id: 'overview' }, '/kb/'), '/kb/ilrs/overview.md');
    assert.equal(urlToEntry('/kb/ilrs/overview.md', '/kb/'), undefined);
  });

  for (const [pathname, base, expected] of [
    ['/ilrs/overview/', '/', { collection: 'ilrs', id: 'overview' }],
    ['/ilrs/overview', '/', { collection: 'ilrs', id: 'overview' }],
    ['/ilrs/overview/index.html', '/', { collection: 'ilrs', id: 'overview' }],
    ['/kb/ilrs/overview/', '/kb/', { collection: 'ilrs', id: 'overview' }],
    ['/ilrs/overview/', '/kb/', undefined],
    ['/ilrs/', '/', undefined],
    ['/', '/', undefined],
    ['/ilrs/overview/#members', '/', { collection: 'ilrs', id: 'overview' }],
  ] as const) {
    test(`urlToEntry(${pathname}, ${base})`, () => assert.deepEqual(urlToEntry(pathname, base), expected));
  }

  test('withoutBase strips the base or says the path is outside it', () => {
    assert.equal(withoutBase('/kb/ilrs/', '/kb/'), '/ilrs/');
    assert.equal(withoutBase('/kb', '/kb/'), '/');
    assert.equal(withoutBase('/other/', '/kb/'), undefined);
    assert.equal(withoutBase('/ilrs/', '/'), '/ilrs/');
  });
});

describe('checkBasePath', () => {
  for (const [input, expected] of [
    [undefined, '/'],
    ['', '/'],
    ['  ', '/'],
    ['/', '/'],
    ['kb', '/kb/'],
    ['/kb', '/kb/'],
    ['/kb/', '/kb/'],
    [' /kb/ ', '/kb/'],
    ['/docs/kb/', '/docs/kb/'],
    ['/Kb_2.0~x-y/', '/Kb_2.0~x-y/'],
    ['/.well/', '/.well/'],
    ['/.../', '/.../'],
  ] as const) {
    test(`accepts ${JSON.stringify(input)} as ${expected}`, () => assert.deepEqual(checkBasePath(input), { ok: true, base: expected }));
  }

  for (const [input, reason] of [
    ['/a b/', /contains a space/],
    ['/a\tb/', /U\+0009/],
    ['/kb\n/', /U\+000A/],
    ['/../', /dot segment/],
    ['/./', /dot segment/],
    ['/kb/../x/', /"\.\." is a dot segment/],
    ['/kb/%2e%2E/', /percent-encoded/],
    ['kb?x', /query string/],
    ['/kb/#', /fragment/],
    ['//evil.example/', /another host/],
    ['///', /another host/],
    ['/docs//kb/', /empty segment/],
    ['/kb//', /empty segment/],
    ['/\\evil.example/', /backslash/],
    ['/café/', /"é" is not ASCII/],
    ['/北斗/', /not ASCII/],
    ['/caf%C3%A9/', /percent-encoded/],
    ['/a%20b/', /percent-encoded/],
    ['/kb%/', /percent-encoded/],
    ['https://evil.example/', /":" is not allowed/],
    ['/kb"/', /"\"" is not allowed/],
    ['/<script>/', /"<" is not allowed/],
    ["/it's/", /"'" is not allowed/],
    ['/a+b/', /"\+" is not allowed/],
  ] as const) {
    test(`refuses ${JSON.stringify(input)}, naming the value and a valid example`, () => {
      const result = checkBasePath(input);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(result.message, reason);
      assert.ok(result.message.startsWith(`BASE_PATH ${JSON.stringify(input)} `), result.message);
      assert.match(result.hint, /\/kb\//);
      assert.doesNotMatch(`${result.message} ${result.hint}`, /\n/, 'one line');
    });
  }
});

describe('checkSiteUrl', () => {
  for (const [input, expected] of [
    [undefined, 'https://fallback.example'],
    ['', 'https://fallback.example'],
    ['https://example.org', 'https://example.org'],
    ['https://example.org/', 'https://example.org'],
    [' https://Example.ORG/ ', 'https://example.org'],
    ['http://localhost:4321', 'http://localhost:4321'],
    ['https://user.github.io', 'https://user.github.io'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
  ] as const) {
    test(`accepts ${JSON.stringify(input)} as ${expected}`, () =>
      assert.deepEqual(checkSiteUrl(input, 'https://fallback.example'), { ok: true, site: expected }));
  }

  for (const [input, reason] of [
    ['example.org', /must start with https:\/\/ or http:\/\//],
    ['//example.org', /must start with/],
    ['https:example.org', /must start with/],
    ['ftp://example.org', /must start with/],
    ['javascript:alert(1)', /must start with/],
    ['https://', /must start with/],
    ['https:///kb', /must start with/],
    ['https://example.org/kb/', /has the path \/kb\//],
    ['https://example.org/kb', /has the path \/kb/],
    ['https://example.org/?x=1', /query string/],
    ['https://example.org?', /query string/],
    ['https://example.org/#top', /fragment/],
    ['https://user:secret@example.org', /user name or password/],
    ['https://exa mple.org', /space/],
    ['https://example.org:99999', /not a well-formed URL/],
    ['https://exa\nmple.org', /control character/],
  ] as const) {
    test(`refuses ${JSON.stringify(input)}, naming the value and a valid example`, () => {
      const result = checkSiteUrl(input);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(result.message, reason);
      assert.ok(result.message.startsWith(`SITE_URL ${JSON.stringify(input)} `), result.message);
      assert.match(result.hint, /https:\/\/example\.org/);
    });
  }
});
