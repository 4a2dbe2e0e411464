/**
 * Hostile input, refused cleanly: one row per class of bad or malicious content, each
 * asserting the whole problem list (file, line, stable name), so a follow-up error or a
 * missed one fails as surely as a missing refusal. Built from inline files (no build): the
 * few things only a real build shows are in tests/build/hostile.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getBuildDay } from '../../src/lib/build-model.ts';
import { NESTING_LIMIT } from '../../src/lib/body-checks.ts';
import { ERROR_CATALOGUE, formatProblem } from '../../src/lib/errors.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';

/** The first line of each problem: `file:line[:column] Name`. */
function heads(files: Record<string, string | Uint8Array>, today?: string): string[] {
  const { model } = makeContent(
    { 'sources/wire.yaml': SOURCE, 'ilrs/overview.mdx': page('Overview', 'The overview.'), ...files },
    today ? { today } : undefined,
  );
  return model.problems.map((p) => formatProblem(p).split('\n')[0]!);
}

function problems(files: Record<string, string | Uint8Array>) {
  return makeContent({ 'sources/wire.yaml': SOURCE, 'ilrs/overview.mdx': page('Overview', 'The overview.'), ...files }).model.problems;
}

/** A list nested `depth` levels, two spaces a level. */
const nestedList = (depth: number, indent = 2) => Array.from({ length: depth }, (_, i) => `${' '.repeat(indent * i)}- level ${i + 1}`).join('\n');

const CASES: { name: string; files: Record<string, string | Uint8Array>; expect: string[]; message?: RegExp }[] = [
  // Frontmatter
  {
    name: 'a YAML syntax error is reported at its own line, without "missing field" for the fields that are there',
    files: { 'ilrs/x.mdx': '---\ntitle: [unclosed\ndescription: D\nupdated: 2026-11-25\nsources: [wire]\n---\n\nBody.\n' },
    expect: ['content/ilrs/x.mdx:2:1 UnreadableFrontmatter'],
  },
  {
    name: 'an unclosed quote is reported where it opens, not at the end of the frontmatter',
    files: { 'ilrs/x.mdx': '---\ntitle: T\ndescription: "unclosed\nupdated: 2026-11-25\nsources: [wire]\n---\n\nBody.\n' },
    expect: ['content/ilrs/x.mdx:3:1 UnreadableFrontmatter'],
    message: /Missing closing "quote/,
  },
  {
    name: 'an unclosed frontmatter block says so at the line of its opening',
    files: { 'ilrs/x.mdx': '---\ntitle: T\ndescription: D\n\nBody.\n' },
    expect: ['content/ilrs/x.mdx:1:1 UnclosedFrontmatter'],
  },
  {
    name: 'text on the closing line is refused: the compiler would end the frontmatter there too, and read the rest as the body',
    files: { 'ilrs/x.mdx': '---\ntitle: T\n--- <script>alert(1)</script>\ndescription: D\n---\n\nBody.\n' },
    expect: ['content/ilrs/x.mdx:3 MalformedFrontmatterFence'],
  },
  {
    name: 'a file without frontmatter is one problem, not a missing title, description and sources',
    files: { 'ilrs/x.mdx': '\n---\ntitle: T\n---\n\nBody.\n' },
    expect: ['content/ilrs/x.mdx:1 MissingFrontmatter'],
  },
  {
    name: 'a UTF-8 byte-order mark is accepted, never read as "title missing"',
    files: { 'ilrs/x.mdx': `\uFEFF${page('With a BOM', 'See [[ilrs/overview]].')}`, 'sources/bom.yaml': `\uFEFF${SOURCE}` },
    expect: [],
  },
  {
    name: 'a duplicate key is one error naming the key and both lines',
    files: { 'ilrs/x.mdx': page('T', 'Body.', 'title: Again\n') },
    expect: ['content/ilrs/x.mdx:6:1 DuplicateKey'],
    message: /Duplicate field \*\*title\*\* on lines 2 and 6\./,
  },
  {
    name: 'an alias bomb ("billion laughs") is refused, naming the file and the first alias',
    files: {
      'ilrs/x.mdx': page(
        'T',
        'Body.',
        'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      ),
    },
    expect: ['content/ilrs/x.mdx:7:8 TooManyAliases'],
  },
  {
    name: 'an alias without its anchor is unreadable frontmatter, not an exception',
    files: { 'ilrs/x.mdx': page('T', 'Body.', 'tags: [*nowhere]\n') },
    expect: ['content/ilrs/x.mdx:6:8 UnreadableFrontmatter'],
  },
  {
    name: 'frontmatter nested deeper than the limit is refused before YAML reads it',
    files: { 'ilrs/x.mdx': page('T', 'Body.', `tags: ${'['.repeat(5000)}${']'.repeat(5000)}\n`) },
    expect: ['content/ilrs/x.mdx:6:38 NestingTooDeep'],
  },
  {
    name: 'a cross-link in a frontmatter string is refused: frontmatter is published as plain text',
    files: { 'ilrs/x.mdx': page('T', 'Body.').replace('description: T page.', 'description: See [[ilrs/overview]]') },
    expect: ['content/ilrs/x.mdx:3 CrossLinkInFrontmatter'],
  },
  {
    name: 'an entry listing itself in related is refused',
    files: { 'ilrs/x.mdx': page('T', 'Body.', 'related: [ilrs/overview, ilrs/x]\n') },
    expect: ['content/ilrs/x.mdx:6 SelfReference'],
  },
  {
    name: 'dates of checking, publication and quotation after the build day are refused',
    files: {
      'ilrs/x.mdx': page('T', 'Body.').replace('updated: 2026-11-25', 'updated: 2999-01-01'),
      'sources/later.yaml': SOURCE.replace('published: 2024-08-13', 'published: 2026-12-02'),
      'people/ann.mdx': page('Ann', 'Body.', 'role: Analyst\n').replace('updated: 2026-11-25\n', ''),
      'views/v.mdx': page(
        'V',
        'Body.',
        'person: ann\naffiliation: X\nabout: [ilrs/overview]\nquotes:\n  - text: Words,\n    source: wire\n    date: 2027-01-01\n',
      ),
    },
    expect: ['content/ilrs/x.mdx:4 FutureDate', 'content/sources/later.yaml:4 FutureDate', 'content/views/v.mdx:12 FutureDate'],
  },
  {
    name: 'the build day itself, and an event still to come, are accepted',
    files: {
      'ilrs/x.mdx': page('T', 'Body.').replace('updated: 2026-11-25', 'updated: 2026-12-01'),
      'events/2030-01-01-launch.mdx': page('Launch', 'Body.', 'date: 2030-01-01\n').replace('updated: 2026-11-25\n', ''),
    },
    expect: [],
  },
  {
    name: 'a 10,000-character title and a long description are refused with their length',
    files: {
      'ilrs/x.mdx': page('T', 'Body.')
        .replace('title: T', `title: ${'x'.repeat(10_000)}`)
        .replace('description: T page.', `description: ${'y'.repeat(301)}`),
    },
    expect: ['content/ilrs/x.mdx:2 FieldTooLong', 'content/ilrs/x.mdx:3 FieldTooLong'],
    message: /\*\*title\*\*: 10,000 characters, more than the 120 allowed\./,
  },

  // Files
  {
    name: 'invalid UTF-8 is refused at its line, not published as replacement characters',
    files: { 'ilrs/x.mdx': Buffer.concat([Buffer.from(page('T', 'First line.\n\nAlmaty ')), Buffer.from([0xe9, 0x74, 0xe9, 0x0a])]) },
    expect: ['content/ilrs/x.mdx:11 InvalidUtf8'],
  },
  {
    name: 'an upper-case extension is told to use the lower-case one, not to move an image',
    files: { 'ilrs/x.MDX': page('T', 'Body.') },
    expect: ['content/ilrs/x.MDX UpperCaseExtension'],
    message: /Use the lower-case extension \.mdx: rename the file to "x\.mdx"\./,
  },

  // Nesting
  {
    name: '2,000 nested list items are refused at the 33rd level, before the Markdown parser sees them',
    files: { 'ilrs/x.mdx': page('T', nestedList(2000)) },
    expect: [`content/ilrs/x.mdx:${8 + NESTING_LIMIT}:${2 * NESTING_LIMIT + 1} NestingTooDeep`],
  },
  {
    name: 'lists nested 32 levels deep, the limit, are accepted, with four spaces a level too',
    files: { 'ilrs/x.mdx': page('T', nestedList(NESTING_LIMIT)), 'ilrs/y.md': page('Y', nestedList(NESTING_LIMIT, 4)) },
    expect: [],
  },
  {
    name: 'a long list inside a quote is not nesting',
    files: { 'ilrs/x.mdx': page('T', Array.from({ length: 100 }, (_, i) => `> - item ${i}\n>   - sub-item`).join('\n')) },
    expect: [],
  },
  {
    name: 'block quotes nested 50 deep are refused',
    files: { 'ilrs/x.md': page('T', `${'>'.repeat(50)} deep`) },
    expect: ['content/ilrs/x.md:8:33 NestingTooDeep'],
  },
  {
    name: 'list markers stacked on one line count as nesting',
    files: { 'ilrs/x.md': page('T', `${'- '.repeat(40)}deep`) },
    expect: ['content/ilrs/x.md:8:65 NestingTooDeep'],
  },
  {
    name: '2,000 nested JSX elements are refused before anything compiles them',
    files: { 'ilrs/x.mdx': page('T', `${'<div>'.repeat(2000)}x${'</div>'.repeat(2000)}`) },
    expect: ['content/ilrs/x.mdx:8:161 NestingTooDeep'],
  },
  {
    name: '2,000 nested HTML elements in Markdown are refused too',
    files: { 'ilrs/x.md': page('T', `${'<span>'.repeat(2000)}x${'</span>'.repeat(2000)}`) },
    expect: ['content/ilrs/x.md:8:193 NestingTooDeep'],
  },
  {
    name: 'deep emphasis, which no line scan sees, is refused from the parsed tree',
    files: { 'ilrs/x.mdx': page('T', `${'*'.repeat(200)}x${'*'.repeat(200)}`) },
    expect: ['content/ilrs/x.mdx:8:65 NestingTooDeep'],
  },

  // Markup the Content-Security-Policy would block
  {
    name: 'script, iframe, object, embed, form and style elements are refused at their line, in JSX and in HTML',
    files: {
      'ilrs/x.mdx': page(
        'T',
        'Text <script>alert(1)</script>.\n\n<iframe src="https://example.org/" />\n\n<object data="x.swf" />\n\n<embed src="x.swf" />\n\n<form action="https://example.org/"><input name="q" /></form>\n\n<style>p</style>',
      ),
      'ilrs/y.md': page('Y', '<script>alert(1)</script>\n\nText <iframe src="https://example.org/"></iframe>.\n\n<form><input name="q"></form>'),
    },
    expect: [
      'content/ilrs/x.mdx:8:6 BlockedElement',
      'content/ilrs/x.mdx:10:1 BlockedElement',
      'content/ilrs/x.mdx:12:1 BlockedElement',
      'content/ilrs/x.mdx:14:1 BlockedElement',
      'content/ilrs/x.mdx:16:1 BlockedElement',
      'content/ilrs/x.mdx:18:1 BlockedElement',
      'content/ilrs/y.md:8:1 BlockedElement',
      'content/ilrs/y.md:10:6 BlockedElement',
      'content/ilrs/y.md:12:1 BlockedElement',
    ],
  },
  {
    name: 'inline event handlers are refused: onerror in HTML, onClick in JSX',
    files: {
      'ilrs/x.md': page('T', '<img src="map.png" onerror="alert(1)">'),
      'ilrs/y.mdx': page('Y', 'A <span onClick="alert(1)">button</span>.'),
    },
    expect: ['content/ilrs/x.md:8:1 BlockedAttribute', 'content/ilrs/y.mdx:8:3 BlockedAttribute'],
  },
  {
    name: 'inline style attributes are refused, as a string or as an expression',
    files: {
      'ilrs/x.mdx': page('T', '<span style="color: red">red</span> and <b style={{ color: "red" }}>red</b>.'),
      'ilrs/y.md': page('Y', '<div style="color: red">red</div>'),
    },
    expect: ['content/ilrs/x.mdx:8:1 BlockedAttribute', 'content/ilrs/x.mdx:8:41 BlockedAttribute', 'content/ilrs/y.md:8:1 BlockedAttribute'],
  },
  {
    name: 'javascript: and data: addresses are refused in HTML, JSX and Markdown links, however they are spelled',
    files: {
      'ilrs/x.md': page(
        'T',
        '<a href="&#106;avascript:alert(1)">a</a>\n\n<a href="java\tscript:alert(1)">b</a>\n\n<img src="data:image/svg+xml,<svg/onload=alert(1)>">\n\n[c][ref] and [d](javascript:alert(1)).\n\n[ref]: data:text/html,x',
      ),
      'ilrs/y.mdx': page('Y', '<a href="javascript:alert(1)">a</a> <svg><animate attributeName="href" to="javascript:alert(1)" /></svg>'),
    },
    expect: [
      'content/ilrs/x.md:8:1 BlockedUrl',
      'content/ilrs/x.md:10:1 BlockedUrl',
      'content/ilrs/x.md:12:1 BlockedUrl',
      'content/ilrs/x.md:14:14 BlockedUrl',
      'content/ilrs/x.md:16:1 BlockedUrl',
      'content/ilrs/y.mdx:8:1 BlockedUrl',
      'content/ilrs/y.mdx:8:37 BlockedElement',
      'content/ilrs/y.mdx:8:42 BlockedUrl',
    ],
  },
  {
    name: 'links and images in HTML and JSX are checked at their line like Markdown links',
    files: {
      'ilrs/x.mdx': page(
        'T',
        'See <a href="../overview/">the overview</a>, <a href="../overveiw/">a typo</a>.\n\n<a href="http://example.org/">plain http</a> <a href="/ilrs/overview/">root</a>\n\n<img src="https://example.org/map.png" alt="" />',
      ),
      'ilrs/y.md': page('Y', 'See <a href="../nowhere/">nowhere</a>.'),
    },
    expect: [
      'content/ilrs/x.mdx:10:46 RootRelativeMarkupLink',
      'content/ilrs/x.mdx:12:1 ExternalImage',
      'content/ilrs/x.mdx:8:46 UnknownInternalLink',
      'content/ilrs/x.mdx:10:1 InsecureExternalUrl',
      'content/ilrs/y.md:8:5 UnknownInternalLink',
    ],
  },
  {
    name: 'harmless markup passes: details, br, sup, a relative image, a mailto link, a title that mentions javascript:',
    files: {
      'ilrs/x.md': page(
        'T',
        'Text<br>more<sup>1</sup> <!-- <script>a comment</script> -->\n\n<details><summary>More</summary>Hidden.</details>\n\n<img src="map.png" alt="Map">',
      ),
      'ilrs/y.mdx': page(
        'Y',
        '<abbr title="javascript: a language">JS</abbr>, <a href="mailto:desk@example.org">write</a>, <a href="../overview/">overview</a>.',
      ),
    },
    expect: [],
  },
  {
    name: 'an image from another site is refused in Markdown too: the CSP loads images from the site only',
    files: { 'ilrs/x.md': page('T', '![A map](https://example.org/map.png)') },
    expect: ['content/ilrs/x.md:8:1 ExternalImage'],
  },

  // Code that would run at build time
  {
    name: 'MDX may import only the project’s components, by relative path; exports and expressions are refused',
    files: {
      'ilrs/x.mdx': page(
        'T',
        "import Quotes from '../../src/components/Quotes.astro'\nimport fs from 'node:fs'\nimport Out from '../../src/components/../../secrets.astro'\nimport Raw from '../../src/components/Quotes.astro?raw'\nexport const year = new Date().getFullYear()\n\n<Quotes /> and {year} and {/* a comment */}.",
      ),
    },
    expect: [
      'content/ilrs/x.mdx:12:1 BlockedExport',
      'content/ilrs/x.mdx:14:16 BlockedExpression',
      'content/ilrs/x.mdx:9:1 BlockedImport',
      'content/ilrs/x.mdx:10:1 BlockedImport',
      'content/ilrs/x.mdx:11:1 BlockedImport',
    ],
  },
  {
    name: 'a component that is not imported is refused, and so is a CrossLink written by hand',
    files: { 'ilrs/x.mdx': page('T', '<Quotes /> and <CrossLink to="ilrs/nowhere" href="/" />. And <p {...props}>spread</p>.') },
    expect: ['content/ilrs/x.mdx:8:1 UnknownComponent', 'content/ilrs/x.mdx:8:16 UnknownComponent', 'content/ilrs/x.mdx:8:65 BlockedExpression'],
  },
];

describe('hostile content is refused cleanly, at its file and line, by its stable name', () => {
  for (const { name, files, expect, message } of CASES) {
    test(name, () => {
      assert.deepEqual(heads(files), expect);
      if (message)
        assert.ok(
          problems(files).some((p) => message.test(p.message) || message.test(p.hint ?? '')),
          `no message matches ${message}`,
        );
    });
  }

  test('every problem raised above carries a name of the catalogue, a message and a hint', () => {
    const names = new Set(ERROR_CATALOGUE.map((e) => e.name));
    const all = CASES.flatMap(({ files }) => problems(files));
    assert.ok(all.length > 40);
    for (const p of all) {
      assert.ok(names.has(p.name), p.name);
      assert.ok(p.message && p.hint, formatProblem(p));
    }
  });

  test('the deep list is refused in well under a second', () => {
    const started = performance.now();
    problems({ 'ilrs/x.mdx': page('T', nestedList(2000)) });
    assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  });

  test('an entry with unreadable frontmatter is in no collection, so nothing renders it', () => {
    const { model } = makeContent({ 'sources/wire.yaml': SOURCE, 'ilrs/x.mdx': '---\ntitle: [unclosed\n---\n\nBody.\n' });
    assert.equal(model.entries.get('ilrs/x')?.data, undefined);
  });
});

describe('the build day', () => {
  test('is an input of the model: a date is in the future or not by the day given', () => {
    const files = { 'ilrs/x.mdx': page('T', 'Body.').replace('updated: 2026-11-25', 'updated: 2026-12-24') };
    assert.deepEqual(heads(files, '2026-12-23'), ['content/ilrs/x.mdx:4 FutureDate']);
    assert.deepEqual(heads(files, '2026-12-24'), []);
  });
  test('is by default today where it is latest (UTC+14), so an author’s own today always passes', () => {
    assert.equal(getBuildDay(new Date('2026-12-01T09:59:00Z')), '2026-12-01');
    assert.equal(getBuildDay(new Date('2026-12-01T10:00:00Z')), '2026-12-02');
  });
});
