/** The project's SmartyPants (src/markdown/remark-smartypants.ts) changes every tree exactly as remark-smartypants does. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import astroSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { readContentModel } from '../../src/fs/content-model-fs.ts';
import { getContentDir, getProjectRoot } from '../../src/lib/project.ts';
import { remarkSmartypants } from '../../src/markdown/remark-smartypants.ts';

const parsers = { md: unified().use(remarkParse).use(remarkGfm), mdx: unified().use(remarkParse).use(remarkMdx).use(remarkGfm) };
const oursProcessor = unified().use(remarkSmartypants);
const theirsProcessor = unified().use(astroSmartypants);
const ours = (tree: Root) => oursProcessor.runSync(tree);
const theirs = (tree: Root) => theirsProcessor.runSync(tree);

function same(text: string, format: 'md' | 'mdx'): boolean {
  // Two parses rather than a copy: MDX's estree nodes are class instances, which structuredClone flattens.
  const a = parsers[format].parse(text);
  const b = parsers[format].parse(text);
  const before = JSON.stringify(a);
  ours(a);
  theirs(b);
  assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)), text.slice(0, 300));
  return JSON.stringify(a) !== before;
}

test('curly quotes, dashes, ellipses and backticks as remark-smartypants makes them, and text without them untouched', () => {
  const cases = [
    'He said "hello" -- and left... then `code "here"` and ``quoted\'\' and it\'s done.',
    '"A quote around [a link](/x/)" and *\'emphasis\'* and **"bold"** and ". . ." and a.b.c.',
    '# "Heading" -- one\n\n| "a" | b--c |\n| --- | --- |\n| \'d\' | e... |\n',
    'No straight quotes, dashes or dots to change here, only words; and an em dash — already.',
    'Three---dashes, two--dashes, .. two dots, . . spaced, and "unclosed.',
  ];
  let changed = 0;
  for (const text of cases) if (same(text, 'md')) changed += 1;
  assert.equal(changed, 4, 'the transform did something on all but the case without anything to change');
  same('A <span>"quoted" -- text</span> and <style>{"a--b"}</style> in MDX.', 'mdx');
});

test('every body of the dossier comes out as remark-smartypants makes it', () => {
  const model = readContentModel(getProjectRoot(), getContentDir());
  let bodies = 0;
  for (const entry of model.entries.values()) {
    if (entry.format === 'yaml' || entry.body.trim() === '') continue;
    same(entry.body, entry.format);
    bodies += 1;
  }
  assert.ok(bodies > 150, `${bodies} bodies compared`);
});
