/**
 * The catalogue of author-facing errors. Each entry has a stable name (printed with every
 * message, and the key of the generated guide), a one-line summary, an example of bad input
 * with its fix, and the builders of its message (what happened, quoting the value) and its
 * hint (the fix). The content checks collect them as `Problem`s so that one build reports
 * every problem at once. `ERROR_CATALOGUE` is the same list as plain data, for a guide page.
 */
import { closest, distance } from 'fastest-levenshtein';

/** One kind of problem, as the guide lists it and as the checks raise it. */
export interface CatalogueEntry<A extends readonly unknown[] = never> {
  /** Stable PascalCase name, printed on the first line of every message of this kind. */
  name: string;
  /** What the problem is, in one line. */
  summary: string;
  /** A bad input and the same input fixed. */
  example: { bad: string; fix: string };
  message: (...args: A) => string;
  hint: (...args: A) => string;
}

function define<const N extends string, A extends readonly unknown[]>(entry: CatalogueEntry<A> & { name: N }): CatalogueEntry<A> & { name: N } {
  return entry;
}

function didYouMean(suggestion: string | undefined, fallback: string): string {
  return suggestion ? `Did you mean "${suggestion}"?` : fallback;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Why each element is refused; the key is the lower-case tag name. */
export const BLOCKED_ELEMENTS: Record<string, string> = {
  script: 'the site runs no script from content, and its Content-Security-Policy blocks inline scripts',
  style: 'the Content-Security-Policy blocks inline styles; the site’s stylesheet styles every page',
  iframe: 'the site embeds no other page, and its Content-Security-Policy blocks frames',
  frame: 'the site embeds no other page, and its Content-Security-Policy blocks frames',
  frameset: 'the site embeds no other page, and its Content-Security-Policy blocks frames',
  object: 'the Content-Security-Policy blocks plugins (object-src none)',
  embed: 'the Content-Security-Policy blocks plugins (object-src none)',
  applet: 'the Content-Security-Policy blocks plugins (object-src none)',
  form: 'the site is static: nothing would receive what a form sends',
  base: 'it would change where every relative link of the page goes',
  meta: 'page metadata comes from the frontmatter and the layout',
  link: 'stylesheets and other resources come from the layout',
  portal: 'the site embeds no other page',
  // Browsers parse these by rules of their own (raw text, foreign content), where markup can hide from this check.
  noscript: 'browsers and this check would read what is inside it differently',
  template: 'browsers and this check would read what is inside it differently',
  xmp: 'browsers and this check would read what is inside it differently',
  noembed: 'browsers and this check would read what is inside it differently',
  noframes: 'browsers and this check would read what is inside it differently',
  plaintext: 'browsers and this check would read what is inside it differently',
  svg: 'inline SVG and MathML are parsed by rules of their own and can carry script; figures are made by the site’s components',
  math: 'inline SVG and MathML are parsed by rules of their own and can carry script; figures are made by the site’s components',
};

export const CATALOGUE = {
  // Files and folders
  unknownFolder: define({
    name: 'UnknownFolder',
    summary: 'A folder of content/ that is not one of the site’s collections.',
    example: { bad: 'content/peple/ann-lee.mdx', fix: 'content/people/ann-lee.mdx' },
    message: (folder: string, _suggestion?: string) => `Unexpected folder "content/${folder}", expected one of the site's collections.`,
    hint: (_folder: string, suggestion?: string) =>
      didYouMean(suggestion, 'Add the collection to src/lib/collections.ts and its schema to src/schemas/index.ts, or move the files.'),
  }),
  nestedFolder: define({
    name: 'NestedFolder',
    summary: 'A folder inside a collection’s folder: collections are flat.',
    example: { bad: 'content/ilrs/old/members.mdx', fix: 'content/ilrs/members.mdx' },
    message: (file: string, collection: string) => `Unexpected folder "${file}", expected entry files directly in content/${collection}/.`,
    hint: () => 'Collections are flat: move the files up one level.',
  }),
  unexpectedFileType: define({
    name: 'UnexpectedFileType',
    summary: 'A file in a collection that is not .mdx, .md, .yaml or .yml.',
    example: { bad: 'content/ilrs/map.png', fix: 'public/images/map.png' },
    message: (type: string, expected: readonly string[]) => `Unexpected file type "${type}", expected ${expected.join(', ')}.`,
    hint: () => 'Images and other assets belong in public/ or src/assets/.',
  }),
  upperCaseExtension: define({
    name: 'UpperCaseExtension',
    summary: 'An entry file whose extension is not in lower case, e.g. .MDX.',
    example: { bad: 'content/ilrs/members.MDX', fix: 'content/ilrs/members.mdx' },
    message: (file: string, ext: string) => `Unexpected extension "${ext}" on "${file}": extensions are lower-case.`,
    hint: (file: string, ext: string) =>
      `Use the lower-case extension ${ext.toLowerCase()}: rename the file to "${file.slice(0, file.length - ext.length)}${ext.toLowerCase()}".`,
  }),
  invalidId: define({
    name: 'InvalidId',
    summary: 'A file name that is not a lowercase kebab-case id.',
    example: { bad: 'content/ilrs/ILRS Members.mdx', fix: 'content/ilrs/ilrs-members.mdx' },
    message: (file: string, _expected: string) => `Unexpected file name "${file}", expected a lowercase kebab-case id.`,
    hint: (_file: string, expected: string) => `Rename it to "${expected}".`,
  }),
  duplicateId: define({
    name: 'DuplicateId',
    summary: 'Two files of one collection with the same id (e.g. members.md and members.mdx).',
    example: { bad: 'content/ilrs/members.md and content/ilrs/members.mdx', fix: 'content/ilrs/members.mdx alone' },
    message: (collection: string, id: string, others: readonly string[]) =>
      `Duplicate id "${id}" in collection "${collection}": also defined by ${others.join(', ')}.`,
    hint: () => 'Each entry needs a file name of its own within its folder; rename or remove one of the files.',
  }),
  unreadableFile: define({
    name: 'UnreadableFile',
    summary: 'A file that cannot be read: a symbolic link to nothing, no permission.',
    example: { bad: 'content/ilrs/members.mdx → ../drafts/gone.mdx (missing)', fix: 'restore the target, or remove the link' },
    message: (file: string, reason: string) => `Unreadable file "${file}": ${reason}.`,
    hint: () => 'Restore the file or the target of its symbolic link, or remove it.',
  }),
  invalidUtf8: define({
    name: 'InvalidUtf8',
    summary: 'A file that is not valid UTF-8: it would be published with replacement characters.',
    example: { bad: 'a file saved as Latin-1: "Almaty \\xE9t\\xE9"', fix: 'the same file saved as UTF-8' },
    message: (file: string) => `Invalid UTF-8 in "${file}": bytes that are not a character, which would be published as "\uFFFD".`,
    hint: () => 'Save the file as UTF-8 (in most editors: Save with Encoding → UTF-8) and check the characters on that line.',
  }),

  // Frontmatter
  missingFrontmatter: define({
    name: 'MissingFrontmatter',
    summary: 'An MDX or Markdown file that does not start with frontmatter.',
    example: { bad: 'title: Members\n\nBody.', fix: '---\ntitle: Members\n---\n\nBody.' },
    message: () => 'No frontmatter: the file does not start with a line of three dashes.',
    hint: () => 'Start the file with a line ---, the fields (title: …), and a closing line ---; nothing, not even a blank line, comes before it.',
  }),
  unclosedFrontmatter: define({
    name: 'UnclosedFrontmatter',
    summary: 'Frontmatter opened by --- at the top of the file and never closed.',
    example: { bad: '---\ntitle: Members\n\nBody.', fix: '---\ntitle: Members\n---\n\nBody.' },
    message: () => 'Unclosed frontmatter: the --- on this line has no closing --- line.',
    hint: () => 'Add a line of three dashes after the last field, before the body.',
  }),
  malformedFrontmatterFence: define({
    name: 'MalformedFrontmatterFence',
    summary: 'Text on the line that closes the frontmatter.',
    example: { bad: '---\ntitle: Members\n--- Body starts here.', fix: '---\ntitle: Members\n---\n\nBody starts here.' },
    message: (line: string) => `Unexpected text on the line that closes the frontmatter: "${line}".`,
    hint: () => 'The closing line is three dashes alone; move the text to the next line.',
  }),
  unreadableFrontmatter: define({
    name: 'UnreadableFrontmatter',
    summary: 'Frontmatter that is not readable YAML.',
    example: { bad: 'title: [ILRS members', fix: 'title: "[ILRS] members"' },
    message: (reason: string) => `Unreadable frontmatter: ${reason}`,
    hint: () => 'Frontmatter is YAML between two lines of three dashes at the top of the file; quote a value that holds [ ] { } : # or starts with a quote.',
  }),
  duplicateKey: define({
    name: 'DuplicateKey',
    summary: 'One field written twice: YAML would keep only the last.',
    example: { bad: 'title: Members\ntitle: ILRS members', fix: 'title: ILRS members' },
    message: (key: string, first: number, second: number) => `Duplicate field **${key}** on lines ${first} and ${second}.`,
    hint: () => 'Keep one of them: otherwise the last would silently win.',
  }),
  tooManyAliases: define({
    name: 'TooManyAliases',
    summary: 'YAML aliases that expand too many times ("billion laughs").',
    example: { bad: 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]', fix: 'write the values out' },
    message: (limit: number) =>
      `Too many YAML alias expansions (more than ${limit}): read in full, the frontmatter would grow exponentially ("billion laughs").`,
    hint: () => 'Write the values out instead of repeating them with &anchors and *aliases.',
  }),
  invalidDate: define({
    name: 'InvalidDate',
    summary: 'A date that is not a real calendar date written YYYY-MM-DD.',
    example: { bad: 'updated: 2024-02-30', fix: 'updated: 2024-02-29' },
    message: (field: string, value: string) => `**${field}**: invalid date "${value}".`,
    hint: () => 'Write a real calendar date as YYYY-MM-DD, e.g. 2024-07-03.',
  }),
  futureDate: define({
    name: 'FutureDate',
    summary: 'A date of checking, publication or quotation that is after the day of the build.',
    example: { bad: 'updated: 2999-01-01', fix: 'updated: 2026-11-25' },
    message: (field: string, value: string, today: string) => `**${field}**: date "${value}" is after the day of the build, ${today}.`,
    hint: () => 'Write the day it was checked, published or said: a date to come would put the page first in the feed and in lists.',
  }),
  missingField: define({
    name: 'MissingField',
    summary: 'A required field that is not there.',
    example: { bad: '---\ndescription: The members.\n---', fix: '---\ntitle: ILRS members\ndescription: The members.\n---' },
    message: (field: string, expected: string) => `**${field}**: missing, expected ${article(expected)}.`,
    hint: (field: string) => `Add \`${field.split('.').at(-1)}: …\` to the frontmatter; see the field's description in src/schemas/.`,
  }),
  wrongFieldType: define({
    name: 'WrongFieldType',
    summary: 'A field whose value is of the wrong kind (a list for a text, a text for a number).',
    example: { bad: 'order: second', fix: 'order: 2' },
    message: (field: string, expected: string, received: string) => `**${field}**: expected ${article(expected)}, received ${received}.`,
    hint: () => 'See the field’s description in src/schemas/.',
  }),
  unlistedFieldValue: define({
    name: 'UnlistedFieldValue',
    summary: 'A field that takes one of a list of values, with another value.',
    example: { bad: 'kind: agency', fix: 'kind: space-agency' },
    message: (field: string, values: readonly unknown[], received: string, _suggestion?: string) =>
      `**${field}**: expected one of ${values.map((v) => JSON.stringify(v)).join(' | ')}, received ${received}.`,
    hint: (_field: string, _values: readonly unknown[], _received: string, suggestion?: string) => didYouMean(suggestion, 'Use one of the listed values.'),
  }),
  unknownField: define({
    name: 'UnknownField',
    summary: 'A field the collection’s schema does not have: refused rather than dropped.',
    example: { bad: 'sorces: [wire]', fix: 'sources: [wire]' },
    message: (keys: readonly string[], parent: string, _suggestion?: string) =>
      `Unexpected field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `**${k}**`).join(', ')}${parent ? ` in **${parent}**` : ''}.`,
    hint: (_keys: readonly string[], _parent: string, suggestion?: string) =>
      didYouMean(suggestion, `Remove it, or add it to the collection's schema in src/schemas/.`),
  }),
  fieldTooLong: define({
    name: 'FieldTooLong',
    summary: 'A text field longer than its limit (a title over 120 characters, a description over 300).',
    example: { bad: 'title: The International Lunar Research Station, its members, its roadmap and … (250 characters)', fix: 'title: ILRS members' },
    message: (field: string, length: number, maximum: number, _why: string) =>
      `**${field}**: ${length.toLocaleString('en')} characters, more than the ${maximum.toLocaleString('en')} allowed.`,
    hint: (_field: string, _length: number, _maximum: number, why: string) => `Shorten it: ${why}.`,
  }),
  invalidFieldValue: define({
    name: 'InvalidFieldValue',
    summary: 'A field whose value breaks its rule: a format, a minimum, a URL.',
    example: { bad: 'url: http://example.org/report', fix: 'url: https://example.org/report' },
    message: (field: string, what: string, received: string, _fix?: string) => `**${field}**: ${what}${/[.?]$/.test(what) ? '' : '.'} Received ${received}.`,
    hint: (_field: string, _what: string, _received: string, fix?: string) => fix ?? 'See the field’s description in src/schemas/.',
  }),
  missingReference: define({
    name: 'MissingReference',
    summary: 'A frontmatter reference to an entry that does not exist.',
    example: { bad: 'sources: [rferl-kazakhstan-moon-base-2042]', fix: 'sources: [rferl-kazakhstan-moon-base-2024]' },
    message: (path: string, id: string, collection: string, _suggestion?: string) => `**${path}**: no entry "${id}" in collection "${collection}".`,
    hint: (_path: string, id: string, collection: string, suggestion?: string) => didYouMean(suggestion, `Add content/${collection}/${id}.mdx or fix the id.`),
  }),
  selfReference: define({
    name: 'SelfReference',
    summary: 'An entry that lists itself in `related` (or another reference).',
    example: { bad: 'content/ilrs/members.mdx: related: [ilrs/members]', fix: 'related: [ilrs/overview]' },
    message: (path: string, key: string) => `**${path}**: "${key}" is this entry itself.`,
    hint: () => 'Remove it: an entry cannot be related to itself; list other entries worth reading next.',
  }),
  crossLinkInFrontmatter: define({
    name: 'CrossLinkInFrontmatter',
    summary: 'A cross-link written in a frontmatter field, which is plain text and would be published as written.',
    example: { bad: 'description: See [[ilrs/overview]].', fix: 'description: The station’s members. (and link [[ilrs/overview]] from the body)' },
    message: (field: string, raw: string) => `**${field}**: cross-link "${raw}" in a frontmatter field, which is plain text and shown as written.`,
    hint: () => 'Write the text without [[…]] and link from the body, where cross-links are resolved.',
  }),

  // Bodies
  unknownCollection: define({
    name: 'UnknownCollection',
    summary: 'A cross-link to a collection that does not exist.',
    example: { bad: '[[peple/ann-lee]]', fix: '[[people/ann-lee]]' },
    message: (value: string, _suggestion?: string) => `Unknown collection "${value}" in cross-link.`,
    hint: (_value: string, suggestion?: string) => didYouMean(suggestion, 'Cross-links take the form [[collection/id]], with a folder name of content/.'),
  }),
  malformedCrossLink: define({
    name: 'MalformedCrossLink',
    summary: 'Text between [[ and ]] that is not collection/id, with an optional #anchor and |label.',
    example: { bad: '[[members]]', fix: '[[ilrs/members]]' },
    message: (raw: string) => `Unexpected cross-link "${raw}", expected [[collection/id]], [[collection/id|label]] or [[collection/id#heading]].`,
    hint: () => 'Write the collection folder and the file name without extension, e.g. [[ilrs/overview]].',
  }),
  unclosedCrossLink: define({
    name: 'UnclosedCrossLink',
    summary: 'A [[ with no ]] after it in the same text, most often split by a table cell’s |.',
    example: { bad: '| [[countries/china|China]] |', fix: '| [[countries/china\\|China]] |' },
    message: (raw: string) => `Unclosed cross-link "${raw}": no "]]" follows it in the same text.`,
    hint: () => 'Close it as [[collection/id]]. Inside a table cell, escape the label bar: [[collection/id\\|label]].',
  }),
  unknownEntry: define({
    name: 'UnknownCrossLinkTarget',
    summary: 'A cross-link to an entry that does not exist.',
    example: { bad: '[[countries/kazakstan]]', fix: '[[countries/kazakhstan]]' },
    message: (value: string, _suggestion?: string) => `Unknown cross-link target "${value}": no such entry.`,
    hint: (_value: string, suggestion?: string) => didYouMean(suggestion, 'Create the entry, or link to an existing file under content/.'),
  }),
  unknownAnchor: define({
    name: 'UnknownHeadingAnchor',
    summary: 'A link to a heading that the target page does not have.',
    example: { bad: '[[ilrs/roadmap#phase]]', fix: '[[ilrs/roadmap#phases]]' },
    message: (target: string, anchor: string, _suggestion?: string) => `Unknown heading anchor "#${anchor}" in "${target}".`,
    hint: (target: string, _anchor: string, suggestion?: string) =>
      didYouMean(suggestion, `"${target}" has no heading with that id; link to the page without an anchor or add the heading.`),
  }),
  unknownInternalLink: define({
    name: 'UnknownInternalLink',
    summary: 'A Markdown or HTML link to a path of the site where there is no page.',
    example: { bad: '[the overview](/ilrs/overveiw/)', fix: '[the overview](/ilrs/overview/)' },
    message: (url: string, _suggestion?: string) => `Unknown internal link "${url}": no page has that path.`,
    hint: (_url: string, suggestion?: string) => didYouMean(suggestion, 'Prefer a cross-link, [[collection/id]], which is checked and follows the base path.'),
  }),
  unlabelledCrossLinkInHeading: define({
    name: 'UnlabelledCrossLinkInHeading',
    summary: 'A cross-link without a label in a heading: the heading’s id would follow another page’s title.',
    example: { bad: '## Joining [[ilrs/overview]]', fix: '## Joining [[ilrs/overview|the ILRS]]' },
    message: (raw: string) => `Unlabelled cross-link "${raw}" in a heading: the heading's id would change with the target's title.`,
    hint: (raw: string) => `Give it a label, e.g. ${raw.replace(/\]\]$/, '|label]]')}, or move the link out of the heading.`,
  }),
  insecureExternalUrl: define({
    name: 'InsecureExternalUrl',
    summary: 'A link to another site over plain http.',
    example: { bad: '[the report](http://example.org/report)', fix: '[the report](https://example.org/report)' },
    message: (url: string, what: string) => `Insecure ${what} "${url}": plain http.`,
    hint: (url: string) => `Link to the https address: "https://${url.slice('http://'.length)}".`,
  }),
  malformedExternalUrl: define({
    name: 'MalformedExternalUrl',
    summary: 'A link to another site that is not an absolute https URL with a real host name.',
    example: { bad: '[the report](https://localhost/report)', fix: '[the report](https://example.org/report)' },
    message: (url: string, what: string) => `Malformed ${what} "${url}".`,
    hint: () => 'External links must be absolute https URLs, e.g. https://example.org/page.',
  }),
  unparsableBody: define({
    name: 'UnparsableBody',
    summary: 'A body that the MDX or Markdown parser cannot read.',
    example: { bad: 'Costs rose {sharply.', fix: 'Costs rose \\{sharply.' },
    message: (format: string, reason: string) => `Unparsable ${format}: ${reason}`,
    hint: (format: string) =>
      format === 'MDX'
        ? 'In MDX, escape a literal `{` or `<` with a backslash.'
        : 'Check the Markdown around this line: an unclosed construct or stray character.',
  }),
  nestingTooDeep: define({
    name: 'NestingTooDeep',
    summary: 'Lists, quotes or elements nested deeper than the limit (32 levels).',
    example: { bad: '- a\n  - b\n    - c … (33 levels)', fix: 'at most 32 levels; split the list or use headings' },
    message: (what: string, depth: number, limit: number) => `Nesting too deep: ${what} ${depth} levels deep, more than the ${limit} allowed.`,
    hint: (what: string) =>
      what.startsWith('frontmatter')
        ? 'Flatten the value: fields hold text, dates, ids and short lists.'
        : 'Flatten it: split the list or quote, or use headings. Nesting this deep is unreadable and stalls the Markdown parser.',
  }),
  blockedElement: define({
    name: 'BlockedElement',
    summary: 'An HTML or JSX element the site refuses: <script>, <style>, <iframe>, <object>, <embed>, <form> and the like.',
    example: { bad: '<iframe src="https://example.org/map"></iframe>', fix: '[the map](https://example.org/map)' },
    message: (tag: string) => `Blocked element <${tag}>: ${BLOCKED_ELEMENTS[tag.toLowerCase()] ?? 'the site does not allow it in content'}.`,
    hint: () => 'Remove it; write the content in Markdown, and link to other sites rather than embedding them.',
  }),
  blockedAttribute: define({
    name: 'BlockedAttribute',
    summary: 'An inline event handler (onclick, onerror), a style attribute or raw-HTML injection on an element.',
    example: { bad: '<img src="/map.png" onerror="alert(1)">', fix: '![Map](/map.png)' },
    message: (attribute: string, tag: string) =>
      `Blocked attribute ${attribute} on <${tag}>: ${
        /^on/i.test(attribute)
          ? 'inline event handlers run script, which the Content-Security-Policy blocks'
          : attribute.toLowerCase() === 'style'
            ? 'the Content-Security-Policy blocks inline styles'
            : 'it injects markup that no check has read'
      }.`,
    hint: (attribute: string) =>
      attribute.toLowerCase() === 'style' ? 'Remove it: pages are styled by the site’s stylesheet.' : 'Remove it: content is text, links and images, not code.',
  }),
  blockedUrl: define({
    name: 'BlockedUrl',
    summary: 'A javascript:, vbscript: or data: address (or another unknown scheme) in a link, an image or an attribute.',
    example: { bad: '<a href="javascript:alert(1)">map</a>', fix: '[map](https://example.org/map)' },
    message: (url: string, where: string) =>
      `Blocked address "${url.length > 60 ? `${url.slice(0, 57)}…` : url}" in ${where}: only https:, mailto:, tel: and the site's own paths are allowed.`,
    hint: () => 'Link to an https:// address or to a page of the site with [[collection/id]]; put an image under public/ and link it by path.',
  }),
  externalImage: define({
    name: 'ExternalImage',
    summary: 'An image loaded from another site, which the Content-Security-Policy blocks (img-src self).',
    example: { bad: '![Baikonur](https://example.org/baikonur.jpg)', fix: '![Baikonur](/images/baikonur.jpg), the file in public/images/' },
    message: (url: string) => `External image "${url}": the site's Content-Security-Policy loads images from the site itself only.`,
    hint: () => 'Save the image (if its licence allows) under public/ and use its path, or link to it instead of showing it.',
  }),
  rootRelativeMarkupLink: define({
    name: 'RootRelativeMarkupLink',
    summary: 'A root-relative link (/ilrs/members/) in raw HTML or JSX, which would not follow the base path.',
    example: { bad: '<a href="/ilrs/members/">members</a>', fix: '[members](/ilrs/members/) or [[ilrs/members|members]]' },
    message: (url: string) => `Root-relative link "${url}" in HTML or JSX: it would not follow the base path.`,
    hint: () => 'Write it as a Markdown link [text](/path/) or a cross-link [[collection/id|text]], which follow the base path.',
  }),
  blockedImport: define({
    name: 'BlockedImport',
    summary: 'An MDX import of anything but a component of src/components/, by relative path.',
    example: { bad: "import fs from 'node:fs';", fix: "import Quotes from '../../src/components/Quotes.astro';" },
    message: (source: string) => `Blocked import "${source}": an MDX file may import only the project's components, from src/components/ by relative path.`,
    hint: () => "Import a component as import Quotes from '../../src/components/Quotes.astro', or remove the import.",
  }),
  blockedExport: define({
    name: 'BlockedExport',
    summary: 'An MDX export statement, which runs code when the site is built.',
    example: { bad: 'export const year = new Date().getFullYear();', fix: 'the value written out, or a frontmatter field' },
    message: () => 'Blocked export: an export statement runs code when the site is built.',
    hint: () => 'Remove it: data belongs in the frontmatter, text in the body.',
  }),
  blockedExpression: define({
    name: 'BlockedExpression',
    summary: 'An MDX expression {…} (or an attribute written {…}), which runs code when the site is built.',
    example: { bad: 'Founded in {1955}.', fix: 'Founded in 1955.' },
    message: (code: string) => `Blocked expression "{${code.length > 40 ? `${code.slice(0, 37)}…` : code}}": MDX expressions run code when the site is built.`,
    hint: () => 'Write the value out. To show a literal brace, escape it: \\{ … \\}. Comments {/* … */} are allowed.',
  }),
  unknownComponent: define({
    name: 'UnknownComponent',
    summary: 'A JSX component that the file does not import from src/components/.',
    example: { bad: '<Quotes />, without an import', fix: "import Quotes from '../../src/components/Quotes.astro';\n\n<Quotes />" },
    message: (name: string) => `Unknown component <${name}>: the file does not import it.`,
    hint: (name: string) =>
      name === 'CrossLink'
        ? 'Write the cross-link as [[collection/id]]: it is checked and labelled with its target’s title.'
        : `Import it from src/components/, e.g. import ${name} from '../../src/components/${name}.astro', or write plain Markdown.`,
  }),

  // The built output (src/fs/check-output-fs.ts)
  emptyOutputLink: define({
    name: 'EmptyOutputLink',
    summary: 'A built page with an empty href or src.',
    example: { bad: '<a href="">', fix: '<a href="/ilrs/members/">' },
    message: (attribute: string) => `Empty ${attribute}.`,
    hint: () => 'Give the link a target or remove it.',
  }),
  brokenOutputLink: define({
    name: 'BrokenOutputLink',
    summary: 'A built page linking to a path where no file is served.',
    example: { bad: '<a href="/ilrs/gone/">', fix: '<a href="/ilrs/members/">' },
    message: (attribute: string, url: string, pathname: string) => `Broken internal link ${attribute} "${url}": no file serves ${pathname}.`,
    hint: () => 'Link through a cross-link or withBase() so the path follows the base path.',
  }),
  brokenOutputAnchor: define({
    name: 'BrokenOutputAnchor',
    summary: 'A built page linking to an id the target page does not have.',
    example: { bad: '<a href="/ilrs/members/#gone">', fix: '<a href="/ilrs/members/#members">' },
    message: (attribute: string, url: string, file: string, fragment: string) => `Broken anchor ${attribute} "${url}": ${file} has no id "${fragment}".`,
    hint: () => 'Link to an existing heading id.',
  }),
} as const;

type Catalogue = typeof CATALOGUE;
export type ErrorKey = keyof Catalogue;
/** The stable name of every kind of problem. */
export type ErrorName = Catalogue[ErrorKey]['name'];

/** Every entry of the catalogue, as data: what a guide page lists. */
export const ERROR_CATALOGUE: readonly { key: ErrorKey; name: ErrorName; summary: string; example: { bad: string; fix: string } }[] = (
  Object.keys(CATALOGUE) as ErrorKey[]
).map((key) => ({ key, name: CATALOGUE[key].name, summary: CATALOGUE[key].summary, example: CATALOGUE[key].example }));

export interface Problem {
  /** The catalogue name of the problem, e.g. `UnknownCrossLinkTarget`. */
  name: ErrorName;
  /** Path of the offending file, relative to the project root. */
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
  hint?: string | undefined;
}

/** What a check raises: the name, message and hint of one catalogue entry with its values; the caller adds the place. */
export type Raised = Pick<Problem, 'name' | 'message'> & { hint: string };

type Raisers = { [K in ErrorKey]: (...args: Parameters<Catalogue[K]['message']>) => Raised & { name: Catalogue[K]['name'] } };

/** The builders of the catalogue: `ContentErrors.unknownEntry(value, suggestion)` → `{ name, message, hint }`. */
export const ContentErrors: Raisers = Object.fromEntries(
  (Object.keys(CATALOGUE) as ErrorKey[]).map((key) => {
    const entry = CATALOGUE[key] as unknown as CatalogueEntry<unknown[]>;
    return [key, (...args: unknown[]) => ({ name: entry.name, message: entry.message(...args), hint: entry.hint(...args) })];
  }),
) as Raisers;

export function formatProblem(p: Problem): string {
  const place = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
  return `${place} ${p.name}\n  ${p.message}${p.hint ? `\n  Hint: ${p.hint}` : ''}`;
}

/** The last line of a report: how many problems, and what to do. */
export function summarizeProblems(count: number): string {
  return count === 1 ? '1 content problem: fix it and build again.' : `${count} content problems: fix them and build again.`;
}

/** Thrown when content fails the checks; its message lists every problem, then one line of summary. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.map(formatProblem).join('\n\n')}\n\n${summarizeProblems(problems.length)}`);
    this.name = 'ContentError';
    this.problems = problems;
    // An author's mistake is told by the message alone: where our code noticed it is of no use to them.
    this.stack = '';
  }
}

/** The nearest candidate to `value`, if it is close enough to be a likely typo. */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  // A truncated or partial value ("phase" for "phases-and-dates") is a likely slip too.
  const containing = list.filter((c) => value.length >= 3 && c.includes(value));
  if (containing.length > 0) return closest(value, containing);
  const best = closest(value, list);
  const limit = Math.max(3, Math.floor(value.length / 3));
  return distance(value, best) <= limit ? best : undefined;
}
