/**
 * The catalogue's wording, locked: every entry's message and hint with sample values, as an
 * author reads them. A change of wording shows here as a diff to review; an entry without a
 * row fails, so a new kind of problem cannot ship without its wording being looked at.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CATALOGUE, ContentErrors, ContentError, ERROR_CATALOGUE, formatProblem, type ErrorKey } from '../../src/lib/errors.ts';

const WORDING: [ErrorKey, unknown[], string, string][] = [
  ['unknownFolder', ['peple', 'people'], 'Unexpected folder "content/peple", expected one of the site\'s collections.', 'Did you mean "people"?'],
  [
    'nestedFolder',
    ['content/ilrs/old', 'ilrs'],
    'Unexpected folder "content/ilrs/old", expected entry files directly in content/ilrs/.',
    'Collections are flat: move the files up one level.',
  ],
  [
    'unexpectedFileType',
    ['.png', ['.mdx', '.md', '.yaml', '.yml']],
    'Unexpected file type ".png", expected .mdx, .md, .yaml, .yml.',
    'Images and other assets belong in public/ or src/assets/.',
  ],
  [
    'upperCaseExtension',
    ['members.MDX', '.MDX'],
    'Unexpected extension ".MDX" on "members.MDX": extensions are lower-case.',
    'Use the lower-case extension .mdx: rename the file to "members.mdx".',
  ],
  [
    'invalidId',
    ['ILRS Members.mdx', 'ilrs-members.mdx'],
    'Unexpected file name "ILRS Members.mdx", expected a lowercase kebab-case id.',
    'Rename it to "ilrs-members.mdx".',
  ],
  [
    'duplicateId',
    ['ilrs', 'members', ['content/ilrs/members.md']],
    'Duplicate id "members" in collection "ilrs": also defined by content/ilrs/members.md.',
    'Each entry needs a file name of its own within its folder; rename or remove one of the files.',
  ],
  [
    'unreadableFile',
    ['content/ilrs/members.mdx', 'it is a symbolic link to nothing'],
    'Unreadable file "content/ilrs/members.mdx": it is a symbolic link to nothing.',
    'Restore the file or the target of its symbolic link, or remove it.',
  ],
  [
    'invalidUtf8',
    ['content/ilrs/members.mdx'],
    'Invalid UTF-8 in "content/ilrs/members.mdx": bytes that are not a character, which would be published as "�".',
    'Save the file as UTF-8 (in most editors: Save with Encoding → UTF-8) and check the characters on that line.',
  ],
  [
    'missingFrontmatter',
    [],
    'No frontmatter: the file does not start with a line of three dashes.',
    'Start the file with a line ---, the fields (title: …), and a closing line ---; nothing, not even a blank line, comes before it.',
  ],
  [
    'unclosedFrontmatter',
    [],
    'Unclosed frontmatter: the --- on this line has no closing --- line.',
    'Add a line of three dashes after the last field, before the body.',
  ],
  [
    'malformedFrontmatterFence',
    ['--- Body starts here.'],
    'Unexpected text on the line that closes the frontmatter: "--- Body starts here.".',
    'The closing line is three dashes alone; move the text to the next line.',
  ],
  [
    'unreadableFrontmatter',
    ['Missing closing "quote'],
    'Unreadable frontmatter: Missing closing "quote',
    'Frontmatter is YAML between two lines of three dashes at the top of the file; quote a value that holds [ ] { } : # or starts with a quote.',
  ],
  ['duplicateKey', ['title', 2, 4], 'Duplicate field **title** on lines 2 and 4.', 'Keep one of them: otherwise the last would silently win.'],
  [
    'tooManyAliases',
    [20],
    'Too many YAML alias expansions (more than 20): read in full, the frontmatter would grow exponentially ("billion laughs").',
    'Write the values out instead of repeating them with &anchors and *aliases.',
  ],
  ['invalidDate', ['updated', '2024-02-30'], '**updated**: invalid date "2024-02-30".', 'Write a real calendar date as YYYY-MM-DD, e.g. 2024-07-03.'],
  [
    'futureDate',
    ['updated', '2999-01-01', '2026-12-01'],
    '**updated**: date "2999-01-01" is after the day of the build, 2026-12-01.',
    'Write the day it was checked, published or said: a date to come would put the page first in the feed and in lists.',
  ],
  [
    'missingField',
    ['quotes.0.text', 'string'],
    '**quotes.0.text**: missing, expected a string.',
    "Add `text: …` to the frontmatter; see the field's description in src/schemas/.",
  ],
  ['wrongFieldType', ['order', 'number', '"second"'], '**order**: expected a number, received "second".', 'See the field’s description in src/schemas/.'],
  [
    'unlistedFieldValue',
    ['kind', ['news', 'report'], '"agency"', undefined],
    '**kind**: expected one of "news" | "report", received "agency".',
    'Use one of the listed values.',
  ],
  ['unknownField', [['sorces'], '', 'sources'], 'Unexpected field **sorces**.', 'Did you mean "sources"?'],
  [
    'fieldTooLong',
    ['title', 10000, 120, 'a title is shown in links'],
    '**title**: 10,000 characters, more than the 120 allowed.',
    'Shorten it: a title is shown in links.',
  ],
  [
    'invalidFieldValue',
    ['url', 'expected an https:// URL', '"ftp://x"', undefined],
    '**url**: expected an https:// URL. Received "ftp://x".',
    'See the field’s description in src/schemas/.',
  ],
  ['missingReference', ['sources.0', 'wir', 'sources', 'wire'], '**sources.0**: no entry "wir" in collection "sources".', 'Did you mean "wire"?'],
  [
    'selfReference',
    ['related.0', 'ilrs/members'],
    '**related.0**: "ilrs/members" is this entry itself.',
    'Remove it: an entry cannot be related to itself; list other entries worth reading next.',
  ],
  [
    'crossLinkInFrontmatter',
    ['description', '[[ilrs/overview]]'],
    '**description**: cross-link "[[ilrs/overview]]" in a frontmatter field, which is plain text and shown as written.',
    'Write the text without [[…]] and link from the body, where cross-links are resolved.',
  ],
  [
    'unknownCollection',
    ['peple', undefined],
    'Unknown collection "peple" in cross-link.',
    'Cross-links take the form [[collection/id]], with a folder name of content/.',
  ],
  [
    'malformedCrossLink',
    ['[[members]]'],
    'Unexpected cross-link "[[members]]", expected [[collection/id]], [[collection/id|label]] or [[collection/id#heading]].',
    'Write the collection folder and the file name without extension, e.g. [[ilrs/overview]].',
  ],
  [
    'unclosedCrossLink',
    ['[[countries/china'],
    'Unclosed cross-link "[[countries/china": no "]]" follows it in the same text.',
    'Close it as [[collection/id]]. Inside a table cell, escape the label bar: [[collection/id\\|label]].',
  ],
  [
    'unknownEntry',
    ['countries/kazakstan', 'countries/kazakhstan'],
    'Unknown cross-link target "countries/kazakstan": no such entry.',
    'Did you mean "countries/kazakhstan"?',
  ],
  [
    'unknownAnchor',
    ['ilrs/roadmap', 'phase', undefined],
    'Unknown heading anchor "#phase" in "ilrs/roadmap".',
    '"ilrs/roadmap" has no heading with that id; link to the page without an anchor or add the heading.',
  ],
  [
    'unknownInternalLink',
    ['/ilrs/overveiw/', '/ilrs/overview/'],
    'Unknown internal link "/ilrs/overveiw/": no page has that path.',
    'Did you mean "/ilrs/overview/"?',
  ],
  [
    'unlabelledCrossLinkInHeading',
    ['[[ilrs/overview]]'],
    'Unlabelled cross-link "[[ilrs/overview]]" in a heading: the heading\'s id would change with the target\'s title.',
    'Give it a label, e.g. [[ilrs/overview|label]], or move the link out of the heading.',
  ],
  [
    'insecureExternalUrl',
    ['http://example.org/report', 'external link'],
    'Insecure external link "http://example.org/report": plain http.',
    'Link to the https address: "https://example.org/report".',
  ],
  [
    'malformedExternalUrl',
    ['https://localhost/report', 'external link'],
    'Malformed external link "https://localhost/report".',
    'External links must be absolute https URLs, e.g. https://example.org/page.',
  ],
  ['unparsableBody', ['MDX', 'Unexpected character `!`'], 'Unparsable MDX: Unexpected character `!`', 'In MDX, escape a literal `{` or `<` with a backslash.'],
  [
    'nestingTooDeep',
    ['lists and quotes', 33, 32],
    'Nesting too deep: lists and quotes 33 levels deep, more than the 32 allowed.',
    'Flatten it: split the list or quote, or use headings. Nesting this deep is unreadable and stalls the Markdown parser.',
  ],
  [
    'blockedElement',
    ['script'],
    'Blocked element <script>: the site runs no script from content, and its Content-Security-Policy blocks inline scripts.',
    'Remove it; write the content in Markdown, and link to other sites rather than embedding them.',
  ],
  [
    'blockedAttribute',
    ['onError', 'img'],
    'Blocked attribute onError on <img>: inline event handlers run script, which the Content-Security-Policy blocks.',
    'Remove it: content is text, links and images, not code.',
  ],
  [
    'blockedUrl',
    ['javascript:alert(1)', 'the href of <a>'],
    'Blocked address "javascript:alert(1)" in the href of <a>: only https:, mailto:, tel: and the site\'s own paths are allowed.',
    'Link to an https:// address or to a page of the site with [[collection/id]]; put an image under public/ and link it by path.',
  ],
  [
    'externalImage',
    ['https://example.org/map.png'],
    'External image "https://example.org/map.png": the site\'s Content-Security-Policy loads images from the site itself only.',
    'Save the image (if its licence allows) under public/ and use its path, or link to it instead of showing it.',
  ],
  [
    'rootRelativeMarkupLink',
    ['/ilrs/members/'],
    'Root-relative link "/ilrs/members/" in HTML or JSX: it would not follow the base path.',
    'Write it as a Markdown link [text](/path/) or a cross-link [[collection/id|text]], which follow the base path.',
  ],
  [
    'blockedImport',
    ['node:fs'],
    'Blocked import "node:fs": an MDX file may import only the project\'s components, from src/components/ by relative path.',
    "Import a component as import Quotes from '../../src/components/Quotes.astro', or remove the import.",
  ],
  [
    'blockedExport',
    [],
    'Blocked export: an export statement runs code when the site is built.',
    'Remove it: data belongs in the frontmatter, text in the body.',
  ],
  [
    'blockedExpression',
    ['1 + 1'],
    'Blocked expression "{1 + 1}": MDX expressions run code when the site is built.',
    'Write the value out. To show a literal brace, escape it: \\{ … \\}. Comments {/* … */} are allowed.',
  ],
  [
    'unknownComponent',
    ['Quotes'],
    'Unknown component <Quotes>: the file does not import it.',
    "Import it from src/components/, e.g. import Quotes from '../../src/components/Quotes.astro', or write plain Markdown.",
  ],
  ['emptyOutputLink', ['href'], 'Empty href.', 'Give the link a target or remove it.'],
  [
    'brokenOutputLink',
    ['href', '/ilrs/gone/', '/ilrs/gone/'],
    'Broken internal link href "/ilrs/gone/": no file serves /ilrs/gone/.',
    'Link through a cross-link or withBase() so the path follows the base path.',
  ],
  [
    'brokenOutputAnchor',
    ['href', '/ilrs/members/#gone', 'ilrs/members/index.html', 'gone'],
    'Broken anchor href "/ilrs/members/#gone": ilrs/members/index.html has no id "gone".',
    'Link to an existing heading id.',
  ],
  // Other branches of the same builders: fallbacks without a suggestion, hints that depend on the value.
  [
    'unknownFolder',
    ['archive', undefined],
    'Unexpected folder "content/archive", expected one of the site\'s collections.',
    'Add the collection to src/lib/collections.ts and its schema to src/schemas/index.ts, or move the files.',
  ],
  [
    'unknownField',
    [['a', 'b'], 'quotes.0', undefined],
    'Unexpected fields **a**, **b** in **quotes.0**.',
    "Remove it, or add it to the collection's schema in src/schemas/.",
  ],
  ['unlistedFieldValue', ['kind', ['news'], '"agency"', 'news'], '**kind**: expected one of "news", received "agency".', 'Did you mean "news"?'],
  [
    'invalidFieldValue',
    ['sources', 'expected at least one source: every page cites where its facts come from', '[]', undefined],
    '**sources**: expected at least one source: every page cites where its facts come from. Received [].',
    'See the field’s description in src/schemas/.',
  ],
  ['unknownAnchor', ['ilrs/roadmap', 'phase', 'phases'], 'Unknown heading anchor "#phase" in "ilrs/roadmap".', 'Did you mean "phases"?'],
  [
    'unknownEntry',
    ['ilrs/nowhere', undefined],
    'Unknown cross-link target "ilrs/nowhere": no such entry.',
    'Create the entry, or link to an existing file under content/.',
  ],
  [
    'unknownInternalLink',
    ['/nowhere/', undefined],
    'Unknown internal link "/nowhere/": no page has that path.',
    'Prefer a cross-link, [[collection/id]], which is checked and follows the base path.',
  ],
  [
    'missingReference',
    ['person', 'ann-le', 'people', undefined],
    '**person**: no entry "ann-le" in collection "people".',
    'Add content/people/ann-le.mdx or fix the id.',
  ],
  [
    'unparsableBody',
    ['Markdown', 'Unexpected end'],
    'Unparsable Markdown: Unexpected end',
    'Check the Markdown around this line: an unclosed construct or stray character.',
  ],
  [
    'nestingTooDeep',
    ['frontmatter values', 40, 32],
    'Nesting too deep: frontmatter values 40 levels deep, more than the 32 allowed.',
    'Flatten the value: fields hold text, dates, ids and short lists.',
  ],
  [
    'blockedElement',
    ['form'],
    'Blocked element <form>: the site is static: nothing would receive what a form sends.',
    'Remove it; write the content in Markdown, and link to other sites rather than embedding them.',
  ],
  [
    'blockedAttribute',
    ['style', 'span'],
    'Blocked attribute style on <span>: the Content-Security-Policy blocks inline styles.',
    'Remove it: pages are styled by the site’s stylesheet.',
  ],
  [
    'blockedAttribute',
    ['srcdoc', 'iframe'],
    'Blocked attribute srcdoc on <iframe>: it injects markup that no check has read.',
    'Remove it: content is text, links and images, not code.',
  ],
  [
    'unknownComponent',
    ['CrossLink'],
    'Unknown component <CrossLink>: the file does not import it.',
    'Write the cross-link as [[collection/id]]: it is checked and labelled with its target’s title.',
  ],
  [
    'blockedExpression',
    ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    'Blocked expression "{xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…}": MDX expressions run code when the site is built.',
    'Write the value out. To show a literal brace, escape it: \\{ … \\}. Comments {/* … */} are allowed.',
  ],
  [
    'blockedUrl',
    ['data:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'an image'],
    'Blocked address "data:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…" in an image: only https:, mailto:, tel: and the site\'s own paths are allowed.',
    'Link to an https:// address or to a page of the site with [[collection/id]]; put an image under public/ and link it by path.',
  ],
  ['unknownField', [['headquarter'], '', undefined], 'Unexpected field **headquarter**.', "Remove it, or add it to the collection's schema in src/schemas/."],
];

describe('the error catalogue', () => {
  for (const [key, args, message, hint] of WORDING) {
    test(`${CATALOGUE[key].name}: ${JSON.stringify(args)}`, () => {
      const raised = (ContentErrors[key] as (...a: unknown[]) => { name: string; message: string; hint: string })(...args);
      assert.deepEqual(raised, { name: CATALOGUE[key].name, message, hint });
    });
  }

  test('every entry has its wording locked above', () => {
    const locked = new Set(WORDING.map(([key]) => key));
    assert.deepEqual(
      Object.keys(CATALOGUE).filter((key) => !locked.has(key as ErrorKey)),
      [],
    );
  });

  test('every name is unique and PascalCase', () => {
    const names = ERROR_CATALOGUE.map((e) => e.name);
    assert.equal(new Set(names).size, names.length, `repeated: ${names.filter((n, i) => names.indexOf(n) !== i).join(', ')}`);
    for (const name of names) assert.match(name, /^(?:[A-Z][a-z0-9]+)+$/, name);
  });

  test('every entry has a summary of one line and an example of bad input with its fix, for the guide', () => {
    assert.equal(ERROR_CATALOGUE.length, Object.keys(CATALOGUE).length);
    for (const entry of ERROR_CATALOGUE) {
      assert.match(entry.summary, /^[A-Z].*[.)]$/, `${entry.name}: summary`);
      assert.ok(!entry.summary.includes('\n'), `${entry.name}: one line`);
      assert.ok(entry.example.bad && entry.example.fix && entry.example.bad !== entry.example.fix, `${entry.name}: example`);
    }
  });

  test('no message or hint starts with "Error" or carries a stack', () => {
    for (const [key, args] of WORDING) {
      const { message, hint } = (ContentErrors[key] as (...a: unknown[]) => { message: string; hint: string })(...args);
      for (const text of [message, hint]) {
        assert.doesNotMatch(text, /^Error\b|^Oops|\n\s+at /, `${key}: ${text}`);
      }
    }
  });
});

describe('a problem as printed', () => {
  test('names the place and the stable name on its first line, then the message and the hint', () => {
    const problem = { file: 'content/ilrs/x.mdx', line: 10, column: 5, ...ContentErrors.unknownEntry('countries/kazakstan', 'countries/kazakhstan') };
    assert.equal(
      formatProblem(problem),
      'content/ilrs/x.mdx:10:5 UnknownCrossLinkTarget\n  Unknown cross-link target "countries/kazakstan": no such entry.\n  Hint: Did you mean "countries/kazakhstan"?',
    );
    assert.equal(
      formatProblem({ file: 'content/ilrs/x.MDX', ...ContentErrors.upperCaseExtension('x.MDX', '.MDX') }).split('\n')[0],
      'content/ilrs/x.MDX UpperCaseExtension',
    );
  });

  test('a report lists the problems, then one line of summary, with no stack', () => {
    const one = new ContentError([{ file: 'content/ilrs/x.mdx', line: 3, ...ContentErrors.invalidDate('updated', '2024-02-30') }]);
    assert.equal(one.message.split('\n').at(-1), '1 content problem: fix it and build again.');
    assert.ok(one.message.startsWith('content/ilrs/x.mdx:3 InvalidDate\n'));
    assert.equal(one.stack, '');
    const two = new ContentError([
      { file: 'content/a/b.mdx', ...ContentErrors.missingFrontmatter() },
      { file: 'content/a/c.mdx', ...ContentErrors.missingFrontmatter() },
    ]);
    assert.equal(two.message.split('\n').at(-1), '2 content problems: fix them and build again.');
  });
});
