/** Typed backlinks: the kind of each relation comes from the field the reference sits in; body links are mentions. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRelations, getRelationKind, getTypedReferences } from '../../src/lib/relations.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';
import { toSiteData } from './fake-site.ts';

const site = toSiteData(
  makeContent({
    'sources/wire.yaml': SOURCE,
    'organizations/cnsa.mdx': page('CNSA', 'An agency.', 'kind: space-agency\n'),
    'countries/kazakhstan.mdx': page('Kazakhstan', 'See [[ilrs/overview]].', 'iso: KZ\n'),
    'people/ann-lee.mdx': page('Ann Lee', 'An analyst.', 'role: Analyst\naffiliations:\n  - organization: cnsa\n    role: Adviser\n'),
    'missions/change-6.mdx': page('Chang’e-6', 'Flown by [[organizations/cnsa]].', 'operators: [cnsa]\nstatus: completed\n'),
    'events/2024-07-03-kz-joins.mdx': page(
      'Kazakhstan joins',
      'With [[countries/kazakhstan]].',
      'date: 2024-07-03\ncountries: [kazakhstan]\norganizations: [cnsa]\n',
    ),
    'events/1957-10-04-sputnik.mdx': page('Sputnik', 'A launch, see [[baikonur/overview]].', 'date: 1957-10-04\n'),
    'ilrs/overview.mdx': page('ILRS', 'Led by [[organizations/cnsa]]; Kazakhstan joined ([[events/2024-07-03-kz-joins]]).'),
    'baikonur/overview.mdx': page('Baikonur', 'Since 1955.'),
    'views/v.mdx': page(
      'V',
      'Body [[people/ann-lee]].',
      'person: ann-lee\naffiliation: X\nabout: [ilrs/overview]\nquotes:\n  - text: Words\n    source: wire\n    date: 2024-08-13\n',
    ),
  }).model,
);
const relations = buildRelations(site);
const headings = (key: string, direction: 'incoming' | 'outgoing') => Object.fromEntries(relations.get(key)![direction].map((g) => [g.heading, g.keys]));

describe('typed references', () => {
  test('each reference comes with the path of its field, array indices left out', () => {
    const refs = getTypedReferences(site.byKey.get('people/ann-lee')!.data);
    assert.deepEqual(
      refs.map((r) => `${r.path} → ${r.target.collection}/${r.target.id}`),
      ['sources → sources/wire', 'affiliations.organization → organizations/cnsa'],
    );
  });
  test('the kind of a relation comes from the field; unknown fields fall back on their name, sources cite', () => {
    assert.equal(getRelationKind('missions', 'operators').incoming, 'Operates');
    assert.equal(getRelationKind('missions', 'operators').outgoing, 'Operated by');
    assert.equal(getRelationKind('countries', 'ilrs.source').id, 'cited');
    assert.equal(getRelationKind('programmes', 'constellation.orbitSource').id, 'cited');
    assert.equal(getRelationKind('places', 'nearby').outgoing, 'Nearby');
  });
});

describe('relations of the whole site', () => {
  test('an organization sees who operates with it, who took part, who is affiliated, who mentions it', () => {
    assert.deepEqual(headings('organizations/cnsa', 'incoming'), {
      Operates: ['missions/change-6'],
      'People affiliated': ['people/ann-lee'],
      'Took part in': ['events/2024-07-03-kz-joins'],
      'Mentioned in': ['ilrs/overview'],
    });
  });
  test('a body link to an entry also referenced in frontmatter counts once, under the frontmatter’s kind', () => {
    assert.deepEqual(headings('missions/change-6', 'outgoing'), { 'Operated by': ['organizations/cnsa'], Sources: ['sources/wire'] });
  });
  test('a person is quoted in a view; a view is about its topic', () => {
    assert.deepEqual(headings('people/ann-lee', 'incoming'), { 'Quoted in': ['views/v'] });
    assert.deepEqual(headings('ilrs/overview', 'incoming'), { 'Discussed in': ['views/v'], 'Mentioned in': ['countries/kazakhstan'] });
  });
  test('a source is cited by every page that lists or quotes it, once each, after the specific kinds', () => {
    const cited = relations.get('sources/wire')!.incoming;
    assert.deepEqual(
      cited.map((g) => g.heading),
      ['Cited by'],
    );
    assert.ok(cited[0]!.keys.includes('views/v') && cited[0]!.keys.includes('missions/change-6'));
    assert.equal(new Set(cited[0]!.keys).size, cited[0]!.keys.length);
  });
});
