/**
 * The build benchmark's corpus (scripts/bench/corpus.ts), generated in memory: the same on
 * every run, valid under the site's schemas, and every cross-link, Starlight link and anchor
 * it writes lands on a page and heading that exist. The files are read back with a real
 * Markdown parser and github-slugger, not with the generator's own bookkeeping.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { collectionCounts, countWords, generateCorpus, toOurContent, toStarlightDocs } from '../../scripts/bench/corpus.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../src/lib/collections.ts';
import { SCHEMAS } from '../../src/schemas/index.ts';
import { buildContentModel } from '../../src/lib/build-model.ts';

const PAGES = 80;
const corpus = generateCorpus({ pages: PAGES });
const ours = toOurContent(corpus);
const starlight = toStarlightDocs(corpus);
const ourPages = readOurs(ours);

interface ReadPage {
  data: Record<string, unknown>;
  tree: Root;
  headings: string[];
}

function textOf(node: RootContent | Heading): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/** A file of either site read back: frontmatter, Markdown tree, heading ids as Astro makes them. */
function read(text: string, yamlOnly = false): ReadPage {
  if (yamlOnly) return { data: parseYaml(text) as Record<string, unknown>, tree: { type: 'root', children: [] }, headings: [] };
  const m = text.match(/^---\n([\s\S]*?)\n---\n/);
  assert.ok(m, 'expected frontmatter');
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text.slice(m[0].length)) as Root;
  const slugger = new GithubSlugger();
  const headings: string[] = [];
  visit(tree, 'heading', (h: Heading) => void headings.push(slugger.slug(textOf(h))));
  return { data: parseYaml(m[1]!) as Record<string, unknown>, tree, headings };
}

/** Our content: `collection/id` → page. */
function readOurs(files: Map<string, string>): Map<string, ReadPage> {
  return new Map([...files].map(([path, text]) => [path.replace(/\.(mdx|yaml)$/, ''), read(text, path.endsWith('.yaml'))]));
}

/** Every cross-link of our content whose target or anchor does not exist, as "from → link". */
function brokenCrossLinks(pages: Map<string, ReadPage>): string[] {
  const broken: string[] = [];
  for (const [key, page] of pages) {
    visit(page.tree, 'text', (node) => {
      for (const [raw, inner] of node.value.matchAll(/\[\[([^[\]\n]+?)\]\]/g)) {
        const m = inner!.match(/^([a-z]+)\/([a-z0-9-]+)(?:#([a-z0-9-]+))?(?:\|(.+))?$/);
        const target = m && pages.get(`${m[1]}/${m[2]}`);
        if (!m || !target || (m[3] !== undefined && !target.headings.includes(m[3]))) broken.push(`${key} → ${raw}`);
      }
    });
  }
  return broken;
}

/** Cross-links of one page, as [target key, anchor]. */
function crossLinks(page: ReadPage): [string, string | undefined][] {
  const found: [string, string | undefined][] = [];
  visit(page.tree, 'text', (node) => {
    for (const [, target, anchor] of node.value.matchAll(/\[\[([a-z]+\/[a-z0-9-]+)(?:#([a-z0-9-]+))?[^\]]*\]\]/g)) found.push([target!, anchor]);
  });
  return found;
}

describe('benchmark corpus', () => {
  test('is the same on every run for the same size and seed, and another for another seed', () => {
    const again = generateCorpus({ pages: PAGES });
    assert.deepEqual([...toOurContent(again)], [...ours]);
    assert.deepEqual([...toStarlightDocs(again)], [...starlight]);
    assert.notDeepEqual([...toOurContent(generateCorpus({ pages: PAGES, seed: 7 }))], [...ours]);
  });

  test('spreads the pages over all twelve collections, most of them sources', () => {
    for (const n of [12, 60, 1000, 5000]) {
      const counts = collectionCounts(n);
      assert.equal(
        Object.values(counts).reduce((a, b) => a + b, 0),
        n,
      );
      for (const name of COLLECTION_NAMES) assert.ok(counts[name] >= 1, `${name} at ${n}`);
      assert.equal(Math.max(...Object.values(counts)), counts.sources);
    }
    assert.throws(() => collectionCounts(11));
    assert.equal(ours.size, PAGES);
    assert.deepEqual(new Set([...ours.keys()].map((k) => k.split('/')[0])), new Set(COLLECTION_NAMES));
  });

  test('every frontmatter is valid under its collection schema, references included', () => {
    const pages = ourPages;
    const files = [...ours].map(([path, source]) => ({ collection: path.split('/')[0]!, path: `/bench/content/${path}`, source, digest: path }));
    assert.deepEqual(buildContentModel('/bench', '/bench/content', files).problems, [], 'the content model refuses nothing');
    for (const [key, page] of pages) {
      const result = SCHEMAS[key.split('/')[0] as CollectionName].safeParse(page.data);
      assert.ok(result.success, `${key}: ${result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    // References spread across the collections.
    const of = (c: string) => [...pages].filter(([k]) => k.startsWith(`${c}/`)).map(([, p]) => p.data);
    assert.ok(of('people').every((d) => (d.affiliations as unknown[]).length > 0));
    assert.ok(of('missions').every((d) => (d.operators as unknown[]).length > 0));
    assert.ok(of('events').every((d) => typeof d.place === 'string' && (d.countries as unknown[]).length > 0));
    assert.ok(of('countries').some((d) => d.ilrs !== undefined));
    assert.ok(of('views').every((d) => typeof d.person === 'string' && (d.about as unknown[]).length > 0));
  });

  test('every page but a source has ~800 words, 4–6 headings, a table, a list, 5–10 cross-links and a cited source', () => {
    const pages = ourPages;
    for (const [key, page] of pages) {
      if (key.startsWith('sources/')) continue;
      const body = ours.get(`${key}.mdx`)!.split(/^---$/m).slice(2).join('---');
      const words = countWords(body);
      assert.ok(words >= 700 && words <= 950, `${key}: ${words} words`);
      assert.ok(page.headings.length >= 4 && page.headings.length <= 6, `${key}: ${page.headings.length} headings`);
      const count = (type: string) => page.tree.children.filter((n) => n.type === type).length;
      assert.equal(count('table'), 1, key);
      assert.ok(count('list') >= 1, key);
      const toPages = crossLinks(page).filter(([target]) => !target.startsWith('sources/'));
      assert.ok(toPages.length >= 5 && toPages.length <= 10, `${key}: ${toPages.length} cross-links`);
      const notes = page.tree.children.filter((n) => n.type === 'footnoteDefinition');
      assert.ok(notes.length >= 1, `${key}: no footnote`);
      for (const note of notes) assert.match(textOf(note), /\[\[sources\/[a-z0-9-]+\]\]/, key);
      assert.ok((page.data.sources as string[]).length >= 1, key);
    }
    const anchored = [...pages.values()].flatMap(crossLinks).filter(([, anchor]) => anchor !== undefined);
    assert.ok(anchored.length > PAGES / 2, `only ${anchored.length} links to headings`);
  });

  test('every cross-link lands on a page and heading that exist (and a wrong one is caught)', () => {
    const pages = ourPages;
    assert.deepEqual(brokenCrossLinks(pages), []);
    const [key, text] = [...ours].find(([k, t]) => !k.startsWith('sources/') && /\[\[[a-z]+\/[a-z0-9-]+#[a-z0-9-]+/.test(t))!;
    const page = key.replace(/\.mdx$/, '');
    const tampered = new Map(pages).set(page, read(text.replace(/(\[\[[a-z]+\/[a-z0-9-]+#)([a-z0-9-]+)/, '$1no-such-heading')));
    assert.deepEqual(
      brokenCrossLinks(tampered).map((b) => b.split(' → ')[0]),
      [page],
    );
    const missing = new Map(pages).set(page, read(text.replace(/\[\[([a-z]+)\/([a-z0-9-]+)/, '[[$1/no-such-page')));
    assert.deepEqual(
      brokenCrossLinks(missing).map((b) => b.split(' → ')[0]),
      [page],
    );
  });

  test('the Starlight pages match one to one, with title and description only and every link resolved', () => {
    assert.deepEqual(
      [...starlight.keys()]
        .filter((k) => k !== 'index.mdx')
        .map((k) => k.replace(/\.mdx$/, ''))
        .sort(),
      [...ours.keys()].map((k) => k.replace(/\.(mdx|yaml)$/, '')).sort(),
    );
    const pages = new Map([...starlight].map(([path, text]) => [path === 'index.mdx' ? '' : path.replace(/\.mdx$/, ''), read(text)]));
    let links = 0;
    for (const [key, page] of pages) {
      assert.deepEqual(Object.keys(page.data).sort(), ['description', 'title'], key);
      assert.doesNotMatch(starlight.get(key ? `${key}.mdx` : 'index.mdx')!, /\[\[|\]\]/, key);
      visit(page.tree, 'link', (link) => {
        if (/^https:/.test(link.url)) return;
        const m = link.url.match(/^\/([a-z]+\/[a-z0-9-]+)\/(?:#([a-z0-9-]+))?$/);
        assert.ok(m, `${key}: ${link.url}`);
        const target = pages.get(m[1]!);
        assert.ok(target, `${key}: ${link.url}`);
        if (m[2]) assert.ok(target.headings.includes(m[2]), `${key}: ${link.url}`);
        links += 1;
      });
    }
    const ourLinks = [...ourPages.values()].reduce((n, p) => n + crossLinks(p).length, 0);
    assert.equal(links, ourLinks + 12, 'one Markdown link per cross-link, plus the home page’s twelve');
  });
});
