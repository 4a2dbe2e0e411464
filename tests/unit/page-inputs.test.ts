import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getPageInputs } from '../../src/lib/page-inputs.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';
import { toSiteData } from './fake-site.ts';

const content = (extra: Record<string, string> = {}) =>
  toSiteData(
    makeContent({
      'sources/wire.yaml': SOURCE,
      'ilrs/a.mdx': page('A', 'Links to [[ilrs/b]].', 'order: 1\n'),
      'ilrs/b.mdx': page('B', 'Text.', 'order: 2\n'),
      'ilrs/c.mdx': page('C', 'Text.', 'order: 3\n'),
      'ilrs/d.mdx': page('D', 'Text.', 'order: 4\n'),
      ...extra,
    }).model,
  );
const inputsOf = (site: ReturnType<typeof content>, key: string) => getPageInputs(site.byKey.get(key)!, site);

describe('what an entry page is made of, for incremental builds', () => {
  test('its own entry with its digest, its neighbours and every entry one link away with a digest of their data', () => {
    const site = content();
    const inputs = inputsOf(site, 'ilrs/a').join('\n');
    assert.match(inputs, new RegExp(`ilrs/a@${site.digests.get('ilrs/a')}`));
    for (const key of ['ilrs/b', 'sources/wire']) assert.match(inputs, new RegExp(`${key}:[0-9a-f]{16}`));
    assert.doesNotMatch(inputs, /ilrs\/d[@:]/, 'an entry two steps away is not an input');
  });
  test('an edit to the data of a linked entry changes the inputs; a body edit to it or elsewhere does not', () => {
    const before = inputsOf(content(), 'ilrs/a');
    assert.notDeepEqual(inputsOf(content({ 'ilrs/b.mdx': page('B renamed', 'Text.', 'order: 2\n') }), 'ilrs/a'), before);
    assert.notDeepEqual(inputsOf(content({ 'sources/wire.yaml': SOURCE.replace(/^title: .*$/m, 'title: Another wire') }), 'ilrs/a'), before);
    // No other page shows a body: B's own page renders again, A's does not.
    assert.deepEqual(inputsOf(content({ 'ilrs/b.mdx': page('B', 'New text.', 'order: 2\n') }), 'ilrs/a'), before);
    assert.deepEqual(inputsOf(content({ 'ilrs/d.mdx': page('D', 'New text.', 'order: 4\n') }), 'ilrs/a'), before);
  });
  test("an entry whose body renders again with a new label changes its own inputs, not its neighbours'", () => {
    const site = content();
    const relabelled = { ...site, digests: new Map([...site.digests, ['ilrs/a', 'another rendering']]) };
    assert.notDeepEqual(inputsOf(relabelled, 'ilrs/a'), inputsOf(site, 'ilrs/a'));
    assert.deepEqual(inputsOf(relabelled, 'ilrs/b'), inputsOf(site, 'ilrs/b'));
  });
  test('a retitled entry elsewhere in the collection changes the inputs: the sidebar lists it', () => {
    const before = inputsOf(content(), 'ilrs/a');
    assert.notDeepEqual(inputsOf(content({ 'ilrs/d.mdx': page('D renamed', 'Text.', 'order: 4\n') }), 'ilrs/a'), before);
  });
  test('a body that imports a component depends on every entry', () => {
    const figure = "import Chart from '../../src/components/figures/Chart.astro';\n\n<Chart />";
    const site = content({ 'ilrs/c.mdx': page('C', figure, 'order: 3\n') });
    assert.match(inputsOf(site, 'ilrs/c').join('\n'), /ilrs\/a@/);
  });
});
