/**
 * A rebuild after an edit reuses the previous build's caches (parsed content, rendered bodies)
 * and gives exactly what a cold build of the edited content gives, including what the edit
 * changes on other pages: labels of cross-links to the edited entry, backlink lists, and
 * the checks that an edit can break elsewhere.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { makeFixture, ROOT, type BuildResult } from './helpers.ts';

function build(content: string, outDir: string, cacheDir: string): BuildResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: cacheDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

function assertSameTree(warm: string, cold: string): void {
  const a = tree(warm);
  const b = tree(cold);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), 'the same files');
  const differing = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path);
  assert.deepEqual(differing, [], 'the same bytes in every file');
}

const temp = () => mkdtempSync(join(tmpdir(), 'od-incremental-'));

/** Builds the fixture (with `files` added) once to fill a cache, applies `edit` to its content, and builds again with the warm cache. */
function editAndRebuild(edit: (content: string) => void, files: Record<string, string> = {}): { content: string; warm: BuildResult } {
  const work = temp();
  const content = makeFixture(files, work);
  const cache = join(work, 'cache');
  const first = build(content, join(work, 'first'), cache);
  assert.equal(first.status, 0, first.output);
  edit(content);
  return { content, warm: build(content, join(work, 'warm'), cache) };
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} holds "${from}"`);
  writeFileSync(file, text.replace(from, to));
}

/** A topic page that no other page links to. */
const topic = (title: string, order: number) =>
  `---\ntitle: ${title}\ndescription: A page no other page links to.\nupdated: 2026-11-25\norder: ${order}\nsources: [example-news-2024]\n---\n\nText.\n`;

const page = (outDir: string, path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');

describe('a rebuild after editing one entry', () => {
  test('renders again only the bodies the edit reaches and equals a cold build, the new title relabelling every link and backlink to it', () => {
    const { content, warm } = editAndRebuild((dir) => replaceIn(join(dir, 'ilrs/beta.md'), 'title: Beta station', 'title: Beta outpost'));
    assert.equal(warm.status, 0, warm.output);
    assert.match(warm.output, /Content model #1: \d+ files read, 1 parsed/, 'only the edited file was parsed again');
    assert.match(warm.output, /\[orbital-dossier:ilrs\] Rendered 2 of 2 bodies/, 'the edited body, and the MDX body whose link to it is relabelled');
    for (const untouched of ['people', 'organizations', 'countries', 'events']) {
      assert.doesNotMatch(warm.output, new RegExp(`\\[orbital-dossier:${untouched}\\] Rendered`), `no body of ${untouched} is rendered again`);
    }
    assert.match(warm.output, /\/organizations\/test-institute\/index\.html \(cached\)/, 'a page the edit does not reach is reused');
    assert.doesNotMatch(warm.output, /\/ilrs\/alpha\/index\.html \(cached\)/, 'a page linking to the edited entry is rendered again');
    assert.match(warm.output, /\/guide\/index\.html \(cached\)/, 'the guide, made from the schemas alone, is reused');
    const cold = build(content, join(temp(), 'cold'), join(temp(), 'cache'));
    assert.equal(cold.status, 0, cold.output);
    assertSameTree(warm.outDir, cold.outDir);
    const alpha = page(warm.outDir, 'ilrs/alpha');
    assert.match(alpha, /<a [^>]*href="\/ilrs\/beta\/" class="cross-link">Beta outpost<\/a>/, 'the unlabelled cross-link in the unchanged MDX page');
    assert.doesNotMatch(alpha, /Beta station/);
    const markdown = readFileSync(join(warm.outDir, 'ilrs/alpha.md'), 'utf8');
    assert.match(markdown, /\[Beta outpost\]\(https:\/\/[^)]+\/ilrs\/beta\/\)/, 'the cross-link in the Markdown of the unchanged page');
    assert.doesNotMatch(markdown, /Beta station/);
    assert.match(readFileSync(join(warm.outDir, 'llms.txt'), 'utf8'), /\[Beta outpost\]\([^)]+\/ilrs\/beta\.md\)/);
  });

  test('a body edit renders its own page again, not the pages that link to it or that it links to', () => {
    const { content, warm } = editAndRebuild((dir) => replaceIn(join(dir, 'ilrs/beta.md'), 'A footnote here.', 'A footnote, here.'));
    assert.equal(warm.status, 0, warm.output);
    assert.doesNotMatch(warm.output, /\/ilrs\/beta\/index\.html \(cached\)/, 'the edited page is rendered again');
    assert.match(warm.output, /\/ilrs\/alpha\/index\.html \(cached\)/, 'a page linking to it shows its title, not its body');
    assert.match(warm.output, /\/sources\/example-news-2024\/index\.html \(cached\)/, 'a page it links to is reused');
    const cold = build(content, join(temp(), 'cold'), join(temp(), 'cache'));
    assert.equal(cold.status, 0, cold.output);
    assertSameTree(warm.outDir, cold.outDir);
    assert.match(page(warm.outDir, 'ilrs/beta'), /A footnote, here\./);
  });

  test('relabels the links of a Markdown page to an MDX entry whose title changed', () => {
    const { content, warm } = editAndRebuild((dir) => replaceIn(join(dir, 'ilrs/alpha.mdx'), 'title: Alpha station', 'title: Alpha base'));
    assert.equal(warm.status, 0, warm.output);
    const cold = build(content, join(temp(), 'cold'), join(temp(), 'cache'));
    assertSameTree(warm.outDir, cold.outDir);
    assert.match(page(warm.outDir, 'ilrs/beta'), /class="cross-link">Alpha base<\/a>/);
    assert.match(page(warm.outDir, 'ilrs/beta'), /Alpha base/, 'the backlink list names the new title');
  });

  test('a retitled entry relabels the sidebar of every page of its collection, even one that does not link to it', () => {
    const files = { 'ilrs/gamma.md': topic('Gamma station', 3), 'ilrs/delta.md': topic('Delta station', 4), 'ilrs/epsilon.md': topic('Epsilon station', 5) };
    const { content, warm } = editAndRebuild((dir) => replaceIn(join(dir, 'ilrs/epsilon.md'), 'title: Epsilon station', 'title: Epsilon outpost'), files);
    assert.equal(warm.status, 0, warm.output);
    assert.doesNotMatch(warm.output, /\/ilrs\/gamma\/index\.html \(cached\)/, 'a page whose sidebar lists the entry is rendered again');
    assert.match(warm.output, /\/organizations\/test-institute\/index\.html \(cached\)/, 'a page of another collection is reused');
    const cold = build(content, join(temp(), 'cold'), join(temp(), 'cache'));
    assert.equal(cold.status, 0, cold.output);
    assertSameTree(warm.outDir, cold.outDir);
    const gamma = page(warm.outDir, 'ilrs/gamma');
    assert.match(gamma, /<nav id="sidebar"[^]*href="\/ilrs\/epsilon\/"[^>]*>Epsilon outpost<\/a>/);
    assert.doesNotMatch(gamma, /Epsilon station/);
  });

  test('a removed entry that nothing links to leaves no page behind: the pages the last build copied ahead are the ones this build emits', () => {
    const { content, warm } = editAndRebuild((dir) => rmSync(join(dir, 'ilrs/gamma.md')), { 'ilrs/gamma.md': topic('Gamma station', 3) });
    assert.equal(warm.status, 0, warm.output);
    assert.match(warm.output, /\[orbital-dossier:output-seed\] \d+ files of the last build copied ahead, 2 of them no longer built and removed\./);
    assert.match(warm.output, /\/organizations\/test-institute\/index\.html \(cached\)/, 'the other pages are reused');
    assert.equal(existsSync(join(warm.outDir, 'ilrs/gamma')), false, 'no folder left for the removed page');
    assert.equal(existsSync(join(warm.outDir, 'ilrs/gamma.md')), false, 'nor its Markdown');
    const cold = build(content, join(temp(), 'cold'), join(temp(), 'cache'));
    assert.equal(cold.status, 0, cold.output);
    assertSameTree(warm.outDir, cold.outDir);
  });

  test('a removed heading fails the pages that link to its anchor', () => {
    const { warm } = editAndRebuild((dir) => replaceIn(join(dir, 'ilrs/beta.md'), '## Launch plans', 'Launch plans, no longer a heading.'));
    assert.notEqual(warm.status, 0);
    assert.match(warm.output, /content\/ilrs\/alpha\.mdx:\d+:\d+ UnknownHeadingAnchor\n\s+Unknown heading anchor "#launch-plans" in "ilrs\/beta"/);
  });

  test('a removed entry fails every page that references it', () => {
    const { warm } = editAndRebuild((dir) => rmSync(join(dir, 'people/jane-doe.mdx')));
    assert.notEqual(warm.status, 0);
    assert.match(warm.output, /content\/ilrs\/alpha\.mdx:\d+:\d+ UnknownCrossLinkTarget\n\s+Unknown cross-link target "people\/jane-doe"/);
    assert.match(warm.output, /content\/views\/jane-doe-alpha\.mdx:\d+ MissingReference\n\s+\*\*person\*\*: no entry "jane-doe" in collection "people"/);
  });
});
