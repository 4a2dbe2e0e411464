import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildFixture, topicPage } from './helpers.ts';

describe('the minimal fixture site', () => {
  test('builds without error', () => {
    const result = buildFixture({});
    assert.equal(result.status, 0, result.output);
  });
});

describe('a build with bad content stops with the file, the problem and the fix', () => {
  test('an unknown cross-link target names the file, line and nearest id', () => {
    const result = buildFixture({ 'ilrs/gamma.mdx': topicPage('First line.\n\nSee [[ilrs/alpah]] for more.') });
    assert.notEqual(result.status, 0);
    assert.match(result.output, /content\/ilrs\/gamma\.mdx:10:5/);
    assert.match(result.output, /Unknown cross-link target "ilrs\/alpah"/);
    assert.match(result.output, /Did you mean "ilrs\/alpha"\?/);
  });
});
