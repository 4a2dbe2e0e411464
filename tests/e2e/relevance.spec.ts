/**
 * The relevance suite: what readers type (names, acronyms, other spellings and scripts,
 * misspellings, phrases, questions) and facet-only browsing, each with the page that must
 * come in the top three and why, through the real search page against the real built index.
 * The ranking cases ask more: the topic or entity page comes before every source (or
 * event) that cites it, as src/lib/search-rank.ts orders them.
 */
import { expect, test } from './fixtures.ts';

type Case = [query: string, expected: string, why: string];

const QUERIES: Case[] = [
  // Names, as titled
  ['International Lunar Research Station', '/ilrs/overview/', 'the full name of the ILRS'],
  ['Baikonur', '/baikonur/overview/', 'the topic named by one word'],
  ['Baikonur lease', '/baikonur/lease/', 'an alias of the lease page'],
  ['BeiDou', '/beidou/overview/', 'the topic named by one word'],
  ['GLONASS', '/programmes/glonass/', 'a programme named by its acronym'],
  ['Galileo', '/programmes/galileo/', 'a programme title'],
  ['Artemis Accords', '/programmes/artemis-accords/', 'a programme title of two words'],
  ['Kazakhstan', '/countries/kazakhstan/', 'a country title'],
  ['Sary Shagan', '/places/sary-shagan/', 'a place title of two words'],
  ['Vostochny', '/places/vostochny-cosmodrome/', 'the short name of a place'],
  ['Yuri Gagarin', '/people/yuri-gagarin/', 'a person by full name'],
  ['Gagarin', '/people/yuri-gagarin/', 'a person by surname; his flight and mission come after'],
  ['Bleddyn Bowen', '/people/bleddyn-bowen/', 'an analyst by name'],
  ['Eva Seiwert', '/people/eva-seiwert/', 'an analyst by name'],
  ['Juliana Suess', '/people/juliana-suess/', 'an analyst by name'],
  ['Bruce McClintock', '/people/bruce-mcclintock/', 'an analyst by name'],
  ['Bill Nelson', '/people/bill-nelson/', 'an official by name'],
  ['Rogozin', '/people/dmitry-rogozin/', 'an official by surname alone'],
  ['Sputnik', '/missions/sputnik-1/', 'a mission by its usual short name'],
  ['Luna-25', '/missions/luna-25/', 'a mission name with a hyphen and a number'],
  ['Artemis II', '/missions/artemis-ii/', 'a Roman numeral kept apart from Artemis III'],
  ['Artemis III', '/missions/artemis-iii/', 'a Roman numeral kept apart from Artemis II'],
  ['Shanghai Cooperation Organization', '/organizations/shanghai-cooperation-organization/', 'an organization by full name'],
  ['Mercator Institute', '/organizations/merics/', 'the start of an organization name'],
  ['Belt and Road', '/programmes/belt-and-road-initiative/', 'a programme name with a stop word'],
  ['Wenchang', '/places/wenchang/', 'a spaceport by its short name'],
  ['Tyuratam', '/baikonur/overview/', 'the old railway-station name of Baikonur'],
  ['Leninsk', '/places/baikonur-city/', 'the Soviet name of the town'],
  ['Priozersk', '/places/sary-shagan/', 'the town of the Sary Shagan range'],
  ['Big Dipper', '/beidou/overview/', 'the English meaning of BeiDou'],
  ['Soyuz-5', '/baikonur/kazakhstan-diversification/', 'the rocket of the Baiterek project'],
  ['Baiterek', '/organizations/baiterek-jv/', 'the joint venture before the events about it'],
  // Acronyms
  ['ILRS', '/ilrs/overview/', 'the topic by its acronym'],
  ['ILRSCO', '/ilrs/ilrsco/', 'an acronym that contains another (ILRS)'],
  ['BDS', '/beidou/overview/', 'the official acronym of BeiDou'],
  ['BDS-3', '/beidou/constellation/', 'an acronym with a number'],
  ['CNSA', '/organizations/cnsa/', 'an agency acronym'],
  ['GPS', '/programmes/gps/', 'an acronym in the title in parentheses'],
  ['SCO', '/organizations/shanghai-cooperation-organization/', 'an acronym also inside APSCO'],
  ['RUSI', '/organizations/rusi/', 'a think-tank acronym'],
  ['MERICS', '/organizations/merics/', 'a think-tank acronym'],
  ['APSCO', '/organizations/apsco/', 'an acronym that contains SCO'],
  ['CASI', '/organizations/china-aerospace-studies-institute/', 'an institute acronym'],
  ['BRI', '/programmes/belt-and-road-initiative/', 'a programme acronym'],
  ['DSEL', '/organizations/deep-space-exploration-laboratory/', 'a laboratory acronym'],
  ['RFE/RL', '/organizations/rferl/', 'an acronym with a slash'],
  ['USSR', '/countries/soviet-union/', 'a country acronym'],
  // Other spellings: transliterations, older names, letters of other alphabets
  ['Roskosmos', '/organizations/roscosmos/', 'the German and Russian-style transliteration'],
  ['Roscosmos', '/organizations/roscosmos/', 'the English spelling'],
  ['Baykonur', '/baikonur/overview/', 'a transliteration with y'],
  ['Baiqongyr', '/baikonur/overview/', 'the Kazakh name in Latin letters, folded from Байқоңыр, not declared'],
  ['Baikonyr', '/places/baikonur-city/', 'the Kazakh-style spelling of the city'],
  ['Bei Dou', '/beidou/overview/', 'the name written as two words'],
  ['Compass', '/beidou/overview/', 'the older name of BeiDou'],
  ['Kazkosmos', '/organizations/kazcosmos/', 'a transliteration with k'],
  ['Kaz Cosmos', '/organizations/kazcosmos/', 'the name split in two, folded'],
  ["Chang'e 6", '/missions/change-6/', 'an apostrophe and a space'],
  ['Change-6', '/missions/change-6/', 'the name without its apostrophe'],
  ['Chang’e 4', '/missions/change-4/', 'a typographic apostrophe'],
  ['Nur-Sultan', '/places/astana/', 'the name Astana had from 2019 to 2022'],
  ['Nursultan', '/places/astana/', 'the older name without its hyphen, folded'],
  ['Akmola', '/places/astana/', 'an older name of Astana'],
  ['Kzyl-Orda', '/places/kyzylorda-region/', 'the Soviet spelling'],
  ['Qyzylorda', '/places/kyzylorda-region/', 'the Kazakh Latin spelling'],
  ['Kizilorda', '/places/kyzylorda-region/', 'a spelling with i for y, folded, not declared'],
  ['Juliana Süß', '/people/juliana-suess/', 'the German spelling'],
  ['Juliana Suss', '/people/juliana-suess/', 'ß typed as s, folded'],
  ['Bayterek', '/organizations/baiterek-jv/', 'a transliteration with y'],
  ['Tokayev', '/people/kassym-jomart-tokayev/', 'the usual English spelling'],
  ['Tokaev', '/people/kassym-jomart-tokayev/', 'the spelling without y, folded, not declared'],
  ['Toqaev', '/people/kassym-jomart-tokayev/', 'the Kazakh Latin spelling'],
  ['Kasym-Jomart Tokaev', '/people/kassym-jomart-tokayev/', 'both names in another transliteration, folded'],
  ['Nazarbaev', '/people/nursultan-nazarbayev/', 'the spelling without y'],
  ['Yury Borisov', '/people/yuri-borisov/', 'Yury for Yuri'],
  ['Jaslan Madiev', '/people/zhaslan-madiyev/', 'the Kazakh Latin spelling without its diacritic'],
  ['Talgat Mussabayev', '/people/talgat-musabayev/', 'a doubled letter'],
  ['Mussabayev', '/people/talgat-musabayev/', 'a doubled letter, surname alone'],
  ['Bagdat Mussin', '/people/bagdat-musin/', 'a doubled letter'],
  // Misspellings: a dropped, doubled or swapped letter (Pagefind has no typo tolerance)
  ['Baikonr', '/baikonur/overview/', 'a dropped letter'],
  ['Baikonurr', '/baikonur/overview/', 'a doubled last letter'],
  ['Gagrin', '/people/yuri-gagarin/', 'a dropped letter'],
  ['Roscosmso', '/organizations/roscosmos/', 'two letters swapped'],
  ['Kazakstan', '/countries/kazakhstan/', 'the h dropped'],
  ['Vostochnyy', '/places/vostochny-cosmodrome/', 'a doubled y, as some transliterations write it'],
  // Other scripts
  ['Байконур', '/baikonur/overview/', 'Russian'],
  ['Байқоңыр', '/baikonur/overview/', 'Kazakh'],
  ['Роскосмос', '/organizations/roscosmos/', 'Russian'],
  ['Токаев', '/people/kassym-jomart-tokayev/', 'Russian spelling of the surname'],
  ['Гагарин', '/people/yuri-gagarin/', 'Russian surname, transliterated to meet the Latin name'],
  ['Назарбаев', '/people/nursultan-nazarbayev/', 'Russian and Kazakh spelling'],
  ['Қазғарыш', '/organizations/kazcosmos/', 'the Kazakh name of Kazcosmos'],
  ['Восточный', '/places/vostochny-cosmodrome/', 'Russian'],
  ['Луна-25', '/missions/luna-25/', 'Russian with a hyphen'],
  ['СССР', '/countries/soviet-union/', 'Russian acronym'],
  ['Си Цзиньпин', '/people/xi-jinping/', 'the Russian transcription of a Chinese name'],
  ['北斗', '/beidou/overview/', 'Chinese'],
  ['北斗卫星导航系统', '/beidou/overview/', 'the full Chinese name'],
  ['国际月球科研站', '/ilrs/overview/', 'Chinese name of the ILRS'],
  ['嫦娥六号', '/missions/change-6/', 'Chinese name of the mission'],
  ['习近平', '/people/xi-jinping/', 'Chinese, simplified characters'],
  ['上海合作组织', '/organizations/shanghai-cooperation-organization/', 'Chinese'],
  // Phrases, quoted and not
  ['"junior partner"', '/views/suess-russia-junior-partner/', 'a quoted phrase'],
  ['junior partner', '/views/suess-russia-junior-partner/', 'the same phrase unquoted'],
  ['space soft power', '/views/suess-space-soft-power/', 'a phrase of three words'],
  ['duplicative organizations', '/views/seiwert-duplicative-organizations/', 'a phrase from a view'],
  ['launch services', '/views/bowen-launch-services-matter-more/', 'a phrase from a view title'],
  ['lease 2050', '/baikonur/lease/', 'a word and a year'],
  ['ILRS members', '/ilrs/members/', 'an acronym and a word'],
  ['ILRS roadmap', '/ilrs/roadmap/', 'an acronym and a word'],
  ['ILRS partners', '/ilrs/members/', 'another word for members'],
  ['moon base', '/ilrs/overview/', 'what the press calls the ILRS'],
  ['Kazakhstan moon base', '/ilrs/kazakhstan-accession/', 'how the press put Kazakhstan joining the ILRS'],
  ['Kazakhstan joins the ILRS', '/ilrs/kazakhstan-accession/', 'a sentence, with a stop word'],
  ['Russian lease of Baikonur', '/baikonur/lease/', 'a phrase with the words in another order than the title'],
  ['Baikonur rent', '/baikonur/lease/', 'another word for the lease'],
  ["Chang'e 6 far side", '/missions/change-6/', 'a name and what the mission did'],
  ['BeiDou exports', '/beidou/adoption-abroad/', 'a name and a word of its alias'],
  ['space silk road', '/programmes/belt-and-road-space-information-corridor/', 'the popular name of the corridor'],
  ['Artemis vs ILRS', '/ilrs/artemis-comparison/', 'a comparison as readers type it'],
  ['Luna 25 crash', '/missions/luna-25/', 'a mission and what befell it'],
  ['SCO summit Astana', '/events/2024-07-04-sco-summit-astana/', 'an event by its parts'],
  ['Xi Tokayev', '/people/kassym-jomart-tokayev/', 'two surnames, one spelt as readers do'],
  // Questions
  ['who runs baikonur', '/baikonur/overview/', 'a question: the topic, not the pages that mention running'],
  ['who leads Roscosmos', '/organizations/roscosmos/', 'a question about an agency'],
  ['what is the ILRS', '/ilrs/overview/', 'a question with stop words'],
  ['when was Baikonur founded', '/events/1955-06-02-baikonur-founded/', 'a question whose answer is an event'],
  ['who is Tokayev', '/people/kassym-jomart-tokayev/', 'a question about a person'],
  ['which countries joined the ILRS', '/ilrs/members/', 'a question about the member list'],
];

/**
 * Ranking cases: the topic or entity page first among the pages that match as well, that is
 * above every source (and, where `records` says so, every event) that cites it. Each listed
 * a source or event above the page before search-rank.ts.
 */
const BEFORE_RECORDS: [query: string, expected: string, records: RegExp, why: string][] = [
  ['Shanghai Cooperation Organization', '/organizations/shanghai-cooperation-organization/', /^\/sources\//, 'a source is titled with the same name'],
  ['Stiftung Wissenschaft und Politik', '/organizations/swp-berlin/', /^\/sources\//, 'an encyclopedia source has the same title'],
  ['Bagdat Musin', '/people/bagdat-musin/', /^\/sources\//, 'a source is titled with his name'],
  ['Bleddyn Bowen', '/people/bleddyn-bowen/', /^\/sources\//, 'his profile is a source with his name as title'],
  ['Bruce McClintock', '/people/bruce-mcclintock/', /^\/sources\//, 'his profile is a source with his name as title'],
  ['Juliana Suess', '/people/juliana-suess/', /^\/sources\//, 'her profile is a source with her name as title'],
  ['GLONASS', '/programmes/glonass/', /^\/sources\//, 'a reference source is titled GLONASS'],
  ["Chang'e 4", '/missions/change-4/', /^\/sources\//, 'the NASA catalogue source is titled Chang’e 4'],
  ['MERICS', '/organizations/merics/', /^\/sources\//, 'a press release declares MERICS as its alias'],
  ['RFE/RL', '/organizations/rferl/', /^\/sources\//, 'four RFE/RL articles are short sources that name it'],
  ['Roscosmos chief', '/organizations/roscosmos/', /^\/sources\//, 'sources have both words in their titles'],
  ['Kazcosmos', '/organizations/kazcosmos/', /^\/(sources|events)\//, 'the founding event declares the same aliases'],
  ['GLONASS history', '/programmes/glonass/', /^\/(sources|events)\//, 'events and a history source match both words'],
  ['Artemis Accords signatories', '/programmes/artemis-accords/', /^\/(sources|events)\//, 'each signing is a short event with both words'],
  ['CNSA head', '/organizations/cnsa/', /^\/(sources|events)\//, 'events and sources about its heads are short'],
  ['Deep Space Exploration Laboratory', '/organizations/deep-space-exploration-laboratory/', /^\/sources\//, 'three sources are titled with its name'],
  ['Vostochny Cosmodrome', '/places/vostochny-cosmodrome/', /^\/sources\//, 'two sources are titled with its name'],
  ['Talgat Musabayev', '/people/talgat-musabayev/', /^\/sources\//, 'his obituary is a source with his name'],
  ['Jared Isaacman', '/people/jared-isaacman/', /^\/sources\//, 'two sources report his confirmation by name'],
];

/** Facet-only browsing: filters in the address, no query. */
const BROWSING: [params: string, expected: string, why: string][] = [
  ['collection=Expert+views&person=Juliana+Suess', '/views/suess-russia-junior-partner/', 'two facets, AND'],
  ['collection=Events&sort=date-asc', '/events/1955-06-02-baikonur-founded/', 'the oldest event first'],
  ['collection=Events&country=Kazakhstan&sort=date-desc', '/events/2025-11-27-baikonur-site-31-damaged/', 'the newest Kazakh event first'],
  ['year=1957&collection=Events', '/events/1957-10-04-sputnik-1-launch/', 'a year'],
  ['year=1961&collection=Events', '/events/1961-04-12-gagarin-flight/', 'a year'],
  ['type=Think+tank', '/organizations/rusi/', 'a type'],
  ['type=Think+tank&type=University', '/organizations/durham-university/', 'two values of one facet, OR'],
  ['collection=Places&country=Kazakhstan', '/places/sary-shagan/', 'a collection and a country'],
];

async function resultPaths(page: import('@playwright/test').Page, search: string): Promise<string[]> {
  await page.goto(`/search/?${search}`);
  const links = page.locator('[data-results] .result-title');
  await expect(links.first()).toBeVisible();
  return links.evaluateAll((els) => els.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

for (const [query, expected, why] of QUERIES) {
  test(`“${query}” finds ${expected} in the top three (${why})`, async ({ page }) => {
    expect((await resultPaths(page, `q=${encodeURIComponent(query)}`)).slice(0, 3)).toContain(expected);
  });
}

for (const [query, expected, records, why] of BEFORE_RECORDS) {
  test(`“${query}” lists ${expected} first and before the records that cite it (${why})`, async ({ page }) => {
    const results = await resultPaths(page, `q=${encodeURIComponent(query)}`);
    const firstRecord = results.findIndex((path) => records.test(path));
    expect(results[0]).toBe(expected);
    expect(firstRecord === -1 || firstRecord > results.indexOf(expected)).toBe(true);
  });
}

for (const [params, expected, why] of BROWSING) {
  test(`browsing ${params} lists ${expected} (${why})`, async ({ page }) => {
    const results = await resultPaths(page, params);
    // A sorted browse must put the page in the top three; an unsorted one lists it among every match.
    expect(params.includes('sort=') ? results.slice(0, 3) : results).toContain(expected);
  });
}

test('the suite is large enough to mean something', () => {
  expect(QUERIES.length + BEFORE_RECORDS.length + BROWSING.length).toBeGreaterThanOrEqual(100);
  expect(BEFORE_RECORDS.length).toBeGreaterThanOrEqual(8);
  for (const [query, , why] of [...QUERIES, ...BROWSING]) expect(why, `a reason for ${query}`).not.toBe('');
});
