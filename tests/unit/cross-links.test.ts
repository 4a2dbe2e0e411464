import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parseCrossLink } from '../../src/lib/content-index.ts';
import { checkContentIndex, resolveCrossLink } from '../../src/lib/resolve-links.ts';
import { remarkCrossLinks } from '../../src/markdown/remark-cross-links.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';

const site = makeContent({
  'sources/wire.yaml': SOURCE,
  'ilrs/overview.mdx': page('ILRS overview', 'See [[ilrs/members]].\n\n## Phases and dates\n\nText.'),
  'ilrs/members.mdx': page('ILRS members', 'Back to [[ilrs/overview#phases-and-dates|the phases]].\n\n## The [[ilrs/overview]] table\n\nX'),
  'countries/kazakhstan.mdx': page('Kazakhstan', 'Joined [[ilrs/members]].'),
});

function render(body: string, base = '/'): Root {
  const path = join(site.contentDir, 'ilrs/overview.mdx');
  const file = new VFile({ path, value: body });
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCrossLinks, { root: site.root, contentDir: site.contentDir, base, index: site.index });
  return processor.runSync(processor.parse(file), file) as Root;
}

function links(tree: Root): { url: string; text: string }[] {
  const found: { url: string; text: string }[] = [];
  visit(tree, 'link', (node: Link) => {
    found.push({ url: node.url, text: node.children.map((c) => ('value' in c ? c.value : '')).join('') });
  });
  return found;
}

describe('parseCrossLink', () => {
  test('reads collection, id, anchor and label', () => {
    assert.deepEqual(parseCrossLink('ilrs/members'), { collection: 'ilrs', id: 'members', anchor: undefined, label: undefined });
    assert.deepEqual(parseCrossLink('ilrs/members#table|the table'), { collection: 'ilrs', id: 'members', anchor: 'table', label: 'the table' });
    assert.deepEqual(parseCrossLink(' ilrs/members | spaced '), { collection: 'ilrs', id: 'members', anchor: undefined, label: 'spaced' });
  });
  test('rejects anything else', () => {
    for (const bad of ['members', 'ilrs/', '/members', 'a/b/c', 'ilrs/members|a|b']) assert.equal(parseCrossLink(bad), undefined, bad);
  });
});

describe('the cross-link plugin', () => {
  test('labels a link with the target’s title by default', () => {
    assert.deepEqual(links(render('See [[ilrs/members]].')), [{ url: '/ilrs/members/', text: 'ILRS members' }]);
  });
  test('uses an explicit label and keeps an anchor', () => {
    assert.deepEqual(links(render('See [[ilrs/members#the-ilrs-overview-table|the table]].')), [{ url: '/ilrs/members/#the-ilrs-overview-table', text: 'the table' }]);
  });
  test('prefixes the base path', () => {
    assert.deepEqual(links(render('[[countries/kazakhstan]] and [x](/ilrs/members/)', '/kb/')), [
      { url: '/kb/countries/kazakhstan/', text: 'Kazakhstan' },
      { url: '/kb/ilrs/members/', text: 'x' },
    ]);
  });
  test('resolves several links in one text and inside table cells', () => {
    const tree = render('| a | b |\n| - | - |\n| [[ilrs/members\\|M]] | [[countries/kazakhstan]] and [[ilrs/overview]] |');
    assert.deepEqual(links(tree).map((l) => l.text), ['M', 'Kazakhstan', 'ILRS overview']);
  });
  test('leaves code and external links alone', () => {
    assert.deepEqual(links(render('`[[ilrs/nothing]]` and [ext](https://example.org/x)')), [{ url: 'https://example.org/x', text: 'ext' }]);
  });
  test('fails the file with its position on an unknown target', () => {
    assert.throws(() => render('Line one.\n\nSee [[ilrs/membrs]].'), (error: Error & { line?: number; column?: number }) => {
      assert.match(error.message, /Unknown cross-link target "ilrs\/membrs": no such entry\. Did you mean "ilrs\/members"\?/);
      assert.equal(error.line, 3);
      assert.equal(error.column, 5);
      return true;
    });
  });
  test('fails on an unknown anchor and an unknown internal link', () => {
    assert.throws(() => render('[[ilrs/overview#phase]]'), /Unknown heading anchor "#phase" in "ilrs\/overview"\. Did you mean "phases-and-dates"\?/);
    assert.throws(() => render('[x](/ilrs/nope/)'), /Unknown internal link "\/ilrs\/nope\/"/);
    assert.throws(() => render('[x](#nowhere)'), /Unknown heading anchor "#nowhere"/);
  });
});

describe('the content index', () => {
  test('computes heading ids as rendered, cross-links replaced by their labels', () => {
    assert.deepEqual(site.index.entries.get('ilrs/members')?.headings, ['the-ilrs-overview-table']);
    assert.deepEqual(site.index.entries.get('ilrs/overview')?.headings, ['phases-and-dates']);
  });
  test('records each body link with its line and column', () => {
    assert.deepEqual(site.index.entries.get('countries/kazakhstan')?.links, [{ kind: 'cross-link', raw: '[[ilrs/members]]', line: 8, column: 8 }]);
  });
  test('finds nothing to complain about in valid content', () => {
    assert.deepEqual(checkContentIndex(site.index), []);
  });
  test('resolves with the same rules the checks use', () => {
    const result = resolveCrossLink(site.index, 'ilrs/overview#phases-and-dates', '/kb/');
    assert.deepEqual(result.ok && [result.href, result.label], ['/kb/ilrs/overview/#phases-and-dates', 'ILRS overview']);
  });
  test('reports a cross-link that a table bar split in two, and how to escape the bar', () => {
    const bad = makeContent({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('A', '| a | b |\n| - | - |\n| x | [[ilrs/a|label]] |') });
    assert.deepEqual(
      checkContentIndex(bad.index).map((p) => [p.line, p.column, p.message, p.hint]),
      [[10, 7, 'Unclosed cross-link "[[ilrs/a": no "]]" follows it in the same text.', 'Close it as [[collection/id]]. Inside a table cell, escape the label bar: [[collection/id\\|label]].']],
    );
  });
  test('reports every bad link of a site at once', () => {
    const bad = makeContent({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('A', '[[ilrs/b]] [[ilrs/c]]\n\n[[nope/x]]') });
    assert.deepEqual(
      checkContentIndex(bad.index).map((p) => [p.line, p.column, p.message]),
      [
        [8, 1, 'Unknown cross-link target "ilrs/b": no such entry.'],
        [8, 12, 'Unknown cross-link target "ilrs/c": no such entry.'],
        [10, 1, 'Unknown collection "nope" in cross-link.'],
      ],
    );
  });
});
