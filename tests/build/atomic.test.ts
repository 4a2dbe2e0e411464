import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { makeFixture, runBuildScript, topicPage } from './helpers.ts';

test('a failed build leaves the previous output exactly as it was; a passing one replaces it whole', () => {
  const content = makeFixture({ 'ilrs/gamma.mdx': topicPage('See [[ilrs/nowhere]].') });
  const work = dirname(content);
  const outDir = join(work, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), 'previous build');

  const failed = runBuildScript(content, outDir);
  assert.notEqual(failed.status, 0);
  assert.match(failed.output, /unchanged/);
  assert.deepEqual(readdirSync(outDir), ['index.html']);
  assert.equal(readFileSync(join(outDir, 'index.html'), 'utf8'), 'previous build');
  assert.deepEqual(readdirSync(work).sort(), ['content', 'dist'], 'no staging folder is left behind');

  const fixed = makeFixture({}, work);
  const passed = runBuildScript(fixed, outDir);
  assert.equal(passed.status, 0, passed.output);
  assert.notEqual(readFileSync(join(outDir, 'index.html'), 'utf8'), 'previous build');
  assert.ok(existsSync(join(outDir, 'pagefind/pagefind.js')));
  assert.ok(existsSync(join(outDir, '_headers')));
  assert.deepEqual(readdirSync(work).sort(), ['content', 'dist']);
});
