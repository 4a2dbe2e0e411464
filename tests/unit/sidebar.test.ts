import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getPageInputs } from '../../src/lib/page-inputs.ts';
import { getSidebar, groupCollection, type Sidebar } from '../../src/lib/sidebar.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';
import { toSiteData } from './fake-site.ts';

const event = (title: string, date: string) => page(title, 'Text.', `date: ${date}\n`);
const source = (title: string, kind: string) => SOURCE.replace('title: Wire', `title: ${title}`).replace('kind: news', `kind: ${kind}`);

const FILES: Record<string, string> = {
  'sources/wire.yaml': SOURCE,
  'sources/decree.yaml': source('Decree', 'official'),
  'sources/almanac.yaml': source('Almanac', 'reference'),
  'ilrs/members.mdx': page('Members', 'Text.', 'order: 2\n'),
  'ilrs/overview.mdx': page('Overview', 'Text.', 'order: 1\n'),
  'ilrs/roadmap.mdx': page('Roadmap', 'Text.', 'order: 3\n'),
  'organizations/cnsa.mdx': page('CNSA', 'An agency.', 'kind: space-agency\n'),
  'organizations/rand.mdx': page('RAND', 'A think tank.', 'kind: think-tank\n'),
  'people/zoe-kim.mdx': page('Zoe Kim', 'An official.', 'role: Official\naffiliations:\n  - organization: cnsa\n    role: Director\n'),
  'people/ann-lee.mdx': page(
    'Ann Lee',
    'An analyst.',
    'role: Analyst\naffiliations:\n  - organization: cnsa\n    role: Adviser\n    former: true\n  - organization: rand\n    role: Fellow\n',
  ),
  'people/bo-chen.mdx': page('Bo Chen', 'An official.', 'role: Official\naffiliations:\n  - organization: cnsa\n    role: Engineer\n'),
  'people/cy-doe.mdx': page('Cy Doe', 'Unaffiliated.', 'role: Writer\n'),
  'events/2021-03-09-memorandum.mdx': event('Memorandum', '2021-03-09'),
  'events/2024-07-03-kz-joins.mdx': event('Kazakhstan joins', '2024-07-03'),
  'events/2021-06-16-roadmap.mdx': event('Roadmap', '2021-06-16'),
};

const siteOf = (extra: Record<string, string> = {}) => toSiteData(makeContent({ ...FILES, ...extra }).model);
const outline = (sidebar: Sidebar) =>
  sidebar.groups.map((g) => `${g.label} ${g.count}${g.open ? ' open' : ''}: ${g.items.map((i) => `${i.title}${i.current ? '*' : ''}`).join(', ')}`);

describe('the sidebar of a collection', () => {
  test('lists a topic collection in its order, marking the current page', () => {
    const sidebar = getSidebar('ilrs', 'members', siteOf());
    assert.deepEqual(outline(sidebar), ['ILRS 3 open: Overview, Members*, Roadmap']);
    assert.equal(sidebar.href, '/ilrs/');
    assert.equal(sidebar.groups[0]!.items[1]!.href, '/ilrs/members/');
    assert.equal(sidebar.isIndex, false);
  });

  test('groups people by the kind of body they work for now, sorted by title, the current group open', () => {
    const sidebar = getSidebar('people', 'bo-chen', siteOf());
    assert.deepEqual(outline(sidebar), ['Space agencies 2 open: Bo Chen*, Zoe Kim', 'Think tanks 1: Ann Lee', 'Other 1: Cy Doe']);
  });

  test('groups events by year, in date order within a year, and sources by kind', () => {
    const site = siteOf();
    assert.deepEqual(outline(getSidebar('events', undefined, site)), ['2021 2: Memorandum, Roadmap', '2024 1: Kazakhstan joins']);
    assert.deepEqual(
      groupCollection('sources', site).map((g) => g.key),
      ['official', 'news', 'reference'],
    );
  });

  test('on the collection index, marks the index as current and opens no group', () => {
    const sidebar = getSidebar('events', undefined, siteOf());
    assert.equal(sidebar.isIndex, true);
    assert.ok(sidebar.groups.every((g) => !g.open && g.items.every((i) => !i.current)));
    assert.equal(sidebar.groups[0]!.href, '/events/#group-2021', 'a group links to its section of the index');
  });

  test('in a collection too large to list, shows a window of the current group and the other groups as links', () => {
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `events/2022-01-${String(i + 1).padStart(2, '0')}-e${i}.mdx`,
        event(`E${String(i).padStart(2, '0')}`, `2022-01-${String(i + 1).padStart(2, '0')}`),
      ]),
    );
    const site = siteOf(many);
    const sidebar = getSidebar('events', '2022-01-21-e20', site, { maxItems: 10, window: 5, maxGroups: 30 });
    assert.deepEqual(outline(sidebar), ['2021 2: ', '2022 30 open: E18, E19, E20*, E21, E22', '2024 1: ']);
    assert.equal(sidebar.total, 33);
    const atEnd = getSidebar('events', '2022-01-30-e29', site, { maxItems: 10, window: 5, maxGroups: 30 });
    assert.deepEqual(
      atEnd.groups[1]!.items.map((i) => i.title),
      ['E25', 'E26', 'E27', 'E28', 'E29'],
      'the window keeps its size at the end of a group',
    );
    const capped = getSidebar('events', '2022-01-21-e20', site, { maxItems: 10, window: 5, maxGroups: 1 });
    assert.deepEqual(
      capped.groups.map((g) => g.label),
      ['2021', '2022'],
    );
    assert.equal(capped.omittedGroups, 1, 'groups beyond the cap are counted, not listed');
  });
});

describe('the sidebar in the cache key of a page', () => {
  const inputs = (site: ReturnType<typeof siteOf>, key: string) => getPageInputs(site.byKey.get(key)!, site).join('\n');

  test('a retitled entry of the collection changes the key of every page whose sidebar lists it', () => {
    const before = inputs(siteOf(), 'people/ann-lee');
    const retitled = FILES['people/cy-doe.mdx']!.replace('title: Cy Doe', 'title: Cyril Doe');
    assert.notEqual(inputs(siteOf({ 'people/cy-doe.mdx': retitled }), 'people/ann-lee'), before);
  });

  test('a body edit of another entry of the collection does not', () => {
    const before = inputs(siteOf(), 'people/ann-lee');
    const edited = FILES['people/cy-doe.mdx']!.replace('Unaffiliated.', 'Unaffiliated, and a new paragraph.');
    assert.equal(inputs(siteOf({ 'people/cy-doe.mdx': edited }), 'people/ann-lee'), before);
  });
});
