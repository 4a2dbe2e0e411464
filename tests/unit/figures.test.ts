/**
 * The figures' data, from inline content: the map shades exactly the member states of the
 * collection, the chart ends at the member count, and a state added to the content shows in
 * both without any component changing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getCountChart } from '../../src/lib/figures/chart.ts';
import { getComparisonChart, getConstellations, getUnitChart } from '../../src/lib/figures/constellation.ts';
import { alpha2ToNumeric, getCountryShape } from '../../src/lib/figures/geo.ts';
import { compactPath, getCountryLocator, getEarthPlaces, getPlaceLocator, getWorldMap, getYearClasses } from '../../src/lib/figures/map.ts';
import { getArtemisSignatories, getIlrsMembers, getIlrsSeries, getProgrammeSeries } from '../../src/lib/figures/membership.ts';
import { SCHEMAS } from '../../src/schemas/index.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';
import { toSiteData } from './fake-site.ts';

const country = (title: string, iso: string, extra = '') => page(title, `${title} is a country.`, `iso: ${iso}\n${extra}`);
const ilrs = (role: string, field: string, date: string) => `ilrs:\n  role: ${role}\n  ${field}: '${date}'\n  source: wire\n`;
const artemis = (date: string) => `artemisAccords:\n  signed: '${date}'\n  source: wire\n`;

const FILES: Record<string, string> = {
  'sources/wire.yaml': SOURCE,
  'countries/china.mdx': country('China', 'CN', ilrs('founder', 'joined', '2021-03-09')),
  'countries/russia.mdx': country('Russia', 'RU', ilrs('founder', 'joined', '2021-03-09')),
  'countries/kazakhstan.mdx': country('Kazakhstan', 'KZ', ilrs('member', 'joined', '2024-07-03')),
  'countries/bolivia.mdx': country('Bolivia', 'BO', ilrs('member', 'listed', '2025-04-29')),
  'countries/thailand.mdx': country('Thailand', 'TH', ilrs('member', 'joined', '2024-04-05') + artemis('2024-12-16')),
  'countries/united-states.mdx': country('United States', 'US', artemis('2020-10-13')),
  'countries/soviet-union.mdx': country('Soviet Union', 'SU'),
  'countries/france.mdx': country('France', 'FR'),
  'places/baikonur.mdx': page('Baikonur', 'A spaceport.', 'kind: spaceport\ncountry: kazakhstan\ncoordinates:\n  lat: 45.965\n  lon: 63.305\n'),
  'places/aitken.mdx': page('Aitken', 'On the Moon.', 'kind: lunar-region\ncoordinates:\n  lat: -53\n  lon: -169\n'),
  'programmes/accords.mdx': page(
    'Accords',
    'Signed by many.',
    "participantCounts:\n  - date: '2024-06-12'\n    count: 43\n    source: wire\n  - date: '2020-10-13'\n    count: 8\n    source: wire\n",
  ),
  'programmes/gps.mdx': page(
    'GPS',
    'Navigation.',
    "constellation:\n  system: GPS\n  satellites: 31\n  counted: operational satellites\n  meo: 31\n  asOf: '2020-04-29'\n  source: wire\n",
  ),
  'beidou/constellation.mdx': page(
    'BDS-3',
    'Navigation.',
    "constellation:\n  system: BeiDou\n  satellites: 30\n  counted: networking satellites\n  meo: 24\n  igso: 3\n  geo: 3\n  asOf: '2022-01-01'\n  source: wire\n",
  ),
};

const site = toSiteData(makeContent(FILES).model);

describe('ILRS membership', () => {
  const members = getIlrsMembers(site);
  test('the members are exactly the countries with ILRS data, founders first, in order of joining', () => {
    assert.deepEqual(
      members.map((m) => m.title),
      ['China', 'Russia', 'Thailand', 'Kazakhstan', 'Bolivia'],
    );
  });
  test('a member without a join date counts from the day a source first names it', () => {
    const bolivia = members.find((m) => m.iso === 'BO')!;
    assert.equal(bolivia.joined, undefined);
    assert.equal(bolivia.date.toISOString().slice(0, 10), '2025-04-29');
  });
  test('the chart’s last value is the member count, dated by the last member; founders share one step', () => {
    const series = getIlrsSeries(members, '/countries/');
    assert.equal(series.points.at(-1)!.count, members.length);
    assert.equal(series.points.at(-1)!.date.toISOString().slice(0, 10), '2025-04-29');
    assert.equal(series.points.at(-1)!.listedOnly, true);
    assert.deepEqual(
      series.points.map((p) => p.count),
      [2, 3, 4, 5],
    );
    const chart = getCountChart([series]);
    assert.equal(chart.panels[0]!.last.count, members.length);
    assert.ok(chart.panels[0]!.yTicks.at(-1)!.value >= members.length);
  });
  test('Artemis Accords signatories come from the countries, counts from the programme, oldest first', () => {
    assert.deepEqual(
      getArtemisSignatories(site).map((s) => s.iso),
      ['US', 'TH'],
    );
    const [accords] = getProgrammeSeries(site);
    assert.deepEqual(
      accords!.points.map((p) => p.count),
      [8, 43],
    );
    assert.equal(accords!.kind, 'reported');
  });
});

describe('the world map', () => {
  const members = getIlrsMembers(site);
  const signatories = getArtemisSignatories(site);
  const map = getWorldMap(members, signatories, getEarthPlaces(site));

  test('shades exactly the member states, each by its join year; undated members apart', () => {
    const shaded = map.countries.filter((c) => c.className !== 'fig-land');
    assert.deepEqual(shaded.map((c) => c.iso).sort(), members.map((m) => m.iso).sort());
    const classOf = new Map(shaded.map((c) => [c.iso, c.className]));
    assert.equal(classOf.get('CN'), classOf.get('RU'));
    assert.equal(classOf.get('KZ'), classOf.get('TH'));
    assert.notEqual(classOf.get('CN'), classOf.get('KZ'));
    assert.equal(classOf.get('BO'), map.undatedClass);
    assert.deepEqual(
      map.years.map((y) => y.label),
      ['2021', '2024'],
    );
  });
  test('outlines the Artemis signatories, members or not, and leaves other countries in the background', () => {
    assert.deepEqual(map.artemis.map((a) => a.key).sort(), ['countries/thailand', 'countries/united-states']);
    assert.equal(map.countries.find((c) => c.iso === 'US')!.className, 'fig-land');
    assert.ok(!map.countries.some((c) => c.iso === 'FR'));
    assert.ok(map.land.length > 1000);
  });
  test('marks the places on Earth from their coordinates, not the lunar ones', () => {
    assert.deepEqual(
      map.markers.map((m) => m.title),
      ['Baikonur'],
    );
    const [marker] = map.markers;
    assert.ok(marker!.x > map.width / 2 && marker!.y < map.height / 2, 'Baikonur is in the north-east quarter');
  });
  test('a state added to the content appears on the map and in the chart without any component changing', () => {
    const more = toSiteData(makeContent({ ...FILES, 'countries/mongolia.mdx': country('Mongolia', 'MN', ilrs('member', 'joined', '2026-01-15')) }).model);
    const after = getIlrsMembers(more);
    const newMap = getWorldMap(after, getArtemisSignatories(more), getEarthPlaces(more));
    assert.ok(newMap.countries.some((c) => c.iso === 'MN' && c.className.startsWith('fig-seq-')));
    assert.deepEqual(
      newMap.years.map((y) => y.label),
      ['2021', '2024', '2026'],
    );
    const series = getIlrsSeries(after, '/countries/');
    assert.equal(series.points.at(-1)!.count, members.length + 1);
  });
});

describe('map geometry', () => {
  test('ISO alpha-2 codes map to the atlas’s numeric ids; a code with no current number has no shape', () => {
    assert.equal(alpha2ToNumeric('KZ'), '398');
    assert.equal(alpha2ToNumeric('BO'), '068');
    assert.equal(getCountryShape('KZ')?.properties.name, 'Kazakhstan');
    assert.equal(getCountryShape('SU'), undefined);
    assert.equal(getCountryLocator('SU'), undefined);
  });
  test('join years get colour classes spread over the scale, binned when there are more years than steps', () => {
    assert.deepEqual(
      getYearClasses([2021, 2023, 2024, 2023]).map((y) => [y.label, y.className]),
      [
        ['2021', 'fig-seq-1'],
        ['2023', 'fig-seq-3'],
        ['2024', 'fig-seq-5'],
      ],
    );
    const many = getYearClasses([2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009]);
    assert.equal(many.length, 5);
    assert.deepEqual(
      many.map((y) => y.label),
      ['2000–2001', '2002–2003', '2004–2005', '2006–2007', '2008–2009'],
    );
  });
  test('a locator map is small, shows the country, and rings one too small to see', () => {
    const kz = getCountryLocator('KZ')!;
    assert.ok(kz.shape && kz.shape.length > 100);
    assert.equal(kz.ring, undefined);
    assert.ok(kz.land.length + kz.shape.length + kz.graticule.length < 12_000, 'a locator stays a few kilobytes');
    assert.ok(getCountryLocator('DJ')!.ring, 'Djibouti is ringed');
    const place = getPlaceLocator({ lat: 45.965, lon: 63.305 });
    assert.deepEqual([place.ring!.x, place.ring!.y], [place.width / 2, place.height / 2]);
  });
  test('compactPath drops points closer than the tolerance and rings that collapse', () => {
    assert.equal(compactPath('M0,0L0.5,0L10,0L10,10Z', 1), 'M0,0L10,0L10,10Z');
    assert.equal(compactPath('M0,0L0.2,0L0.3,0.1ZM5,5L9,5L9,9Z', 1), 'M5,5L9,5L9,9Z');
  });
});

describe('constellations', () => {
  const list = getConstellations(site);
  test('every entry with constellation data, largest first', () => {
    assert.deepEqual(
      list.map((c) => [c.system, c.satellites]),
      [
        ['GPS', 31],
        ['BeiDou', 30],
      ],
    );
    assert.deepEqual(
      list[1]!.orbits.map((o) => [o.orbit, o.count]),
      [
        ['meo', 24],
        ['igso', 3],
        ['geo', 3],
      ],
    );
  });
  test('the unit chart has one mark per satellite, one row per orbit type', () => {
    const chart = getUnitChart(list[1]!);
    assert.deepEqual(
      chart.rows.map((r) => [r.label, r.marks.length]),
      [
        ['MEO', 24],
        ['IGSO', 3],
        ['GEO', 3],
      ],
    );
  });
  test('the comparison has a bar per system whose segments add up to its satellites', () => {
    const chart = getComparisonChart(list);
    for (const [i, bar] of chart.bars.entries()) {
      assert.equal(bar.total, list[i]!.satellites);
      assert.equal(
        bar.segments.reduce((n, s) => n + s.count, 0),
        bar.total,
      );
    }
    assert.ok(chart.max >= 31);
  });
});

describe('the schema fields figures read', () => {
  const base = { title: 'C', description: 'D', sources: ['wire'], iso: 'KZ' };
  test('an ILRS member needs a join date, or the date a source first names it', () => {
    assert.ok(!SCHEMAS.countries.safeParse({ ...base, ilrs: { role: 'member', source: 'wire' } }).success);
    assert.ok(SCHEMAS.countries.safeParse({ ...base, ilrs: { role: 'member', listed: '2025-04-29', source: 'wire' } }).success);
  });
  test('satellites by orbit must add up to the total', () => {
    const c = { system: 'X', satellites: 30, counted: 'all', meo: 24, igso: 3, geo: 2, asOf: '2022-01-01', source: 'wire' };
    assert.ok(!SCHEMAS.programmes.safeParse({ title: 'P', description: 'D', sources: ['wire'], constellation: c }).success);
    assert.ok(SCHEMAS.programmes.safeParse({ title: 'P', description: 'D', sources: ['wire'], constellation: { ...c, geo: 3 } }).success);
  });
});
