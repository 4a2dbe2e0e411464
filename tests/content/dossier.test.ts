/**
 * The dossier's own content rules: every expert quote present and exact, dense
 * cross-linking with no orphan, every claim's source listed and cited, and no sentence of
 * the source article copied.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readContentModel } from '../../src/fs/content-model-fs.ts';
import { getReferences } from '../../src/lib/link-graph.ts';
import { getBodyTargets } from '../../src/lib/resolve-links.ts';
import { entryToKey, type EntryKey } from '../../src/lib/urls.ts';

const ROOT = join(import.meta.dirname, '../..');
const model = readContentModel(ROOT, join(ROOT, 'content'));
const entries = [...model.entries.values()];
const SEED_DIR = join(ROOT, '../shared/seed');
const seed = existsSync(SEED_DIR) ? readdirSync(SEED_DIR).map((f) => readFileSync(join(SEED_DIR, f), 'utf8')).join('\n') : undefined;

/** The article's 13 expert quotes, exactly as published, with who said them. */
const QUOTES: [string, string][] = [
  ['bruce-mcclintock', 'China intends to equal and eventually surpass the United States as a space power,'],
  ['bruce-mcclintock', "The recent return of a lunar sample mission from the moon demonstrates China's financial commitment to lunar exploration and their technical ability to achieve their long-term goals."],
  ['eva-seiwert', 'The Chinese are trying to build their own duplicative organizations as a race develops to see who can get the most support for their programs,'],
  ['eva-seiwert', "For Kazakhstan, it's clear that they see China as a future source of knowledge, training, and financing for their space industry."],
  ['juliana-suess', "I don't think Russia has many other choices,"],
  ['juliana-suess', "Russia has a lot of legacy and expertise, but that's all very much behind it. When it comes to space, Russia looks more like the junior partner in the China-Russia relationship."],
  ['juliana-suess', 'China is actively building up its status as a space power, and this lunar base that Kazakhstan has signed up to is just one piece of a constant effort for space soft power,'],
  ['bleddyn-bowen', 'The moon is for scientific or research projects,'],
  ['bleddyn-bowen', "Whereas a launch service agreement would mean putting more satellites into the Earth's orbit, which matters because it provides the daily infrastructure that we rely on and is central to the space economy."],
  ['bleddyn-bowen', 'China is much more attractive now as an investor with money to spend,'],
  ['bleddyn-bowen', "China is also a massive market where anything that Kazakhstan's space industry produces is likely to find a use."],
  ['bleddyn-bowen', 'Kazakhstan needs to diversify and bring in new countries to pay for what Russia used to provide,'],
  ['bleddyn-bowen', 'Partnering more with the Chinese is part of that plan for the future.'],
];

function bodyTargets(key: string): EntryKey[] {
  return getBodyTargets(model, model.entries.get(key)!);
}

describe('the content', () => {
  test('passes every schema and link check', () => {
    assert.deepEqual(model.problems, []);
  });

  test('fills every collection to the planned size', () => {
    const count = (c: string) => entries.filter((e) => e.collection === c).length;
    const minimum: Record<string, number> = { ilrs: 6, baikonur: 5, beidou: 4, views: 8, people: 4, organizations: 15, countries: 15, events: 25, sources: 10, places: 5, missions: 5, programmes: 5 };
    for (const [collection, n] of Object.entries(minimum)) assert.ok(count(collection) >= n, `${collection}: ${count(collection)} < ${n}`);
    const years = entries.filter((e) => e.collection === 'events').map((e) => String(e.raw.date).slice(0, 4)).sort();
    assert.ok(years[0]! <= '1955' && years.at(-1)! >= '2025', `events span ${years[0]}–${years.at(-1)}`);
  });
});

describe('the expert quotes', () => {
  const found = entries
    .filter((e) => e.collection === 'views')
    .flatMap((e) => ((e.raw.quotes as { text: string }[]) ?? []).map((q) => ({ view: e.id, person: String(e.raw.person), text: q.text })));

  test('are all there, each once, attributed to the right person', () => {
    for (const [person, text] of QUOTES) {
      const matches = found.filter((q) => q.text === text);
      assert.equal(matches.length, 1, `quote ${matches.length === 0 ? 'missing' : 'repeated'}: ${text}`);
      assert.equal(matches[0]!.person, person, `"${text}" is attributed to ${matches[0]!.person}`);
    }
    assert.equal(found.length, QUOTES.length, 'a view carries a quote that is not in the article');
  });

  test('are exact to the character, as the article prints them', { skip: seed ? false : 'the seed article is not beside this checkout' }, () => {
    for (const [, text] of QUOTES) assert.ok(seed!.includes(`"${text}"`), `not in the article as written: ${text}`);
  });
});

describe('cross-linking', () => {
  const { graph } = model;

  test('every page’s body links to at least three other entries', () => {
    const thin = entries
      .filter((e) => e.collection !== 'sources')
      .map((e) => ({ key: entryToKey(e), n: new Set(bodyTargets(entryToKey(e)).map(entryToKey).filter((k) => k !== entryToKey(e) && !k.startsWith('sources/'))).size }))
      .filter(({ n }) => n < 3);
    assert.deepEqual(thin, []);
  });

  test('no entry is an orphan: each is linked from another', () => {
    assert.deepEqual(entries.map(entryToKey).filter((key) => (graph.incoming.get(key) ?? []).length === 0), []);
  });
});

describe('sources', () => {
  test('every source a page cites is listed on it, and every listed source is cited', () => {
    const problems: string[] = [];
    for (const e of entries.filter((x) => x.collection !== 'sources' && x.file.endsWith('.mdx'))) {
      const listed = new Set(((e.raw.sources as string[]) ?? []).map(String));
      const quoted = new Set(((e.raw.quotes as { source: string }[]) ?? []).map((q) => q.source));
      const cited = new Set(bodyTargets(entryToKey(e)).filter((t) => t.collection === 'sources').map((t) => t.id));
      for (const id of cited) if (!listed.has(id)) problems.push(`${e.file}: cites sources/${id} without listing it`);
      for (const id of listed) if (!cited.has(id) && !quoted.has(id)) problems.push(`${e.file}: lists ${id} but never cites it`);
    }
    assert.deepEqual(problems, []);
  });

  test('every source entry is cited somewhere', () => {
    const cited = new Set<string>();
    for (const e of entries) {
      for (const ref of getReferences(e.data)) if (ref.collection === 'sources') cited.add(ref.id);
    }
    assert.deepEqual(entries.filter((e) => e.collection === 'sources' && !cited.has(e.id)).map((e) => e.file), []);
  });
});

describe('own words', { skip: seed ? false : 'the seed article is not beside this checkout' }, () => {
  test('no run of ten words of the article appears in a page, outside the quotes', () => {
    const words = (text: string) => text.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9']+/g) ?? [];
    const quoteWords = new Set(QUOTES.map(([, q]) => words(q).join(' ')));
    const article = words(seed!.replace(/"[^"]*"/g, ' | '));
    const grams = new Set<string>();
    for (let i = 0; i + 10 <= article.length; i++) grams.add(article.slice(i, i + 10).join(' '));
    const copied: string[] = [];
    for (const e of entries) {
      const text = readFileSync(e.absolutePath, 'utf8').replace(/"[^"\n]*"|“[^”\n]*”/g, ' | ');
      const w = words(text);
      for (let i = 0; i + 10 <= w.length; i++) {
        const gram = w.slice(i, i + 10).join(' ');
        if (grams.has(gram) && ![...quoteWords].some((q) => q.includes(gram))) copied.push(`${e.file}: "${gram}"`);
      }
    }
    assert.deepEqual(copied, []);
  });
});
