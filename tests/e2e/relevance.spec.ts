/**
 * The relevance suite: what readers type (names, acronyms, other spellings and scripts,
 * quoted phrases) and facet-only browsing, each with the page that must come in the top
 * three, through the real search page against the real built index.
 */
import { expect, test } from './fixtures.ts';

const QUERIES: [query: string, expected: string][] = [
  // Names
  ['International Lunar Research Station', '/ilrs/overview/'],
  ['Baikonur', '/baikonur/overview/'],
  ['Baikonur lease', '/baikonur/lease/'],
  ['BeiDou', '/beidou/overview/'],
  ['GLONASS', '/programmes/glonass/'],
  ['Galileo', '/programmes/galileo/'],
  ['Artemis Accords', '/programmes/artemis-accords/'],
  ['Kazakhstan', '/countries/kazakhstan/'],
  ['Sary Shagan', '/places/sary-shagan/'],
  ['Vostochny', '/places/vostochny-cosmodrome/'],
  ['Yuri Gagarin', '/people/yuri-gagarin/'],
  ['Bleddyn Bowen', '/people/bleddyn-bowen/'],
  ['Eva Seiwert', '/people/eva-seiwert/'],
  ['Juliana Suess', '/people/juliana-suess/'],
  ['Bruce McClintock', '/people/bruce-mcclintock/'],
  ['Sputnik', '/missions/sputnik-1/'],
  ['Luna-25', '/missions/luna-25/'],
  ['Shanghai Cooperation Organization', '/organizations/shanghai-cooperation-organization/'],
  ['Mercator Institute', '/organizations/merics/'],
  ['Belt and Road', '/programmes/belt-and-road-initiative/'],
  // Acronyms
  ['ILRS', '/ilrs/overview/'],
  ['ILRSCO', '/ilrs/ilrsco/'],
  ['BDS', '/beidou/overview/'],
  ['BDS-3', '/beidou/constellation/'],
  ['CNSA', '/organizations/cnsa/'],
  ['GPS', '/programmes/gps/'],
  ['SCO', '/organizations/shanghai-cooperation-organization/'],
  ['RUSI', '/organizations/rusi/'],
  ['MERICS', '/organizations/merics/'],
  ['APSCO', '/organizations/apsco/'],
  ['CASI', '/organizations/china-aerospace-studies-institute/'],
  ['BRI', '/programmes/belt-and-road-initiative/'],
  ['DSEL', '/organizations/deep-space-exploration-laboratory/'],
  // Other spellings and scripts
  ['Roskosmos', '/organizations/roscosmos/'],
  ['Roscosmos', '/organizations/roscosmos/'],
  ['Baykonur', '/baikonur/overview/'],
  ['Байконур', '/baikonur/overview/'],
  ['北斗', '/beidou/overview/'],
  ['Kazkosmos', '/organizations/kazcosmos/'],
  ["Chang'e 6", '/missions/change-6/'],
  ['Change-6', '/missions/change-6/'],
  ['Nur-Sultan', '/places/astana/'],
  ['Juliana Süß', '/people/juliana-suess/'],
  ['Bayterek', '/organizations/baiterek-jv/'],
  ['Tyuratam', '/baikonur/overview/'],
  ['USSR', '/countries/soviet-union/'],
  ['СССР', '/countries/soviet-union/'],
  // Phrases, quoted and not
  ['"junior partner"', '/views/suess-russia-junior-partner/'],
  ['junior partner', '/views/suess-russia-junior-partner/'],
  ['space soft power', '/views/suess-space-soft-power/'],
  ['duplicative organizations', '/views/seiwert-duplicative-organizations/'],
  ['launch services', '/views/bowen-launch-services-matter-more/'],
  ['lease 2050', '/baikonur/lease/'],
  ['ILRS members', '/ilrs/members/'],
  ['ILRS roadmap', '/ilrs/roadmap/'],
];

/** Facet-only browsing: filters in the address, no query. */
const BROWSING: [params: string, expected: string][] = [
  ['collection=Expert+views&person=Juliana+Suess', '/views/suess-russia-junior-partner/'],
  ['collection=Events&sort=date-asc', '/events/1955-06-02-baikonur-founded/'],
  ['collection=Events&country=Kazakhstan&sort=date-desc', '/events/2025-11-27-baikonur-site-31-damaged/'],
  ['year=1957&collection=Events', '/events/1957-10-04-sputnik-1-launch/'],
  ['year=1961&collection=Events', '/events/1961-04-12-gagarin-flight/'],
  ['type=Think+tank', '/organizations/rusi/'],
  ['type=Think+tank&type=University', '/organizations/durham-university/'],
  ['collection=Places&country=Kazakhstan', '/places/sary-shagan/'],
];

async function topResults(page: import('@playwright/test').Page, search: string): Promise<string[]> {
  await page.goto(`/search/?${search}`);
  const links = page.locator('[data-results] .result-title');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((els) => els.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs;
}

for (const [query, expected] of QUERIES) {
  test(`“${query}” finds ${expected} in the top three`, async ({ page }) => {
    expect(await topResults(page, `q=${encodeURIComponent(query)}`)).toContain(expected);
  });
}

for (const [params, expected] of BROWSING) {
  test(`browsing ${params} lists ${expected}`, async ({ page }) => {
    const results = await topResults(page, params);
    if (params.includes('sort=')) expect(results).toContain(expected);
    else {
      // Browsing lists every match; the expected page must be among them.
      const all = await page.locator('[data-results] .result-title').evaluateAll((els) => els.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(all).toContain(expected);
    }
  });
}

test('the suite is large enough to mean something', () => {
  expect(QUERIES.length + BROWSING.length).toBeGreaterThanOrEqual(40);
});
