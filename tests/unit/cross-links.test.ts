import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parseCrossLink } from '../../src/lib/content-model.ts';
import { resolveCrossLink } from '../../src/lib/resolve-links.ts';
import { remarkCrossLinks } from '../../src/markdown/remark-cross-links.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';

const site = makeContent({
  'sources/wire.yaml': SOURCE,
  'ilrs/overview.mdx': page('ILRS overview', 'See [[ilrs/members]].\n\n## Phases and dates\n\nText.'),
  'ilrs/members.mdx': page('ILRS members', 'Back to [[ilrs/overview#phases-and-dates|the phases]].\n\n## The [[ilrs/overview|overview]] table\n\nX'),
  'countries/kazakhstan.mdx': page('Kazakhstan', 'Joined [[ilrs/members]].', 'iso: KZ\n'),
});

interface Rendered {
  url: string;
  text: string;
}

/** Runs the plugin on a body as the file `ilrs/overview.<ext>` and lists the links and CrossLink elements it made. */
function render(body: string, options: { base?: string; ext?: 'mdx' | 'md'; labels?: Record<string, string> } = {}): Rendered[] {
  const ext = options.ext ?? 'mdx';
  const file = new VFile({ path: join(site.contentDir, `ilrs/overview.${ext}`), value: body });
  if (options.labels) file.data.astro = { frontmatter: { crossLinkLabels: options.labels } };
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (ext === 'mdx') processor.use(remarkMdx);
  processor.use(remarkCrossLinks, { contentDir: site.contentDir, base: options.base ?? '/' });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const found: Rendered[] = [];
  visit(tree, (node) => {
    if (node.type === 'link') found.push({ url: node.url, text: node.children.map((c) => ('value' in c ? c.value : '')).join('') });
    if (node.type === 'mdxJsxTextElement' && node.name === 'CrossLink') {
      const attr = (name: string) => node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
      found.push({ url: String(attr('href')), text: `<CrossLink to="${String(attr('to'))}">` });
    }
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
  test('in MDX, leaves an unlabelled link’s label to the CrossLink component, which knows the titles when the page renders', () => {
    assert.deepEqual(render('See [[ilrs/members]].'), [{ url: '/ilrs/members/', text: '<CrossLink to="ilrs/members">' }]);
  });
  test('in Markdown, labels it with the title handed in with the body', () => {
    assert.deepEqual(render('See [[ilrs/members]].', { ext: 'md', labels: { 'ilrs/members': 'ILRS members' } }), [
      { url: '/ilrs/members/', text: 'ILRS members' },
    ]);
  });
  test('uses an explicit label and keeps an anchor', () => {
    assert.deepEqual(render('See [[ilrs/members#the-ilrs-overview-table|the table]].'), [{ url: '/ilrs/members/#the-ilrs-overview-table', text: 'the table' }]);
  });
  test('prefixes the base path', () => {
    assert.deepEqual(render('[[countries/kazakhstan|KZ]] and [x](/ilrs/members/) and [y](../members/#top) and [z](#here)', { base: '/kb/' }), [
      { url: '/kb/countries/kazakhstan/', text: 'KZ' },
      { url: '/kb/ilrs/members/', text: 'x' },
      { url: '/kb/ilrs/members/#top', text: 'y' },
      { url: '#here', text: 'z' },
    ]);
  });
  test('resolves several links in one text and inside table cells', () => {
    const found = render('| a | b |\n| - | - |\n| [[ilrs/members\\|M]] | [[countries/kazakhstan]] and [[ilrs/overview\\|O]] |');
    assert.deepEqual(
      found.map((l) => l.text),
      ['M', '<CrossLink to="countries/kazakhstan">', 'O'],
    );
  });
  test('leaves code and external links alone', () => {
    assert.deepEqual(render('`[[ilrs/nothing]]` and [ext](https://example.org/x)'), [{ url: 'https://example.org/x', text: 'ext' }]);
  });
  test('fails the file with its position on a malformed cross-link', () => {
    assert.throws(
      () => render('Line one.\n\nSee [[members]].'),
      (error: Error & { line?: number; column?: number }) => {
        assert.match(error.message, /Unexpected cross-link "\[\[members\]\]"/);
        assert.equal(error.line, 3);
        assert.equal(error.column, 5);
        return true;
      },
    );
  });
  test('leaves files outside the content folder alone', () => {
    const file = new VFile({ path: '/elsewhere/page.mdx', value: '[[ilrs/members]]' });
    const processor = unified().use(remarkParse).use(remarkCrossLinks, { contentDir: site.contentDir, base: '/' });
    const tree = processor.runSync(processor.parse(file), file) as Root;
    let links = 0;
    visit(tree, 'link', () => void links++);
    assert.equal(links, 0);
  });
});

describe('the content model', () => {
  test('computes heading ids as rendered, a labelled cross-link counted by its label', () => {
    assert.deepEqual(site.model.entries.get('ilrs/members')?.headings, ['the-overview-table']);
    assert.deepEqual(site.model.entries.get('ilrs/overview')?.headings, ['phases-and-dates']);
  });
  test('records each body link with its line and column', () => {
    assert.deepEqual(site.model.entries.get('countries/kazakhstan')?.links, [{ kind: 'cross-link', raw: '[[ilrs/members]]', line: 9, column: 8 }]);
  });
  test('finds nothing to complain about in valid content', () => {
    assert.deepEqual(site.model.problems, []);
  });
  test('resolves with the same rules the checks use', () => {
    const result = resolveCrossLink(site.model, 'ilrs/overview#phases-and-dates', '/kb/');
    assert.deepEqual(result.ok && [result.href, result.label], ['/kb/ilrs/overview/#phases-and-dates', 'ILRS overview']);
  });
  test('reports a cross-link that a table bar split in two, and how to escape the bar', () => {
    const bad = makeContent({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('A', '| a | b |\n| - | - |\n| x | [[ilrs/a|label]] |') });
    assert.deepEqual(
      bad.model.problems.map((p) => [p.line, p.column, p.message, p.hint]),
      [
        [
          10,
          7,
          'Unclosed cross-link "[[ilrs/a": no "]]" follows it in the same text.',
          'Close it as [[collection/id]]. Inside a table cell, escape the label bar: [[collection/id\\|label]].',
        ],
      ],
    );
  });
  test('reports every bad link of a site at once', () => {
    const bad = makeContent({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('A', '[[ilrs/b]] [[ilrs/c]]\n\n[[nope/x]]') });
    assert.deepEqual(
      bad.model.problems.map((p) => [p.line, p.column, p.message]),
      [
        [8, 1, 'Unknown cross-link target "ilrs/b": no such entry.'],
        [8, 12, 'Unknown cross-link target "ilrs/c": no such entry.'],
        [10, 1, 'Unknown collection "nope" in cross-link.'],
      ],
    );
  });
  test('refuses a cross-link without a label in a heading, whose id would follow the target’s title', () => {
    const bad = makeContent({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('A', '## About [[ilrs/a]]\n\nText.') });
    assert.deepEqual(
      bad.model.problems.map((p) => [p.line, p.message]),
      [[8, 'Unlabelled cross-link "[[ilrs/a]]" in a heading: the heading\'s id would change with the target\'s title.']],
    );
  });
  test('builds the link graph from body links and references, once for the whole site', () => {
    assert.deepEqual(site.model.graph.incoming.get('ilrs/members'), ['countries/kazakhstan', 'ilrs/overview']);
    assert.deepEqual(site.model.graph.incoming.get('sources/wire'), ['countries/kazakhstan', 'ilrs/members', 'ilrs/overview']);
  });
});
