import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { problemsPage, toOverlayError } from '../../src/integrations/dev-content.ts';
import { formatProblem, type Problem } from '../../src/lib/errors.ts';
import { formatDevProblems } from '../../src/loaders/content-source.ts';

const problem: Problem = {
  file: 'content/ilrs/a.mdx',
  line: 3,
  column: 5,
  name: 'UnknownCrossLinkTarget',
  message: 'Unknown cross-link target "ilrs/c": no such entry.',
  hint: 'Did you mean "ilrs/b"?',
};

describe('content problems in astro dev', () => {
  test('are told in the terminal with the build’s own message for each', () => {
    assert.equal(formatDevProblems([problem]), `1 content problem, shown in every page until it is fixed:\n\n${formatProblem(problem)}\n`);
  });

  test('reach the error overlay with the same text, the file and line for its code frame, and no stack', () => {
    const err = toOverlayError([problem, { ...problem, line: 9 }], '/site');
    assert.equal(err.title, '2 content problems');
    assert.equal(err.message, formatDevProblems([problem, { ...problem, line: 9 }]));
    assert.deepEqual(err.loc, { file: '/site/content/ilrs/a.mdx', line: 3, column: 5 });
    assert.equal(err.stack, '');
  });

  test('replace every page with a page that lists them, escaped, and loads the overlay', () => {
    const html = problemsPage([{ ...problem, message: 'Bad <b>"x"</b> & more.' }], '/kb/');
    assert.match(html, /<script type="module" src="\/kb\/@vite\/client"><\/script>/);
    assert.match(html, /Bad &lt;b&gt;&quot;x&quot;&lt;\/b&gt; &amp; more\./);
    assert.doesNotMatch(html, /<b>/);
  });
});
