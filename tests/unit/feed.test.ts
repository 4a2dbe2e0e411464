import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument } from 'htmlparser2';
import { makeAtomFeed } from '../../src/lib/atom-feed.ts';

const OPTIONS = {
  title: 'Orbital Dossier',
  id: 'https://example.org/',
  link: 'https://example.org/',
  copyright: 'Orbital Dossier',
  updated: new Date('2026-11-25'),
};

/** The text of every `tag` element of the feed, as an XML reader reads it. */
function texts(xml: string, tag: string): { type: string | undefined; text: string }[] {
  const found: { type: string | undefined; text: string }[] = [];
  const walk = (node: { type: string; name?: string; attribs?: Record<string, string>; children?: unknown[]; data?: string }): string => {
    if (node.type === 'text' || node.type === 'cdata') return node.data ?? (node.children ?? []).map((c) => walk(c as never)).join('');
    const text = (node.children ?? []).map((c) => walk(c as never)).join('');
    if (node.name === tag) found.push({ type: node.attribs?.type, text });
    return text;
  };
  walk(parseDocument(xml, { xmlMode: true }) as never);
  return found;
}

describe('the Atom feed', () => {
  const title = '<b>Bold</b> & "quoted" ]]> <script>alert(1)</script>';
  const xml = makeAtomFeed(OPTIONS, [{ title, link: 'https://example.org/ilrs/x/', description: 'A <i>summary</i> & more.', date: new Date('2026-11-25') }]);

  test('declares entry titles and summaries as text, so a reader shows markup as written', () => {
    assert.doesNotMatch(xml, /type="html"/);
    assert.doesNotMatch(xml, /CDATA/);
    assert.match(xml, /<title type="text">&lt;b&gt;Bold&lt;\/b&gt; &amp; "quoted" \]\]&gt; &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
  });

  test('reads back as the very text of the title and description', () => {
    const entryTitles = texts(xml, 'title').filter((t) => t.type === 'text');
    assert.deepEqual(entryTitles, [{ type: 'text', text: title }]);
    assert.deepEqual(texts(xml, 'summary'), [{ type: 'text', text: 'A <i>summary</i> & more.' }]);
  });

  test('drops characters XML cannot hold, which would make the feed unreadable', () => {
    const feed = makeAtomFeed(OPTIONS, [{ title: 'Bell\u0007 here', link: 'https://example.org/a/', description: 'D', date: new Date('2026-11-25') }]);
    assert.match(feed, /<title type="text">Bell here<\/title>/);
  });
});
