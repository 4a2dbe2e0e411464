import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatProblem } from '../../src/lib/errors.ts';
import { factSchemas, getDateFields } from '../../src/schemas/fields.ts';
import { SCHEMAS } from '../../src/schemas/index.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';

const topic = { title: 'T', description: 'D', updated: '2026-11-25', sources: ['wire'] };

describe('topic schema', () => {
  test('accepts a minimal page and fills the defaults', () => {
    const data = SCHEMAS.ilrs.parse(topic);
    assert.deepEqual(data.sources, [{ collection: 'sources', id: 'wire' }]);
    assert.deepEqual([data.aliases, data.tags, data.related], [[], [], []]);
    assert.equal(data.updated.toISOString(), '2026-11-25T00:00:00.000Z');
  });
  test('accepts YAML dates already parsed into Date objects', () => {
    assert.ok(SCHEMAS.ilrs.safeParse({ ...topic, updated: new Date('2026-11-25') }).success);
  });
  test('requires at least one source', () => {
    assert.ok(!SCHEMAS.ilrs.safeParse({ ...topic, sources: [] }).success);
  });
  test('reads related entries as collection/id and checks their form', () => {
    assert.deepEqual(SCHEMAS.ilrs.parse({ ...topic, related: ['ilrs/overview'] }).related, [{ collection: 'ilrs', id: 'overview' }]);
    for (const bad of ['overview', 'ilr/overview', 'a/b/c']) assert.ok(!SCHEMAS.ilrs.safeParse({ ...topic, related: [bad] }).success, bad);
  });
  test('refuses unknown fields and malformed dates', () => {
    assert.ok(!SCHEMAS.ilrs.safeParse({ ...topic, sorces: ['wire'] }).success);
    for (const bad of ['2026-13-01', '25 November 2026', '2026-11']) assert.ok(!SCHEMAS.ilrs.safeParse({ ...topic, updated: bad }).success, bad);
  });
});

describe('view schema', () => {
  const view = {
    ...topic,
    person: 'ann-lee',
    affiliation: 'Analyst',
    about: ['ilrs/overview'],
    quotes: [{ text: 'Words,', source: 'wire', date: '2024-08-13' }],
  };
  test('accepts a person, the topics and exact quotes', () => {
    const data = SCHEMAS.views.parse(view);
    assert.deepEqual(data.person, { collection: 'people', id: 'ann-lee' });
    assert.equal(data.quotes[0]!.text, 'Words,');
  });
  test('needs a person, at least one topic and one quote', () => {
    assert.ok(!SCHEMAS.views.safeParse({ ...view, person: undefined }).success);
    assert.ok(!SCHEMAS.views.safeParse({ ...view, about: [] }).success);
    assert.ok(!SCHEMAS.views.safeParse({ ...view, quotes: [] }).success);
  });
});

describe('source schema', () => {
  const source = { title: 'T', publisher: 'P', url: 'https://example.org/a', published: '2024-08-13', kind: 'news', description: 'D' };
  test('accepts https only, and names the https address for a plain http one', () => {
    assert.ok(SCHEMAS.sources.safeParse(source).success);
    for (const url of ['ftp://example.org/', 'javascript:alert(1)', 'example.org', '/local', 'https://localhost/a'])
      assert.ok(!SCHEMAS.sources.safeParse({ ...source, url }).success, url);
    const http = SCHEMAS.sources.safeParse({ ...source, url: 'http://example.org/a' });
    assert.ok(!http.success);
    assert.match(http.error.issues[0]!.message, /not plain http; link to "https:\/\/example\.org\/a"/);
  });
  test('marks reliability secondary unless told otherwise', () => {
    assert.equal(SCHEMAS.sources.parse(source).reliability, 'secondary');
  });
});

describe('entity schemas', () => {
  test('a country code is two capitals', () => {
    const country = { title: 'K', description: 'D', sources: ['wire'], iso: 'KZ' };
    assert.ok(SCHEMAS.countries.safeParse(country).success);
    assert.ok(!SCHEMAS.countries.safeParse({ ...country, iso: 'kz' }).success);
  });
  test('an event needs a date', () => {
    assert.ok(!SCHEMAS.events.safeParse({ title: 'E', description: 'D', sources: ['wire'] }).success);
    assert.ok(SCHEMAS.events.safeParse({ title: 'E', description: 'D', sources: ['wire'], date: '2024-07-03' }).success);
  });
  test('coordinates stay on the globe', () => {
    const place = { title: 'P', description: 'D', sources: ['wire'], kind: 'spaceport' };
    assert.ok(SCHEMAS.places.safeParse({ ...place, coordinates: { lat: 45.9, lon: 63.3 } }).success);
    assert.ok(!SCHEMAS.places.safeParse({ ...place, coordinates: { lat: 95, lon: 63.3 } }).success);
  });
});

describe('schema problems as authors read them', () => {
  test('name the file, the line of the field, the value and the fix', () => {
    const site = makeContent({
      'sources/wire.yaml': SOURCE,
      'organizations/nasa.mdx': page('NASA', 'Body.', 'kind: agency\nheadquarter: Washington\n'),
    });
    assert.deepEqual(site.model.problems.map(formatProblem), [
      'content/organizations/nasa.mdx:6 UnlistedFieldValue\n  **kind**: expected one of "space-agency" | "ministry" | "company" | "think-tank" | "university" | "research-institute" | "intergovernmental" | "military", received "agency".\n  Hint: Did you mean "space-agency"?',
      'content/organizations/nasa.mdx:7 UnknownField\n  Unexpected field **headquarter**.\n  Hint: Did you mean "headquarters"?',
    ]);
  });
});

describe('references as authors read them', () => {
  test('a missing target names the field, its line and the nearest id, wherever it is nested', () => {
    const site = makeContent({
      'sources/wire.yaml': SOURCE,
      'people/ann-lee.mdx': page('Ann Lee', 'Body.', 'role: Analyst\n'),
      'ilrs/overview.mdx': page('Overview', 'Body.'),
      'views/v.mdx': page(
        'V',
        'Body.',
        'person: ann-le\naffiliation: X\nabout: [ilrs/overveiw]\nquotes:\n  - text: Words,\n    source: wir\n    date: 2024-08-13\n',
      ).replace('sources: [wire]', 'sources: [wire, nothing-like-it]'),
    });
    assert.deepEqual(site.model.problems.map(formatProblem), [
      'content/views/v.mdx:5 MissingReference\n  **sources.1**: no entry "nothing-like-it" in collection "sources".\n  Hint: Add content/sources/nothing-like-it.mdx or fix the id.',
      'content/views/v.mdx:6 MissingReference\n  **person**: no entry "ann-le" in collection "people".\n  Hint: Did you mean "ann-lee"?',
      'content/views/v.mdx:8 MissingReference\n  **about.0**: no entry "overveiw" in collection "ilrs".\n  Hint: Did you mean "overview"?',
      'content/views/v.mdx:11 MissingReference\n  **quotes.0.source**: no entry "wir" in collection "sources".\n  Hint: Did you mean "wire"?',
    ]);
  });
});

describe('what the schemas say about their fields', () => {
  test('which fields are dates: the content model checks these as written', () => {
    assert.deepEqual([...getDateFields(Object.values(SCHEMAS))].sort(), [
      'asOf',
      'date',
      'endDate',
      'founded',
      'joined',
      'launched',
      'listed',
      'published',
      'signed',
      'started',
      'updated',
    ]);
  });
  test('which fields are facts, and their labels, in schema order', () => {
    const labels = (name: keyof typeof SCHEMAS) => Object.values(SCHEMAS[name].shape).flatMap((field) => factSchemas.get(field)?.label ?? []);
    assert.deepEqual(labels('missions'), ['Last checked', 'Operators', 'Country', 'Status', 'Launch', 'Launch site', 'Programme']);
    assert.deepEqual(labels('sources'), ['Publisher', 'Address', 'Published', 'Author', 'Kind', 'Reliability']);
  });
  test('a reference is an id, read as { collection, id }', () => {
    assert.deepEqual(
      SCHEMAS.views.parse({
        ...topic,
        person: 'ann-lee',
        affiliation: 'A',
        about: ['ilrs/overview'],
        quotes: [{ text: 'W', source: 'wire', date: '2024-08-13' }],
      }).person,
      { collection: 'people', id: 'ann-lee' },
    );
    assert.ok(!SCHEMAS.ilrs.safeParse({ ...topic, sources: ['Not An Id'] }).success);
  });
});
