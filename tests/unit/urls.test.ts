import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collectionToUrl, entryToUrl, normalizeBase, urlToEntry, withBase, withoutBase } from '../../src/lib/urls.ts';

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
