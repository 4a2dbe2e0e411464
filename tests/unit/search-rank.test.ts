import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getQueryNameKeys, getSpellingMatches, toNameKey, toSearchName } from '../../src/lib/search-name.ts';
import { rankResults, type SearchTier } from '../../src/lib/search-rank.ts';

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

describe('other spellings of a name fold to its key', () => {
  for (const [name, others] of [
    ['Baikonur', ['Baykonur', 'baikonur', 'BAIKONUR', 'Baikkonur']],
    ['Baikonyr', ['Baiqonyr', 'Baykonyr']],
    ['BeiDou', ['Bei Dou', 'Beidou', 'bei-dou']],
    ['Roscosmos', ['Roskosmos', 'RosCosmos', 'Roscosmoss']],
    ['Kazcosmos', ['Kazkosmos', 'KazCosmos', 'Kaz Cosmos']],
    ['Kassym-Jomart Tokayev', ['Kassymjomart Tokayev', 'Qasym-Jomart Toqaev', 'Kasym-Jomart Tokaev', 'Kassym Jomart Tokaev']],
    ['Tokayev', ['Tokaev', 'Toqaev', 'Tokayyev']],
    ['Nazarbayev', ['Nazarbaev', 'Nazarbaiev']],
    ['Talgat Musabayev', ['Talgat Mussabayev', 'Talgat Musabaev']],
    ['Bagdat Musin', ['Bagdat Mussin', 'Bağdat Musin']],
    ['Zhaslan Madiyev', ['Jaslan Mädiev', 'Zhaslan Madiev']],
    ['Juliana Suess', ['Juliana Suess', 'juliana suess']],
    ['Süß', ['Suss', 'Süss']],
    ['Yuri Borisov', ['Yury Borisov', 'Yuriy Borisov']],
    ['Nur-Sultan', ['Nursultan', 'Nur Sultan']],
    ["Chang'e 6", ['Change-6', 'Chang’e-6', 'change 6', 'CHANG E 6']],
    ['Kyzylorda', ['Qyzylorda', 'Kizilorda']],
    ['Sary Shagan', ['Sary-Shagan', 'Saryshagan', 'Сары-Шаган']],
    ['Roscosmos', ['Роскосмос']],
    ['Tokayev', ['Токаев', 'Тоқаев']],
    ['Baiqongyr', ['Байқоңыр', 'Baikongyr']],
    ['Baikonur', ['Байконур']],
    ['Yuri Gagarin', ['Юрий Гагарин']],
    ['Zhaslan', ['Жаслан']],
  ] as const) {
    for (const other of others) test(`${other} is ${name}`, () => assert.equal(toNameKey(other), toNameKey(name)));
  }
});

describe('folding keeps different names apart', () => {
  for (const [a, b] of [
    ['Baikonur', 'Baikonur city'],
    ['Chang’e-6', 'Chang’e-7'],
    ['Artemis II', 'Artemis III'],
    ['Luna-25', 'Luna 2'],
    ['GPS', 'GPS-3'],
    ['Xi Jinping', 'Shan Zhongde'],
    ['Wu Weiren', 'Wu Yanhua'],
    ['Baikonur', 'Baikonur Cosmodrome'],
    ['Plesetsk', 'Vostochny'],
    ['SCO', 'APSCO'],
  ] as const) {
    test(`${a} is not ${b}`, () => assert.notEqual(toNameKey(a), toNameKey(b)));
  }
  test('Chinese characters keep their own key: their names are declared as aliases', () => {
    assert.equal(toNameKey('北斗 卫星'), '北斗卫星');
    assert.notEqual(toNameKey('北斗'), toNameKey('BeiDou'));
  });
  test('punctuation alone is no name', () => {
    assert.equal(toNameKey(' - ? '), '');
  });
});

describe('the names a query is looked up by', () => {
  test('the whole query first, then every run of its words, longest first', () => {
    assert.deepEqual(getQueryNameKeys('Roscosmos chief'), ['roskosmoschief', 'roskosmos', 'chief']);
  });
  test('hyphenated words are looked up alone too, and a word comes once', () => {
    assert.deepEqual(getQueryNameKeys('Sary-Shagan'), ['sarishagan', 'sari', 'shagan']);
    assert.deepEqual(getQueryNameKeys('lease lease'), ['leaselease', 'lease']);
  });
  test('a long query is looked up by its first words only', () => {
    const keys = getQueryNameKeys(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    assert.equal(keys.length, 1 + (6 * 7) / 2);
    assert.ok(!keys.includes('w6'));
  });
  test('a query of punctuation has no name', () => {
    assert.deepEqual(getQueryNameKeys('“ ” -'), []);
  });
});

describe('rankResults', () => {
  const tiers: Record<string, SearchTier> = { topic: 'page', entity: 'page', event: 'event', source: 'source', source2: 'source' };
  const tierOf = (id: string) => tiers[id] ?? 'page';
  const ids = (results: { id: string }[]) => results.map((r) => r.id);

  test('at equal scores, topic and entity pages come before events, events before sources', () => {
    const matches = [
      { id: 'source', score: 1 },
      { id: 'event', score: 1 },
      { id: 'topic', score: 1 },
    ];
    assert.deepEqual(ids(rankResults({ matches, exact: [], named: [], tierOf })), ['topic', 'event', 'source']);
  });
  test('a source that matches far better still comes first', () => {
    const matches = [
      { id: 'source', score: 10 },
      { id: 'topic', score: 1 },
    ];
    assert.deepEqual(ids(rankResults({ matches, exact: [], named: [], tierOf })), ['source', 'topic']);
  });
  test('an entry the whole query names comes first, and among several the topic page before the source with the same name', () => {
    const matches = [
      { id: 'source', score: 9 },
      { id: 'other', score: 5 },
      { id: 'topic', score: 1 },
    ];
    const exact = [
      { id: 'source', score: 0 },
      { id: 'topic', score: 0 },
    ];
    assert.deepEqual(ids(rankResults({ matches, exact, named: [], tierOf })), ['topic', 'source', 'other']);
  });
  test('an entry named inside the query is lifted above an equal match, and listed even without a text match', () => {
    const matches = [
      { id: 'source', score: 3 },
      { id: 'other', score: 2 },
      { id: 'entity', score: 1.5 },
    ];
    assert.deepEqual(ids(rankResults({ matches, exact: [], named: [{ id: 'entity', score: 0 }], tierOf })), ['entity', 'other', 'source']);
    const unmatched = rankResults({ matches: [{ id: 'other', score: 2 }], exact: [], named: [{ id: 'topic', score: 0 }], tierOf });
    assert.deepEqual(ids(unmatched), ['topic', 'other']);
  });
  test('when nothing matches the text, named topic and entity pages still come before named events and sources', () => {
    const named = [
      { id: 'source', score: 0 },
      { id: 'event', score: 0 },
      { id: 'entity', score: 0 },
    ];
    assert.deepEqual(ids(rankResults({ matches: [], exact: [], named, tierOf })), ['entity', 'event', 'source']);
  });
  test('each result once, whatever lists it', () => {
    const r = { id: 'topic', score: 1 };
    assert.deepEqual(ids(rankResults({ matches: [r], exact: [r], named: [r], tierOf })), ['topic']);
  });
});

describe('getSpellingMatches', () => {
  const names = ['baikonur', 'iurigagarin', 'gagarin', 'roskosmos', 'kazahstan', 'bds', 'gps', 'glonas'].map(toNameKey);
  for (const [typo, meant] of [
    ['Baikonr', 'baikonur'],
    ['Baikonurr', 'baikonur'],
    ['Gagrin', 'gagarin'],
    ['Yuri Gagrin', 'iurigagarin'],
    ['Roscosmso', 'roskosmos'],
    ['Kazakstan', 'kazahstan'],
    ['Glonass', 'glonas'],
  ] as const) {
    test(`${typo} may mean ${meant}`, () => assert.ok(getSpellingMatches(typo, names).includes(meant)));
  }
  test('short words are not guessed at: three letters are too few to tell a typo from another acronym', () => {
    assert.deepEqual(getSpellingMatches('BDX', names), []);
    assert.deepEqual(getSpellingMatches('GPZ', names), []);
  });
  test('two letters swapped in a long name are a typo; two letters changed in a short one make another word', () => {
    assert.deepEqual(getSpellingMatches('Biakonur', ['baikonur']), ['baikonur']);
    assert.deepEqual(getSpellingMatches('Gagenin', ['gagarin']), []);
  });
});
