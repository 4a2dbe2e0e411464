/** The timeline: every event, its topics from the link graph, each entry's own events, decades. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTimelineIndex, groupByDecade } from '../../src/lib/timeline.ts';
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

describe('timeline', () => {
  const index = buildTimelineIndex(site);
  test('lists every event, oldest first, with the topics it links to or is linked from', () => {
    assert.deepEqual(
      index.events.map((e) => [e.title, e.topics]),
      [
        ['Sputnik', ['baikonur']],
        ['Kazakhstan joins', ['ilrs']],
      ],
    );
    assert.deepEqual(
      index.topics.map((t) => [t.name, t.count, t.href]),
      [
        ['ilrs', 1, '/timeline/ilrs/'],
        ['baikonur', 1, '/timeline/baikonur/'],
      ],
    );
  });
  test('an entry’s own events are those that refer to it and those it refers to', () => {
    assert.deepEqual(
      index.byEntry.get('countries/kazakhstan')!.map((e) => e.title),
      ['Kazakhstan joins'],
    );
    assert.deepEqual(
      index.byEntry.get('ilrs/overview')!.map((e) => e.title),
      ['Kazakhstan joins'],
    );
    assert.deepEqual(
      index.byEntry.get('baikonur/overview')!.map((e) => e.title),
      ['Sputnik'],
    );
  });
  test('events group by decade and year, each decade with its anchor', () => {
    assert.deepEqual(
      groupByDecade(index.events).map((d) => [d.label, d.id, d.count, d.years.map((y) => y.year)]),
      [
        ['1950s', 'decade-1950s', 1, [1957]],
        ['2020s', 'decade-2020s', 1, [2024]],
      ],
    );
  });
});
