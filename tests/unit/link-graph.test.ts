import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildLinkGraph, getReferences } from '../../src/lib/link-graph.ts';

describe('getReferences', () => {
  test('finds every { collection, id } wherever it is nested', () => {
    const data = {
      title: 'X',
      person: { collection: 'people', id: 'ann' },
      sources: [{ collection: 'sources', id: 's1' }],
      quotes: [{ text: 'q', source: { collection: 'sources', id: 's2' }, date: new Date(0) }],
    };
    assert.deepEqual(getReferences(data), [
      { collection: 'people', id: 'ann' },
      { collection: 'sources', id: 's1' },
      { collection: 'sources', id: 's2' },
    ]);
  });
});

describe('buildLinkGraph', () => {
  const graph = buildLinkGraph([
    {
      collection: 'ilrs',
      id: 'overview',
      data: { sources: [{ collection: 'sources', id: 's1' }] },
      bodyLinks: [
        { collection: 'ilrs', id: 'members' },
        { collection: 'ilrs', id: 'members' },
      ],
    },
    { collection: 'ilrs', id: 'members', data: {}, bodyLinks: [{ collection: 'ilrs', id: 'members' }] },
    { collection: 'views', id: 'v', data: { about: [{ collection: 'ilrs', id: 'members' }] }, bodyLinks: [] },
    { collection: 'sources', id: 's1', data: {}, bodyLinks: [] },
  ]);

  test('backlinks come from body links and frontmatter references alike', () => {
    assert.deepEqual(graph.incoming.get('ilrs/members'), ['ilrs/overview', 'views/v']);
    assert.deepEqual(graph.incoming.get('sources/s1'), ['ilrs/overview']);
  });
  test('a page linking itself, or twice, counts once and not as a backlink', () => {
    assert.deepEqual(graph.outgoing.get('ilrs/overview'), ['ilrs/members', 'sources/s1']);
    assert.deepEqual(graph.outgoing.get('ilrs/members'), []);
  });
  test('every entry has a backlink list, empty when nothing links to it', () => {
    assert.deepEqual(graph.incoming.get('views/v'), []);
  });
});
