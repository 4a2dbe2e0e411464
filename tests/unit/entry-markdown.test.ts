/** Entries as Markdown (src/lib/entry-markdown.ts): what each .md holds, and llms.txt / llms-full.txt. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Blockquote, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { entryToMarkdown, makeLlmsFullTxt, makeLlmsTxt, shiftHeadingLines } from '../../src/lib/entry-markdown.ts';
import { shiftForLlms, treeToMarkdown } from '../../src/markdown/body-markdown.ts';
import type { SiteData } from '../../src/lib/site-data.ts';
import { makeContent, page, SOURCE } from './fake-content.ts';
import { toSiteData } from './fake-site.ts';

const ORIGIN = 'https://od.example';
const TRICKY_QUOTE = 'A *starred* word, [brackets], a_b_c, <angle> & 1. Not a list; “curly” and \\ backslash';

const files = {
  'sources/wire.yaml': SOURCE,
  'sources/weak-copy.yaml': SOURCE.replace('title: Wire', 'title: Weak copy') + 'reliability: weak\n',
  'organizations/cnsa.mdx': page('CNSA', 'An agency.', 'kind: space-agency\n'),
  'countries/kazakhstan.mdx': page('Kazakhstan', 'A country.', 'iso: KZ\n'),
  'people/ann-lee.mdx': page(
    'Ann Lee',
    'An analyst.',
    'role: Analyst\naffiliations:\n  - organization: cnsa\n    role: Adviser\n    asOf: 2025-09-10\n    source: wire\n  - organization: cnsa\n    role: Intern\n    former: true\n',
  ),
  'missions/probe.mdx': page('Probe', 'A mission.', 'operators: [cnsa]\nstatus: planned\n'),
  'ilrs/overview.mdx': page(
    'ILRS',
    [
      "import MembersMap from '../../src/components/figures/MembersMap.astro';",
      '',
      'Led by [[organizations/cnsa]]; see [[ilrs/members#phases|the phases]] and [the list](/ilrs/members/#phases) or [below](#later).',
      '',
      '<MembersMap />',
      '',
      '| State | Joined |',
      '| --- | --- |',
      '| [[countries/kazakhstan\\|Kazakhstan]] | 2024[^1] |',
      '',
      '## Later',
      '',
      'Text with ~~strike~~ and `[[not/a-link]]` in code.',
      '',
      '[^1]: [[sources/wire]], as of August 2024.',
    ].join('\n'),
    'related: [ilrs/members]\n',
  ),
  'ilrs/members.md': page('Members', 'Members of the station.\n\n## Phases\n\nBack to [[ilrs/overview]].[^a]\n\n[^a]: [[sources/weak-copy]].'),
  'views/lee-on-ilrs.mdx': page(
    'Lee on the ILRS',
    'Body citing [[people/ann-lee]].',
    `person: ann-lee\naffiliation: Analyst\nabout: [ilrs/overview]\nquotes:\n  - text: "China is much more attractive now,"\n    source: wire\n    date: 2024-08-13\n  - text: ${JSON.stringify(TRICKY_QUOTE)}\n    source: weak-copy\n    date: 2024-08-14\n`,
  ),
};

const site = toSiteData(makeContent(files).model);
const ctx = { site, origin: ORIGIN };
const md = (key: string, data: SiteData = site) => entryToMarkdown(data.byKey.get(key)!, { site: data, origin: ORIGIN });
const parse = (text: string): Root => unified().use(remarkParse).use(remarkGfm).parse(text);
const links = (text: string) => {
  const urls: string[] = [];
  visit(parse(text), 'link', (node) => void urls.push(node.url));
  return urls;
};

describe('an entry as Markdown', () => {
  const overview = md('ilrs/overview');

  test('starts with the title, the description and the address of the web page', () => {
    assert.match(
      overview,
      /^# ILRS\n\nILRS page\.\n\nILRS article in \[Orbital Dossier\]\(https:\/\/od\.example\/\) › \[ILRS\]\(https:\/\/od\.example\/ilrs\/\)\. Web page: <https:\/\/od\.example\/ilrs\/overview\/>\n/,
    );
  });

  test('turns cross-links into absolute links, labelled with the target’s title unless the author gave a label', () => {
    assert.match(
      overview,
      /Led by \[CNSA\]\(https:\/\/od\.example\/organizations\/cnsa\/\); see \[the phases\]\(https:\/\/od\.example\/ilrs\/members\/#phases\)/,
    );
    assert.match(
      overview,
      /\| \[Kazakhstan\]\(https:\/\/od\.example\/countries\/kazakhstan\/\) \| 2024\[\^1\] \|/,
      'a cross-link in a table cell, its pipe escaped',
    );
    assert.doesNotMatch(overview, /\[\[(?!not\/a-link)/, 'no cross-link left, except in code');
    assert.match(overview, /`\[\[not\/a-link\]\]`/, 'code is left as it is');
  });

  test('makes internal Markdown links absolute, a bare fragment pointing into the web page', () => {
    assert.match(overview, /\[the list\]\(https:\/\/od\.example\/ilrs\/members\/#phases\)/);
    assert.match(overview, /\[below\]\(https:\/\/od\.example\/ilrs\/overview\/#later\)/);
    for (const url of links(overview)) assert.match(url, /^https:\/\//, url);
  });

  test('drops the MDX import and says what a figure shows, linking to the page that draws it', () => {
    assert.doesNotMatch(overview, /import|MembersMap|<[A-Z]/);
    assert.match(overview, /\n\[A world map of the ILRS member states[^\]]*is on the web page\]\(https:\/\/od\.example\/ilrs\/overview\/\)\.\n/);
  });

  test('keeps GFM: the table, strikethrough and footnotes, whose definitions link their source', () => {
    assert.match(overview, /\| State \| Joined \|\n\| - \| - \|/);
    assert.match(overview, /~~strike~~/);
    assert.match(overview, /\n\[\^1\]: \[Wire\]\(https:\/\/od\.example\/sources\/wire\/\), as of August 2024\.\n/);
  });

  test('lists the facts, the sources as the page does (title, publisher, date, original) and the related entries', () => {
    // The facts of the page's panel: the entries a topic page links to, by kind, then when it was last checked.
    assert.match(
      overview,
      /## Facts\n\n- \*\*Organizations:\*\* \[CNSA\]\(https:\/\/od\.example\/organizations\/cnsa\/\)\n- \*\*Countries:\*\* \[Kazakhstan\]\(https:\/\/od\.example\/countries\/kazakhstan\/\)\n- \*\*Last checked:\*\* 25 November 2026\n/,
    );
    assert.match(
      overview,
      /## Sources\n\n1\. \[Wire\]\(https:\/\/od\.example\/sources\/wire\/\), Wire, 13 August 2024\. Original: <https:\/\/example\.org\/>\n/,
    );
    assert.match(overview, /## Related\n\n- \[Members\]\(https:\/\/od\.example\/ilrs\/members\/\) \(ILRS article\): Members page\.\n/);
  });

  test('keeps the as-of dates of volatile facts: a role’s own date, a planned mission’s page date', () => {
    const person = md('people/ann-lee');
    assert.match(
      person,
      /- \*\*Affiliation:\*\* Adviser, \[CNSA\]\(https:\/\/od\.example\/organizations\/cnsa\/\), as of 10 September 2025 \(\[Wire\]\(https:\/\/od\.example\/sources\/wire\/\)\)\n/,
    );
    assert.match(person, /- \*\*Affiliation:\*\* Intern, \[CNSA\]\(https:\/\/od\.example\/organizations\/cnsa\/\), former\n/);
    assert.match(md('missions/probe'), /- \*\*Status:\*\* Planned \(as of 25 November 2026\)\n/);
  });

  test('a plain Markdown body is read as Markdown, and a weak source is marked', () => {
    assert.match(md('ilrs/members'), /Back to \[ILRS\]\(https:\/\/od\.example\/ilrs\/overview\/\)\.\[\^a\]/);
    assert.match(md('views/lee-on-ilrs'), /Original: <https:\/\/example\.org\/>\. Weak source: an aggregator or copy, used only beside a better one\.\n/);
  });

  test('quotes each view’s words exactly: the bytes as written, and the same text once the Markdown is read back', () => {
    const view = md('views/lee-on-ilrs');
    assert.ok(view.includes('“China is much more attractive now,”'), 'a plain quote, byte for byte');
    const quotes: string[] = [];
    visit(parse(view), 'blockquote', (node: Blockquote) => void quotes.push(toString(node.children[0]!)));
    assert.deepEqual(quotes, ['“China is much more attractive now,”', `“${TRICKY_QUOTE}”`]);
    assert.match(view, /Quoted in \[Wire\]\(https:\/\/od\.example\/sources\/wire\/\), Wire, 13 August 2024\./);
  });

  test('a retitled entry relabels the unlabelled cross-links to it in other entries’ Markdown', () => {
    const retitled = toSiteData(
      makeContent({ ...files, 'organizations/cnsa.mdx': page('China National Space Administration', 'An agency.', 'kind: space-agency\n') }).model,
    );
    assert.match(md('ilrs/overview', retitled), /Led by \[China National Space Administration\]\(https:\/\/od\.example\/organizations\/cnsa\/\)/);
    assert.doesNotMatch(md('ilrs/overview', retitled), /\[CNSA\]/);
  });
});

describe('llms.txt and llms-full.txt', () => {
  test('llms.txt follows llmstxt.org: H1, summary, an H2 per collection, every entry linked to its Markdown with its description', () => {
    const llms = makeLlmsTxt(ctx);
    assert.match(llms, /^# Orbital Dossier\n\n> A sourced reference/);
    assert.match(
      llms,
      /\n## ILRS\n\n.+\n\n- \[ILRS\]\(https:\/\/od\.example\/ilrs\/overview\.md\): ILRS page\.\n- \[Members\]\(https:\/\/od\.example\/ilrs\/members\.md\): Members page\.\n/,
    );
    const listed = links(llms).filter((url) => url.endsWith('.md'));
    assert.deepEqual(listed.sort(), [...site.byKey.values()].map((e) => `${ORIGIN}/${e.collection}/${e.id}.md`).sort());
    assert.doesNotMatch(llms, /## Programmes/, 'a collection without entries has no section');
  });

  test('llms-full.txt holds every entry, headings one level down and footnotes kept apart', () => {
    const full = makeLlmsFullTxt(ctx);
    assert.match(full, /^# Orbital Dossier\n/);
    assert.equal(full.match(/^# /gm)!.length, 1, 'one H1');
    for (const entry of site.byKey.values()) assert.ok(full.includes(`\n## ${entry.data.title}\n`), entry.id);
    assert.match(full, /2024\[\^ilrs-overview-1\]/);
    assert.match(full, /\n\[\^ilrs-overview-1\]: \[Wire\]/);
    assert.match(full, /\[\^ilrs-members-a\]: \[Weak copy\]/);
    assert.ok(full.includes('“China is much more attractive now,”'));
    // The memoised tree the .md serves is not changed by the full file.
    assert.equal(md('ilrs/overview'), entryToMarkdown(site.byKey.get('ilrs/overview')!, ctx));
  });

  test('a body that starts with a bullet list stays apart from the facts list before it', () => {
    const data = toSiteData(
      makeContent({ ...files, 'missions/probe.mdx': page('Probe', '- first point\n- second point', 'operators: [cnsa]\nstatus: planned\n') }).model,
    );
    const text = md('missions/probe', data);
    const lists: string[][] = [];
    visit(unified().use(remarkParse).use(remarkGfm).parse(text), 'list', (node) => {
      lists.push(node.children.map((item) => toString(item)));
    });
    assert.ok(
      lists.some((items) => items.join('|') === 'first point|second point'),
      `the body's list is a list of its own:\n${text}`,
    );
  });

  test('headings one level down in written Markdown, as in the tree: text that looks like a heading stays text', () => {
    const markdown = [
      '# Title with # inside #',
      'A paragraph.\\\n\\# not a heading, after a hard break',
      '\\# escaped at the start',
      '## Facts',
      '- \\# a list item that starts with a hash',
      '> \\## a quote that starts with hashes',
      '###### Six stays six',
      '##### Five',
      'Text with &#xA;# a coded line break',
    ].join('\n\n');
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
    const written = treeToMarkdown(tree);
    const entry = { collection: 'ilrs', id: 'overview' } as const;
    assert.equal(shiftHeadingLines(written), treeToMarkdown(shiftForLlms(structuredClone(tree), entry)));
    assert.equal(shiftHeadingLines(written).match(/^#+ /gm)?.length, 4, 'four headings, no text taken for one');
  });
});
