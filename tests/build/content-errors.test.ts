import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildFixture, topicPage, type BuildResult } from './helpers.ts';

describe('the minimal fixture site', () => {
  let built: BuildResult | undefined;
  const minimal = () => (built ??= buildFixture({}));
  test('builds without error, with every page and the search index', () => {
    const result = minimal();
    assert.equal(result.status, 0, result.output);
    for (const page of [
      'index.html',
      'ilrs/alpha/index.html',
      'ilrs/beta/index.html',
      'sources/example-news-2024/index.html',
      '404.html',
      'pagefind/pagefind.js',
    ]) {
      assert.ok(existsSync(join(result.outDir, page)), `missing ${page}`);
    }
  });

  test('renders GFM in .mdx and .md alike: tables, footnotes, strikethrough, task lists, autolinks', () => {
    const result = minimal();
    assert.equal(result.status, 0, result.output);
    for (const page of ['ilrs/alpha/index.html', 'ilrs/beta/index.html']) {
      const html = readFileSync(join(result.outDir, page), 'utf8');
      assert.match(html, /<table>[\s\S]*<\/table>/, `${page}: table`);
      assert.match(html, /<del>[^<]+<\/del>/, `${page}: strikethrough`);
      assert.match(html, /<input type="checkbox" checked disabled\/?>/, `${page}: task list`);
      assert.match(html, /<a [^>]*href="https:\/\/example\.org[^"]*"[^>]*>https:\/\/example\.org/, `${page}: autolink`);
      assert.equal(html.match(/<section[^>]*data-footnotes/g)?.length, 1, `${page}: one footnotes section`);
      // Footnote numbers and the hidden footnotes heading stay out of search excerpts.
      assert.match(
        html,
        /<h2 [^>]*id="footnote-label"[^>]*data-pagefind-ignore|<h2 [^>]*data-pagefind-ignore[^>]*id="footnote-label"/,
        `${page}: footnotes heading`,
      );
      assert.match(
        html,
        /<sup data-pagefind-ignore(="")?><a href="#user-content-fn-[^"]+" id="user-content-fnref-[^"]+" data-footnote-ref/,
        `${page}: footnote reference`,
      );
    }
  });
});

const source = (url: string, published = '2024-01-01') =>
  `title: A source\npublisher: Someone\nurl: ${url}\npublished: ${published}\nkind: news\ndescription: A source made by a test.\n`;

/** Each class of bad content: the files to write, and what the message must say. */
const CASES: { name: string; files: Record<string, string | null>; expect: RegExp[] }[] = [
  {
    name: 'an unknown cross-link target names the file, line and nearest id',
    files: { 'ilrs/gamma.mdx': topicPage('First line.\n\nSee [[ilrs/alpah]] for more.') },
    expect: [/content\/ilrs\/gamma\.mdx:10:5/, /Unknown cross-link target "ilrs\/alpah"/, /Did you mean "ilrs\/alpha"\?/],
  },
  {
    name: 'a cross-link to an unknown collection suggests the nearest collection',
    files: { 'ilrs/gamma.mdx': topicPage('See [[peple/jane-doe]].') },
    expect: [/content\/ilrs\/gamma\.mdx:8:5/, /Unknown collection "peple"/, /Did you mean "people"\?/],
  },
  {
    name: 'a malformed cross-link says what form is expected',
    files: { 'ilrs/gamma.mdx': topicPage('See [[alpha]].') },
    expect: [/content\/ilrs\/gamma\.mdx:8:5/, /Unexpected cross-link "\[\[alpha\]\]", expected \[\[collection\/id\]\]/],
  },
  {
    name: 'an unknown heading anchor names the anchor and the nearest heading',
    files: { 'ilrs/gamma.mdx': topicPage('See [[ilrs/beta#launch-plan]].') },
    expect: [/content\/ilrs\/gamma\.mdx:8:5/, /Unknown heading anchor "#launch-plan" in "ilrs\/beta"/, /Did you mean "launch-plans"\?/],
  },
  {
    name: 'an internal Markdown link to no page is refused',
    files: { 'ilrs/gamma.mdx': topicPage('Read [the overview](/ilrs/alpah/).') },
    expect: [/content\/ilrs\/gamma\.mdx:8:6/, /Unknown internal link "\/ilrs\/alpah\/"/, /Did you mean "\/ilrs\/alpha\/"\?/],
  },
  {
    name: 'a dangling frontmatter reference names the field and the nearest id',
    files: { 'ilrs/gamma.mdx': topicPage('Body.', '').replace('sources: [example-news-2024]', 'sources: [example-news-2042]') },
    expect: [/content\/ilrs\/gamma\.mdx:5/, /\*\*sources\.0\*\*: no entry "example-news-2042" in collection "sources"/, /Did you mean "example-news-2024"\?/],
  },
  {
    name: 'a dangling related entry is refused',
    files: { 'ilrs/gamma.mdx': topicPage('Body.', 'related: [ilrs/delta]\n') },
    expect: [/content\/ilrs\/gamma\.mdx:6/, /\*\*related\.0\*\*: no entry "delta" in collection "ilrs"/],
  },
  {
    name: 'a duplicate id names both files',
    files: { 'ilrs/alpha.md': topicPage('Again.') },
    expect: [/content\/ilrs\/alpha\.md DuplicateId\n/, /Duplicate id "alpha" in collection "ilrs": also defined by .*content\/ilrs\/alpha\.mdx/],
  },
  {
    name: 'a file name that is not an id suggests one',
    files: { 'ilrs/Gamma Page.mdx': topicPage('Body.') },
    expect: [/content\/ilrs\/Gamma Page\.mdx/, /Unexpected file name "Gamma Page\.mdx", expected a lowercase kebab-case id/, /Rename it to "gamma-page\.mdx"/],
  },
  {
    name: 'a missing field is named',
    files: { 'ilrs/gamma.mdx': topicPage('Body.').replace('title: Gamma\n', '') },
    expect: [/content\/ilrs\/gamma\.mdx/, /\*\*title\*\*: missing, expected a string/],
  },
  {
    name: 'a malformed field quotes the value and the expected values',
    files: {
      'organizations/test-institute.mdx': '---\ntitle: T\ndescription: D\nkind: thinktank\nsources: [example-news-2024]\n---\n\nBody [[people/jane-doe]].\n',
    },
    expect: [
      /content\/organizations\/test-institute\.mdx:4/,
      /\*\*kind\*\*: expected one of .*"think-tank".*, received "thinktank"/,
      /Did you mean "think-tank"\?/,
    ],
  },
  {
    name: 'an unknown field is refused rather than dropped',
    files: { 'ilrs/gamma.mdx': topicPage('Body.', 'sorces: [example-news-2024]\n') },
    expect: [/content\/ilrs\/gamma\.mdx:6/, /Unexpected field \*\*sorces\*\*/, /Did you mean "sources"\?/],
  },
  {
    name: 'an invalid calendar date is refused, not rolled over',
    files: { 'ilrs/gamma.mdx': topicPage('Body.').replace('updated: 2026-11-25', 'updated: 2024-02-30') },
    expect: [/content\/ilrs\/gamma\.mdx:4:10/, /\*\*updated\*\*: invalid date "2024-02-30"/, /YYYY-MM-DD/],
  },
  {
    name: 'a date in another format is refused',
    files: { 'sources/bad-date.yaml': source('https://example.org/', '13 August 2024') },
    expect: [/content\/sources\/bad-date\.yaml:4/, /\*\*published\*\*: invalid date "13 August 2024"/],
  },
  {
    name: 'a source URL that is not http(s) is refused',
    files: { 'sources/bad-url.yaml': source('javascript:alert(1)') },
    expect: [/content\/sources\/bad-url\.yaml:3/, /\*\*url\*\*: expected an https:\/\/ URL/, /"javascript:alert\(1\)"/],
  },
  {
    name: 'a plain http source URL is refused with its https address',
    files: { 'sources/http-url.yaml': source('http://example.org/report') },
    expect: [/content\/sources\/http-url\.yaml:3/, /\*\*url\*\*: expected an https:\/\/ URL, not plain http; link to "https:\/\/example\.org\/report"/],
  },
  {
    name: 'a plain http or malformed link in a body is refused at its line',
    files: { 'ilrs/gamma.mdx': topicPage('Intro.\n\nRead [the report](http://example.org/report) or [this one](https://localhost/a).') },
    expect: [
      /content\/ilrs\/gamma\.mdx:\d+:6/,
      /Insecure external link "http:\/\/example\.org\/report": plain http/,
      /Link to the https address: "https:\/\/example\.org\/report"/,
      /Malformed external link "https:\/\/localhost\/a"/,
    ],
  },
  {
    name: 'unreadable YAML names the line',
    files: { 'ilrs/gamma.mdx': '---\ntitle: [unclosed\ndescription: x\n---\n\nBody.\n' },
    expect: [/content\/ilrs\/gamma\.mdx:\d+/, /Unreadable frontmatter/],
  },
  {
    name: 'a topic page without sources is refused',
    files: { 'ilrs/gamma.mdx': topicPage('Body.').replace('sources: [example-news-2024]', 'sources: []') },
    expect: [/content\/ilrs\/gamma\.mdx:5/, /\*\*sources\*\*: expected at least one source/],
  },
];

describe('a build with bad content stops with the file, the problem and the fix', () => {
  for (const { name, files, expect } of CASES) {
    test(name, () => {
      const result = buildFixture(files);
      assert.notEqual(result.status, 0, `the build should have failed:\n${result.output}`);
      for (const pattern of expect) assert.match(result.output, pattern);
      assert.ok(!existsSync(join(result.outDir, 'index.html')), 'a failed build must not leave pages behind');
    });
  }
});
