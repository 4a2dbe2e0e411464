import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withHighlight } from '../../src/client/pagefind.ts';
import { stateFromUrl, stateToQuery } from '../../src/client/search-app.ts';
import { toSearchName } from '../../src/lib/search-name.ts';

describe('the search page address', () => {
  test('holds query, facets and sort, and reads back the same', () => {
    const state = stateFromUrl('?q=lease+2050&collection=ILRS&collection=Events&country=Kazakhstan&sort=date-desc');
    assert.equal(state.q, 'lease 2050');
    assert.deepEqual(Object.fromEntries(state.filters), { collection: ['ILRS', 'Events'], country: ['Kazakhstan'] });
    assert.equal(state.sort, 'date-desc');
    assert.deepEqual(stateFromUrl(stateToQuery(state)), state);
  });
  test('ignores unknown parameters and empty values', () => {
    const state = stateFromUrl('?q=&colour=red&person=');
    assert.equal(state.q, '');
    assert.equal(state.filters.size, 0);
    assert.equal(stateToQuery(state), '');
  });
});

describe('withHighlight', () => {
  test('adds the query words for the landing page, keeping the anchor', () => {
    assert.equal(withHighlight('/beidou/overview/', 'BeiDou BDS'), '/beidou/overview/?highlight=BeiDou&highlight=BDS');
    assert.equal(withHighlight('/kb/ilrs/members/#table', '"junior partner"'), '/kb/ilrs/members/?highlight=junior&highlight=partner#table');
  });
  test('replaces the empty parameter Pagefind leaves, and keeps a filled one', () => {
    assert.equal(withHighlight('/beidou/overview/?highlight=', 'BeiDou'), '/beidou/overview/?highlight=BeiDou');
    assert.equal(withHighlight('/a/b/?highlight=x', 'y'), '/a/b/?highlight=x');
  });
});

describe('toSearchName', () => {
  for (const [input, expected] of [
    ['BDS', 'bds'],
    ['  Baikonur   Cosmodrome ', 'baikonur cosmodrome'],
    ['Chang’e-6', 'change-6'],
    ["Chang'e-6", 'change-6'],
    ['Байконур', 'байконур'],
    ['Госкорпорация «Роскосмос»', 'госкорпорация роскосмос'],
  ] as const) {
    test(`${input} → ${expected}`, () => assert.equal(toSearchName(input), expected));
  }
});
