/**
 * Hostile input through real builds, for what only a build shows: the author reads the
 * problem list and a summary line, never a stack trace or Astro's "unhandled error" banner;
 * the build stops at the content check, before anything compiles the files (2,000 nested
 * elements once overflowed the stack in the MDX compiler, 2,000 nested list items hung it
 * for minutes); and the build script leaves the previous output as it was. The rules
 * themselves, class by class, are tested on the model in tests/unit/hostile-content.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { buildFixture, makeFixture, runBuildScript, topicPage } from './helpers.ts';

const HOSTILE: Record<string, string> = {
  'ilrs/deep-list.mdx': topicPage(Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')),
  'ilrs/deep-jsx.mdx': topicPage(`${'<div>'.repeat(2000)}deep${'</div>'.repeat(2000)}`),
  'ilrs/bomb.mdx': topicPage(
    'Body.',
    'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
  ),
  'ilrs/script.mdx': topicPage('A <script>alert(1)</script> and <img src="x.png" onError="alert(1)" />.'),
  'ilrs/unreadable.mdx': '---\ntitle: [unclosed\ndescription: A page.\nupdated: 2026-11-25\nsources: [example-news-2024]\n---\n\nBody.\n',
};

/** What an author must never see: a stack, a banner, our code's internals. */
function assertClean(output: string): void {
  assert.doesNotMatch(output, /Stack trace/i);
  assert.doesNotMatch(output, /An unhandled error/i);
  assert.doesNotMatch(output, /^\s+at .+:\d+:\d+\)?$/m, 'a stack frame');
  assert.doesNotMatch(output, /node_modules\//, 'a path into node_modules');
  assert.doesNotMatch(output, /^Error:|\[ERROR\]/m);
}

describe('a build of hostile content', () => {
  test('stops at the content check with the problem list and a summary line, in seconds', { timeout: 60_000 }, () => {
    const result = buildFixture(HOSTILE);
    assert.equal(result.status, 1, result.output);
    assertClean(result.output);
    for (const head of [
      /content\/ilrs\/deep-list\.mdx:40:65 NestingTooDeep\n/,
      /content\/ilrs\/deep-jsx\.mdx:8:161 NestingTooDeep\n/,
      /content\/ilrs\/bomb\.mdx:7:8 TooManyAliases\n/,
      /content\/ilrs\/script\.mdx:8:3 BlockedElement\n/,
      /content\/ilrs\/script\.mdx:8:33 BlockedAttribute\n/,
      /content\/ilrs\/unreadable\.mdx:2:1 UnreadableFrontmatter\n/,
    ]) {
      assert.match(result.output, head);
    }
    // Only the YAML error for the unreadable file: no "missing" for the fields that are there.
    assert.doesNotMatch(result.output, /unreadable\.mdx:\d+ MissingField/);
    assert.equal(result.output.trimEnd().split('\n').at(-1), '6 content problems: fix them and build again.');
    // Nothing went on to compile the pages.
    assert.doesNotMatch(result.output, /Building static entrypoints|building client|generating static routes/i);
    assert.ok(!existsSync(join(result.outDir, 'index.html')), 'a failed build must not leave pages behind');
  });

  test('by the build script leaves the previous output exactly as it was, with no half-written folder', { timeout: 60_000 }, () => {
    const content = makeFixture({ 'ilrs/deep-list.mdx': HOSTILE['ilrs/deep-list.mdx']! });
    const work = dirname(content);
    const outDir = join(work, 'dist');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'index.html'), 'previous build');

    const result = runBuildScript(content, outDir);
    assert.equal(result.status, 1, result.output);
    assertClean(result.output);
    const lines = result.output.trimEnd().split('\n');
    assert.ok(lines.includes('1 content problem: fix it and build again.'), result.output);
    assert.match(lines.at(-1)!, /unchanged\.$/);
    assert.deepEqual(readdirSync(outDir), ['index.html']);
    assert.equal(readFileSync(join(outDir, 'index.html'), 'utf8'), 'previous build');
    assert.deepEqual(readdirSync(work).sort(), ['content', 'dist'], 'no staging folder is left behind');
  });
});
