import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ContentErrors, formatProblem } from '../../src/lib/errors.ts';
import { getCatalogueErrors, getFieldErrors } from '../../src/lib/guide-errors.ts';
import { highlight, styleToClass } from '../../src/lib/highlight.ts';

describe('the guide’s errors', () => {
  test('list every error of the catalogue, each with content that causes it and its message and fix', () => {
    const errors = getCatalogueErrors();
    const fieldErrors = getFieldErrors().map((e) => e.name);
    const listed = [...errors.map((e) => e.name), ...fieldErrors];
    assert.deepEqual(new Set(listed).size, listed.length, 'no error is listed twice');
    for (const key of Object.keys(ContentErrors)) assert.ok(listed.includes(key), `${key} is in the guide`);
    for (const e of errors) {
      assert.ok(e.cause.code && e.summary, e.name);
      assert.ok(e.example ? e.example.message && e.example.hint : e.fix, `${e.name} has no message or fix`);
    }
    assert.equal(
      formatProblem(errors.find((e) => e.name === 'unknownEntry')!.example!),
      'content/ilrs/members.mdx:12:5 UnknownCrossLinkTarget\n  Unknown cross-link target "countries/kazakstan": no such entry.\n  Hint: Did you mean "countries/kazakhstan"?',
    );
  });

  test('show field errors as the content model words them for a broken entry', () => {
    const byName = Object.fromEntries(getFieldErrors().map((e) => [e.name, e.example]));
    assert.equal(byName.unknownField!.message, 'Unexpected field **countri**.');
    assert.equal(byName.unknownField!.hint, 'Did you mean "country"?');
    assert.equal(byName.missingReference!.hint, 'Did you mean "wire"?');
    assert.match(byName.plainHttpUrl!.message, /link to "https:\/\/example\.org\/a"/);
  });
});

describe('highlighted code', () => {
  test('carries classes and no inline style, so the CSP needs no unsafe-inline', async () => {
    const html = await highlight('---\ntitle: ILRS members\nsources: [wire]\n---\n\n[[ilrs/overview]] and a note.[^1]\n', 'mdx');
    assert.doesNotMatch(html, /style=/);
    assert.match(html, /^<pre class="code" tabindex="0"><code>/);
    assert.match(html, /<span class="tk-keyword">title<\/span>/);
  });

  test('maps each theme colour to its class, and the plain text colour to none', () => {
    assert.equal(styleToClass('color:var(--shiki-token-string-expression)'), 'tk-string-expression');
    assert.equal(styleToClass('color:var(--shiki-foreground)'), undefined);
  });
});
