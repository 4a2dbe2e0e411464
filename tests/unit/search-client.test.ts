import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { capQuery, getHighlightTerms, MAX_HIGHLIGHT_TERMS, MAX_QUERY_LENGTH, MAX_TERM_LENGTH } from '../../src/client/highlight-param.ts';
import { withHighlight } from '../../src/client/pagefind.ts';
import { keepKnownValues, stateFromUrl, stateToQuery } from '../../src/client/search-app.ts';

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

describe('what the search page accepts from its address', () => {
  test('a 10,000-character query is cut to the longest the page runs, so its links stay servable', () => {
    const state = stateFromUrl(`?q=${'a'.repeat(10_000)}`);
    assert.equal(state.q.length, MAX_QUERY_LENGTH);
    assert.ok(stateToQuery(state).length < 300);
  });
  test('a cut never splits a character in two', () => {
    assert.equal(capQuery('🛰'.repeat(300)), '🛰'.repeat(MAX_QUERY_LENGTH));
  });
  test('an unknown sort is ignored; a facet value is read once, and not at all when longer than any facet value', () => {
    const state = stateFromUrl(`?sort=random&collection=ILRS&collection=ILRS&country=${'x'.repeat(MAX_TERM_LENGTH + 1)}`);
    assert.equal(state.sort, '');
    assert.deepEqual(Object.fromEntries(state.filters), { collection: ['ILRS'] });
  });
  test('values a facet does not have are dropped, so none is shown that cannot be unselected', () => {
    const all = { collection: { ILRS: 12, Events: 40 }, country: { Kazakhstan: 9 } };
    const state = keepKnownValues(stateFromUrl('?q=lease&collection=ILRS&collection=Nonsense&country=Atlantis&person=Nobody&sort=date-asc'), all);
    assert.deepEqual(Object.fromEntries(state.filters), { collection: ['ILRS'] });
    assert.equal(stateToQuery(state), '?q=lease&collection=ILRS&sort=date-asc');
  });
  test('a value named like a property of every object is no facet value', () => {
    assert.equal(keepKnownValues(stateFromUrl('?collection=constructor&collection=__proto__'), { collection: { ILRS: 1 } }).filters.size, 0);
  });
});

describe('the terms a result page highlights', () => {
  test('800 highlight parameters give at most 10 distinct terms of at most 100 characters, without throwing', () => {
    const search = `?${Array.from({ length: 800 }, (_, i) => `highlight=${i % 3 ? 'x'.repeat(1000) : `(${i}`}`).join('&')}`;
    const terms = getHighlightTerms(search);
    assert.equal(terms.length, MAX_HIGHLIGHT_TERMS);
    assert.equal(new Set(terms).size, terms.length);
    assert.ok(terms.every((t) => t.length <= MAX_TERM_LENGTH));
    assert.deepEqual(terms.slice(0, 3), ['(0', 'x'.repeat(MAX_TERM_LENGTH), '(3']);
  });
  test('empty and blank terms are no terms', () => {
    assert.deepEqual(getHighlightTerms('?highlight=&highlight=%20&q=x'), []);
  });
});

describe('withHighlight', () => {
  test('puts at most 10 capped words of a long query in the link', () => {
    const link = withHighlight('/a/b/', Array.from({ length: 500 }, (_, i) => `word${i}`).join(' '));
    assert.equal(new URL(link, 'http://site').searchParams.getAll('highlight').length, MAX_HIGHLIGHT_TERMS);
    assert.equal(withHighlight('/a/b/', 'x'.repeat(10_000)), `/a/b/?highlight=${'x'.repeat(MAX_TERM_LENGTH)}`);
  });
  test('caps the terms Pagefind gave, too', () => {
    const given = `/a/b/?${Array.from({ length: 50 }, (_, i) => `highlight=t${i}`).join('&')}`;
    assert.equal(new URL(withHighlight(given, 'q'), 'http://site').searchParams.getAll('highlight').length, MAX_HIGHLIGHT_TERMS);
  });
  test('adds the query words for the landing page, keeping the anchor', () => {
    assert.equal(withHighlight('/beidou/overview/', 'BeiDou BDS'), '/beidou/overview/?highlight=BeiDou&highlight=BDS');
    assert.equal(withHighlight('/kb/ilrs/members/#table', '"junior partner"'), '/kb/ilrs/members/?highlight=junior&highlight=partner#table');
  });
  test('replaces the empty parameter Pagefind leaves, and keeps a filled one', () => {
    assert.equal(withHighlight('/beidou/overview/?highlight=', 'BeiDou'), '/beidou/overview/?highlight=BeiDou');
    assert.equal(withHighlight('/a/b/?highlight=x', 'y'), '/a/b/?highlight=x');
  });
});
