/**
 * Hostile input, refused cleanly: one row per class of bad or malicious content, each
 * asserting the whole problem list (file, line, stable name), so a follow-up error or a
 * missed one fails as surely as a missing refusal. Built from inline files (no build): the
 * few things only a real build shows are in tests/build/hostile.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getBuildDay } from '../../src/lib/build-model.ts';
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
    assert.ok(all.length > 15);
    for (const p of all) {
      assert.ok(names.has(p.name), p.name);
      assert.ok(p.message && p.hint, formatProblem(p));
    }
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
