import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getAffectedKeys } from '../../src/integrations/dev-search.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';

describe('the dev search index', () => {
  const files = {
    'sources/wire.yaml': SOURCE,
    'ilrs/a.mdx': page('Alpha', 'See [[ilrs/b]].'),
    'ilrs/b.mdx': page('Beta', 'See [[ilrs/c]].'),
    'ilrs/c.mdx': page('Gamma', 'Alone.'),
    'ilrs/d.mdx': page('Delta', 'See [[ilrs/a]].'),
  };

  test('renders again the changed entry, the entries it links to and those that link to it, before and after', () => {
    const before = makeContent(files).model;
    const after = makeContent({ ...files, 'ilrs/b.mdx': page('Beta renamed', 'See [[ilrs/d]].') }).model;
    // b changed; a links to it; it linked to c and now links to d; the source is in every page's frontmatter.
    assert.deepEqual([...getAffectedKeys(before, after)].sort(), ['ilrs/a', 'ilrs/b', 'ilrs/c', 'ilrs/d', 'sources/wire']);
  });

  test('renders nothing again when nothing changed, and drops a removed entry', () => {
    const before = makeContent(files).model;
    assert.deepEqual([...getAffectedKeys(before, makeContent(files).model)], []);
    const { 'ilrs/c.mdx': _removed, ...rest } = files;
    const after = makeContent({ ...rest, 'ilrs/b.mdx': page('Beta', 'Alone.') }).model;
    assert.ok(getAffectedKeys(before, after).has('ilrs/c'));
  });
});
