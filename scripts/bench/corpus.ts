/**
 * The synthetic corpus of the build benchmark (scripts/bench-build.ts): N pages over all
 * twelve collections, valid under the site's schemas, written both as this site's content
 * and as a Starlight site. Pure: no file system, and the same pages, byte for byte, for the
 * same page count and seed (a seeded PRNG picks every word, link and reference).
 *
 * Each page other than a source has about 800 words of running text drawn from a fixed
 * vocabulary with Zipf-like frequencies, 4–6 `##`/`###` headings, one GFM table, one list,
 * 5–10 cross-links to other generated pages (some to a heading that exists, some labelled),
 * and 1–3 footnotes citing source entries; its frontmatter references entries of the other
 * collections as the real site's do (a person's affiliations, a view's person and topics,
 * an event's place and countries, a mission's operators, a country's ILRS membership…).
 */
import GithubSlugger from 'github-slugger';
import { stringify } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../../src/lib/collections.ts';

export interface CorpusEntry {
  collection: CollectionName;
  id: string;
  title: string;
  description: string;
  /** Frontmatter (a source's whole YAML), with references as ids or `collection/id`. */
  data: Record<string, unknown>;
  /** Markdown body with `[[collection/id]]` cross-links; empty for sources. */
  body: string;
  /** Ids of the body's headings, in order, as github-slugger makes them. */
  headings: string[];
}

export interface Corpus {
  pages: number;
  seed: number;
  entries: CorpusEntry[];
}

/** Share of the pages each collection gets: many sources and topic pages, as on the real site. */
export const COLLECTION_WEIGHTS: Record<CollectionName, number> = {
  sources: 35,
  events: 15,
  ilrs: 5,
  baikonur: 5,
  beidou: 5,
  views: 6,
  people: 7,
  organizations: 6,
  countries: 5,
  places: 4,
  missions: 4,
  programmes: 3,
};

const VOCABULARY = (
  'the of and to in a on for with as by that from at its was is which were this their an be has had it after over between under ' +
  'lunar station orbit launch cosmodrome satellite navigation agreement treaty lease ministry agency rocket payload module lander ' +
  'rover sample return network ground relay signal clock constellation partner member roadmap phase mission crew habitat reactor ' +
  'telescope survey crater pole basin polar far side budget sanction component supplier investor market corridor route cooperation ' +
  'memorandum statement summit conference delegation policy analyst fellow institute university report archive timeline programme ' +
  'research space industry government state capital frontier steppe range test site pad complex booster engine stage fuel oxygen ' +
  'kerosene hydrazine tank fairing upper capsule descent ascent docking module antenna receiver terminal service coverage accuracy ' +
  'regional global positioning timing messaging augmentation monitoring farmland disaster imaging remote sensing microsatellite ' +
  'company venture contract tender debt payment rent infrastructure modernisation project plan schedule delay decade year month ' +
  'official minister president premier deputy head chief engineer designer cosmonaut astronaut pilot commander visit signing ' +
  'ceremony declaration communique framework principle accord partnership alliance bloc rival competitor leader founder newcomer ' +
  'observer participant signatory ratification parliament decree law regulation export licence technology transfer training ' +
  'education scholarship student laboratory centre facility observatory base outpost node hub corridor belt road initiative ' +
  'economy investment finance loan credit bank fund share revenue cost price value figure estimate count total number list table ' +
  'source article interview broadcast agency wire press release website page record document minutes transcript quote claim ' +
  'view argument reading assessment warning concern risk benefit interest influence prestige power status soft hard security ' +
  'defence military missile warning early radar tracking debris environment impact contamination fallout cleanup residents town ' +
  'city region province district border neighbour north south east west central asian chinese russian kazakh soviet american ' +
  'european international multilateral bilateral national joint shared common new old first second third last next early late ' +
  'planned proposed approved signed delayed cancelled completed launched landed returned failed operational active retired ' +
  'long short large small major minor key main core main secondary primary basic advanced heavy light reusable'
).split(' ');

/** Deterministic 32-bit PRNG (mulberry32). */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Page counts per collection, proportional to the weights, at least one each. */
export function collectionCounts(pages: number): Record<CollectionName, number> {
  const names = COLLECTIONS.map((c) => c.name);
  if (pages < names.length) throw new Error(`A corpus needs at least ${names.length} pages, one per collection.`);
  const total = names.reduce((sum, name) => sum + COLLECTION_WEIGHTS[name], 0);
  const spare = pages - names.length;
  const exact = names.map((name) => (spare * COLLECTION_WEIGHTS[name]) / total);
  const counts = exact.map((x) => 1 + Math.floor(x));
  // Largest remainders take the pages left over.
  const order = names.map((_, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < pages; k++) counts[order[k % order.length]!]! += 1;
  return Object.fromEntries(names.map((name, i) => [name, counts[i]!])) as Record<CollectionName, number>;
}

const TOPICS = ['ilrs', 'baikonur', 'beidou'] as const;
const PUBLISHERS = [
  'Example Wire',
  'Steppe Times',
  'Orbital Review',
  'Lunar Policy Institute',
  'Central Asia Monitor',
  'Space Affairs Daily',
  'Bench Gazette',
  'Navigation Weekly',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Planned {
  collection: CollectionName;
  id: string;
  title: string;
  description: string;
  /** Heading lines as written (`## Text`), and their ids. */
  headingLines: string[];
  headings: string[];
}

export function generateCorpus(options: { pages: number; seed?: number }): Corpus {
  const seed = options.seed ?? 20261126;
  const random = makeRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const pickSome = <T>(list: readonly T[], min: number, max: number): T[] => {
    const pool = [...list];
    const out: T[] = [];
    for (let n = Math.min(int(min, max), pool.length); n > 0; n--) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
    return out;
  };

  // Zipf-like word frequencies: the n-th word of the vocabulary comes about 1/n as often as the first.
  const cumulative: number[] = [];
  VOCABULARY.reduce((sum, _, i) => (cumulative[i] = sum + 1 / (i + 1)), 0);
  const totalWeight = cumulative.at(-1)!;
  const word = () => {
    const x = random() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return VOCABULARY[lo]!;
  };
  /** A content word (skipping the function words at the head of the vocabulary), for names and headings. */
  const noun = () => VOCABULARY[int(29, VOCABULARY.length - 1)]!;
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const words = (n: number) => Array.from({ length: n }, word);
  const date = (from = 1957, to = 2026) => `${int(from, to)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  /** A date of something done (checked, published, said): the content model refuses one after the build day. Same draws as `date`. */
  const pastDate = (from: number) => {
    const day = date(from, 2026);
    return day > '2026-11-25' ? '2026-11-25' : day;
  };
  const spelled = (iso: string) => `${Number(iso.slice(8))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

  // First pass: every page's id, title and headings, so that links and anchors can point at them.
  const counts = collectionCounts(options.pages);
  const planned: Planned[] = [];
  for (const { name } of COLLECTIONS) {
    for (let i = 1; i <= counts[name]; i++) {
      const n = String(i).padStart(4, '0');
      const [a, b] = [noun(), noun()];
      const id = name === 'events' ? `${date(1990, 2026)}-${a}-${b}-${n}` : `${a}-${b}-${n}`;
      const title = `${capital(a)} ${b} ${noun()} ${i}`;
      const description = `${capital(words(int(12, 20)).join(' '))}.`;
      const headingLines: string[] = [];
      const headings: string[] = [];
      if (name !== 'sources') {
        const slugger = new GithubSlugger();
        const count = int(4, 6);
        for (let h = 0; h < count; h++) {
          const level = h > 0 && headingLines[h - 1]!.startsWith('## ') && random() < 0.35 ? '###' : '##';
          const text = capital([noun(), ...words(int(1, 3))].join(' '));
          headingLines.push(`${level} ${text}`);
          headings.push(slugger.slug(text));
        }
      }
      planned.push({ collection: name, id, title, description, headingLines, headings });
    }
  }
  const ids = (collection: CollectionName) => planned.filter((p) => p.collection === collection).map((p) => p.id);
  const byCollection = Object.fromEntries(COLLECTIONS.map(({ name }) => [name, ids(name)])) as Record<CollectionName, string[]>;
  const withBody = planned.filter((p) => p.collection !== 'sources');
  const topicKeys = planned.filter((p) => (TOPICS as readonly string[]).includes(p.collection)).map((p) => `${p.collection}/${p.id}`);

  // Second pass: frontmatter and bodies.
  const entries: CorpusEntry[] = planned.map((page) => {
    const base = { title: page.title, description: page.description };
    if (page.collection === 'sources') {
      const publisher = pick(PUBLISHERS);
      const data: Record<string, unknown> = {
        ...base,
        publisher,
        url: `https://example.org/${publisher.toLowerCase().replace(/ /g, '-')}/${page.id}`,
        published: pastDate(1990),
        ...(random() < 0.6 ? { author: `${capital(noun())} ${capital(noun())}` } : {}),
        kind: pick(['news', 'report', 'official', 'reference', 'analysis']),
        reliability: pick(['primary', 'secondary', 'secondary']),
      };
      return { collection: page.collection, id: page.id, title: page.title, description: page.description, data, body: '', headings: [] };
    }

    const sources = pickSome(byCollection.sources, 1, 3);
    const others = withBody.filter((p) => p !== page);
    const related = pickSome(
      planned.filter((p) => p !== page),
      1,
      3,
    ).map((p) => `${p.collection}/${p.id}`);
    const common = { ...base, tags: pickSome(VOCABULARY.slice(29), 1, 3), related, sources };
    const data = frontmatter(page, common);

    // Cross-links: 5–10 to other pages with a body, a third to one of their headings, a third labelled.
    const linkCount = int(5, 10);
    const links: string[] = [];
    for (let l = 0; l < linkCount; l++) {
      const target = others.length > 0 ? pick(others) : page;
      const anchor = random() < 0.35 ? `#${pick(target.headings)}` : '';
      const label = random() < 0.35 ? `|${words(int(1, 3)).join(' ')}` : '';
      links.push(`[[${target.collection}/${target.id}${anchor}${label}]]`);
    }
    const footnotes = sources.map((id, i) => `[^${i + 1}]: [[sources/${id}]], as of ${spelled(date(1990, 2026))}.`);

    /** A sentence of n words; `insert` goes in the middle of it (a cross-link). */
    const sentence = (insert?: string) => {
      const list = words(int(10, 22));
      if (random() < 0.3) list[int(3, list.length - 3)] += ',';
      if (insert) list.splice(int(2, list.length - 1), 0, insert);
      return `${capital(list.join(' '))}.`;
    };
    let wordsLeft = 800;
    const paragraph = (budget: number, inserts: string[], note?: string) => {
      const sentences: string[] = [];
      let used = 0;
      while (used < budget || inserts.length > 0) {
        const s = sentence(inserts.shift());
        used += s.split(' ').length;
        sentences.push(s);
      }
      if (note) sentences[Math.min(1, sentences.length - 1)] = sentences[Math.min(1, sentences.length - 1)]!.replace(/\.$/, `.${note}`);
      wordsLeft -= used;
      return sentences.join(' ');
    };

    const tableLinks = links.splice(0, Math.min(2, links.length)).map((l) => l.replace('|', '\\|'));
    const listLinks = links.splice(0, Math.min(2, links.length));
    const blocks: string[] = [paragraph(90, links.splice(0, 1), '[^1]')];
    if (page.collection === 'views') {
      const quote = (data.quotes as { text: string }[])[0]!.text;
      blocks.push(`> ${quote}`);
      wordsLeft -= quote.split(' ').length;
    }
    const sections = page.headingLines.length;
    const tableAt = int(0, sections - 1);
    const listAt = (tableAt + int(1, sections - 1)) % sections;
    page.headingLines.forEach((line, s) => {
      blocks.push(line);
      if (s === tableAt) {
        const rows = Array.from(
          { length: int(3, 5) },
          (_, r) => `| ${tableLinks[r] ?? capital(words(2).join(' '))} | ${spelled(date())} | ${words(int(3, 6)).join(' ')} |`,
        );
        blocks.push([`| ${capital(noun())} | Date | Note |`, '| --- | --- | --- |', ...rows].join('\n'));
        wordsLeft -= rows.join(' ').split(' ').length / 2;
      }
      if (s === listAt) {
        const items = Array.from({ length: int(4, 6) }, (_, k) => `- ${capital(words(int(4, 9)).join(' '))}${listLinks[k] ? ` ${listLinks[k]}` : ''}`);
        blocks.push(items.join('\n'));
        wordsLeft -= items.join(' ').split(' ').length;
      }
      const share = Math.max(30, Math.round(wordsLeft / (sections - s)));
      const mine = links.splice(0, Math.ceil(links.length / (sections - s)));
      const note = s > 0 && s <= footnotes.length - 1 ? `[^${s + 1}]` : undefined;
      blocks.push(paragraph(share, mine, note));
    });
    blocks.push(footnotes.join('\n'));
    return {
      collection: page.collection,
      id: page.id,
      title: page.title,
      description: page.description,
      data,
      body: `${blocks.join('\n\n')}\n`,
      headings: page.headings,
    };
  });
  return { pages: options.pages, seed, entries };

  /** Each collection's own fields, referencing entries of the others. */
  function frontmatter(page: Planned, common: Record<string, unknown>): Record<string, unknown> {
    const one = (collection: CollectionName) => pick(byCollection[collection]);
    const some = (collection: CollectionName, min: number, max: number) => pickSome(byCollection[collection], min, max);
    const source = () => pick(common.sources as string[]);
    switch (page.collection) {
      case 'ilrs':
      case 'baikonur':
      case 'beidou':
        return {
          ...common,
          updated: pastDate(2024),
          order: int(1, 20),
          aliases: [
            page.title
              .split(' ')
              .slice(0, 3)
              .map((w) => w[0]!.toUpperCase())
              .join(''),
          ],
        };
      case 'views':
        return {
          ...common,
          updated: pastDate(2024),
          person: one('people'),
          affiliation: `${capital(noun())} at the ${capital(noun())} ${capital(noun())} Institute`,
          about: pickSome(topicKeys, 1, 2),
          quotes: [{ text: `${capital(words(int(8, 16)).join(' '))},`, source: source(), date: pastDate(2010) }],
        };
      case 'people':
        return {
          ...common,
          role: `${capital(noun())} ${noun()} analyst`,
          country: one('countries'),
          affiliations: some('organizations', 1, 2).map((organization, i) => ({
            organization,
            role: capital(`${noun()} ${noun()}`),
            asOf: pastDate(2015),
            ...(i > 0 ? { former: true } : {}),
            source: source(),
          })),
        };
      case 'organizations':
        return {
          ...common,
          kind: pick(['space-agency', 'ministry', 'company', 'think-tank', 'university', 'research-institute', 'intergovernmental', 'military']),
          acronym: page.title
            .split(' ')
            .slice(0, 3)
            .map((w) => w[0]!.toUpperCase())
            .join(''),
          ...(random() < 0.8 ? { country: one('countries') } : {}),
          founded: date(1950, 2020),
          headquarters: capital(noun()),
        };
      case 'countries': {
        const i = byCollection.countries.indexOf(page.id);
        const iso = String.fromCharCode(65 + (Math.floor(i / 26) % 26), 65 + (i % 26));
        const ilrs = i < 2 ? 'founder' : random() < 0.5 ? 'member' : undefined;
        return {
          ...common,
          iso,
          capital: capital(noun()),
          ...(ilrs ? { ilrs: { role: ilrs, joined: date(2021, 2025), instrument: 'Memorandum of understanding', source: source() } } : {}),
          ...(random() < 0.3 ? { artemisAccords: { signed: date(2020, 2026), source: source() } } : {}),
        };
      }
      case 'programmes':
        return { ...common, leads: some('organizations', 1, 2), countries: some('countries', 1, 3), started: date(1960, 2024) };
      case 'missions':
        return {
          ...common,
          operators: some('organizations', 1, 2),
          status: pick(['planned', 'in-flight', 'completed', 'failed']),
          launched: date(1957, 2030),
          launchSite: one('places'),
          programme: one('programmes'),
        };
      case 'events': {
        const day = page.id.slice(0, 10);
        const end = new Date(`${day}T00:00:00Z`);
        end.setUTCDate(end.getUTCDate() + 2);
        return {
          ...common,
          date: day,
          ...(random() < 0.2 ? { endDate: end.toISOString().slice(0, 10) } : {}),
          place: one('places'),
          countries: some('countries', 1, 3),
          organizations: some('organizations', 0, 2),
          people: some('people', 0, 2),
        };
      }
      case 'places': {
        const lunar = random() < 0.2;
        return {
          ...common,
          kind: lunar ? 'lunar-region' : pick(['spaceport', 'test-site', 'region', 'city', 'lake']),
          ...(lunar ? {} : { country: one('countries') }),
          coordinates: { lat: Math.round((random() * 180 - 90) * 1e4) / 1e4, lon: Math.round((random() * 360 - 180) * 1e4) / 1e4 },
        };
      }
      default:
        throw new Error(`No frontmatter for ${page.collection}.`);
    }
  }
}

const yaml = (data: Record<string, unknown>) => stringify(data, { lineWidth: 0 });

/** The corpus as this site's `content/` folder: path (`ilrs/x.mdx`) → text. */
export function toOurContent(corpus: Corpus): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of corpus.entries) {
    if (entry.collection === 'sources') files.set(`sources/${entry.id}.yaml`, yaml(entry.data));
    else files.set(`${entry.collection}/${entry.id}.mdx`, `---\n${yaml(entry.data)}---\n\n${entry.body}`);
  }
  return files;
}

/** Matches a cross-link as written in the corpus (pipes in table cells escaped). */
export const BENCH_CROSS_LINK = /\[\[([a-z]+)\/([a-z0-9-]+)(?:#([a-z0-9-]+))?(?:\\?\|([^\]]*))?\]\]/g;

/**
 * The corpus as Starlight's `src/content/docs/`: path (`ilrs/x.mdx`) → text, plus a home
 * page. Frontmatter is `title` and `description` only; cross-links become Markdown links
 * `[label](/collection/id/#anchor)`; each source becomes a page of its fields.
 */
export function toStarlightDocs(corpus: Corpus): Map<string, string> {
  const titles = new Map(corpus.entries.map((e) => [`${e.collection}/${e.id}`, e.title]));
  const link = (_: string, collection: string, id: string, anchor?: string, label?: string) =>
    `[${label ?? titles.get(`${collection}/${id}`) ?? id}](/${collection}/${id}/${anchor ? `#${anchor}` : ''})`;
  const files = new Map<string, string>();
  for (const entry of corpus.entries) {
    const front = `---\n${yaml({ title: entry.title, description: entry.description })}---\n\n`;
    let body = entry.body.replace(BENCH_CROSS_LINK, link);
    if (entry.collection === 'sources') {
      const d = entry.data as { publisher: string; url: string; published: string; author?: string; kind: string };
      body = `${entry.description}\n\n- Publisher: ${d.publisher}\n- Published: ${d.published}\n${d.author ? `- Author: ${d.author}\n` : ''}- Kind: ${d.kind}\n- Original: [${d.url}](${d.url})\n`;
    }
    files.set(`${entry.collection}/${entry.id}.mdx`, front + body);
  }
  const home = COLLECTIONS.map(({ name, label }) => {
    const first = corpus.entries.find((e) => e.collection === name)!;
    return `- [${label}](/${name}/${first.id}/)`;
  });
  files.set(
    'index.mdx',
    `---\n${yaml({ title: 'Orbital Dossier benchmark', description: `A generated corpus of ${corpus.pages} pages.` })}---\n\n${home.join('\n')}\n`,
  );
  return files;
}

/** Words of running text in a body, without link targets or footnote markers. */
export function countWords(body: string): number {
  const text = body.replace(BENCH_CROSS_LINK, (_, _c, _i, _a, label?: string) => label ?? 'link').replace(/\[\^\d+\]:?/g, ' ');
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}
