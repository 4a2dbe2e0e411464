/**
 * The guide's list of errors, each with an example and its fix. The guide reads the small
 * interface `GuideError`; `getCatalogueErrors` fills it from the catalogue of
 * src/lib/errors.ts as it is today (`ContentErrors`: functions that word a message and a
 * hint from their arguments, so the examples' arguments are given here, typed against
 * those functions). When the catalogue carries names, examples and fixes of its own, this
 * function is the one to rewrite.
 *
 * The errors of fields (a missing or mistyped field, a value not allowed, a reference to no
 * entry) are worded by the schema checks rather than the catalogue: `getFieldErrors` makes
 * them by running the content model on small broken entries, so the guide shows exactly
 * what the build prints. Pure.
 */
import { buildContentModel, type ContentFile } from './build-model.ts';
import { ContentErrors, ERROR_CATALOGUE, type Problem, type Raised } from './errors.ts';

export interface GuideError {
  /** Key in the catalogue, e.g. `unknownEntry`. */
  name: string;
  /** The stable name the build prints, e.g. `UnknownCrossLinkTarget`. */
  stableName?: string | undefined;
  /** The fixed content, for errors shown by their catalogue example rather than a worded message. */
  fix?: string | undefined;
  /** A few words on what causes it. */
  summary: string;
  /** What an author might write that causes it. */
  cause: { lang: 'mdx' | 'yaml' | 'text'; code: string };
  /** The problem as the build (and `npm run dev`) prints it for that example, where the guide words one. */
  example?: Problem | undefined;
}

type Catalogue = typeof ContentErrors;

interface Example<K extends keyof Catalogue> {
  summary: string;
  args: Parameters<Catalogue[K]>;
  place: Omit<Problem, 'message' | 'hint' | 'name'>;
  cause: GuideError['cause'];
}

const MEMBERS = 'content/ilrs/members.mdx';

/** Worded examples for the commonest errors; the others are shown by the catalogue's own example and fix. */
const EXAMPLES: { [K in keyof Catalogue]?: Example<K> } = {
  unknownEntry: {
    summary: 'A cross-link to an entry that does not exist.',
    args: ['countries/kazakstan', 'countries/kazakhstan'],
    place: { file: MEMBERS, line: 12, column: 5 },
    cause: { lang: 'mdx', code: 'Members include [[countries/kazakstan]].' },
  },
  unknownCollection: {
    summary: 'A cross-link whose first part is not a collection.',
    args: ['country', 'countries'],
    place: { file: MEMBERS, line: 14, column: 1 },
    cause: { lang: 'mdx', code: '[[country/kazakhstan]] joined in 2024.' },
  },
  unknownAnchor: {
    summary: 'A cross-link to a heading the target page does not have.',
    args: ['ilrs/roadmap', 'phase', 'phases'],
    place: { file: MEMBERS, line: 20, column: 9 },
    cause: { lang: 'mdx', code: 'See [[ilrs/roadmap#phase|the phases]].' },
  },
  malformedCrossLink: {
    summary: 'Text between [[ and ]] that is not collection/id.',
    args: ['[[kazakhstan]]'],
    place: { file: MEMBERS, line: 12, column: 5 },
    cause: { lang: 'mdx', code: 'Members include [[kazakhstan]].' },
  },
  unclosedCrossLink: {
    summary: 'A cross-link opened with [[ and never closed.',
    args: ['[[countries/china|China'],
    place: { file: MEMBERS, line: 31, column: 3 },
    cause: { lang: 'mdx', code: '| [[countries/china|China | 2021 |' },
  },
  unlabelledCrossLinkInHeading: {
    summary: 'A cross-link without a label in a heading.',
    args: ['[[countries/kazakhstan]]'],
    place: { file: MEMBERS, line: 40, column: 4 },
    cause: { lang: 'mdx', code: '## [[countries/kazakhstan]] joins' },
  },
  unknownInternalLink: {
    summary: 'A Markdown link to a path of the site that has no page.',
    args: ['/ilrs/member/', '/ilrs/members/'],
    place: { file: 'content/ilrs/overview.mdx', line: 18, column: 10 },
    cause: { lang: 'mdx', code: 'See [the members](/ilrs/member/).' },
  },
  duplicateId: {
    summary: 'Two files of one collection with the same name.',
    args: ['sources', 'tass-2025', ['content/sources/tass-2025.yml']],
    place: { file: 'content/sources/tass-2025.yaml' },
    cause: { lang: 'text', code: 'content/sources/tass-2025.yaml\ncontent/sources/tass-2025.yml' },
  },
  invalidId: {
    summary: 'A file name that is not a lowercase kebab-case id.',
    args: ['Jane Doe.mdx', 'jane-doe.mdx'],
    place: { file: 'content/people/Jane Doe.mdx' },
    cause: { lang: 'text', code: 'content/people/Jane Doe.mdx' },
  },
  unknownFolder: {
    summary: 'A folder of content/ that is not a collection.',
    args: ['person', 'people'],
    place: { file: 'content/person' },
    cause: { lang: 'text', code: 'content/person/jane-doe.mdx' },
  },
  unreadableFile: {
    summary: 'A file that cannot be read, such as a symbolic link to nothing.',
    args: ['content/ilrs/old.mdx', 'it is a symbolic link to nothing'],
    place: { file: 'content/ilrs/old.mdx' },
    cause: { lang: 'text', code: 'content/ilrs/old.mdx -> ../drafts/old.mdx (removed)' },
  },
  unreadableFrontmatter: {
    summary: 'Frontmatter that is not valid YAML.',
    args: ['Nested mappings are not allowed in compact mappings at line 2, column 8'],
    place: { file: MEMBERS, line: 2 },
    cause: { lang: 'yaml', code: 'title: ILRS: members' },
  },
  invalidDate: {
    summary: 'A date field that is not a real calendar date.',
    args: ['updated', '2026-02-30'],
    place: { file: MEMBERS, line: 4 },
    cause: { lang: 'yaml', code: 'updated: 2026-02-30' },
  },
};

/** Every error of the catalogue, with its example, but those the guide's field errors show worded by the model. */
export function getCatalogueErrors(): GuideError[] {
  const shownAsFieldErrors = new Set(FIELD_EXAMPLES.map((e) => e.name));
  return ERROR_CATALOGUE.filter((entry) => !shownAsFieldErrors.has(entry.key)).map((entry) => {
    const example = EXAMPLES[entry.key] as Example<typeof entry.key> | undefined;
    if (!example) {
      return { name: entry.key, stableName: entry.name, summary: entry.summary, cause: { lang: 'text', code: entry.example.bad }, fix: entry.example.fix };
    }
    const worded = (ContentErrors[entry.key] as (...args: unknown[]) => Raised)(...example.args);
    return { name: entry.key, stableName: entry.name, summary: example.summary, cause: example.cause, example: { ...example.place, ...worded } };
  });
}

const SOURCE = 'title: A report\npublisher: Wire\nurl: https://example.org/a\npublished: 2024-08-13\nkind: news\ndescription: A report.\n';
const person = (fields: string) => `---\ntitle: Ann Lee\ndescription: An analyst.\nrole: Analyst\n${fields}---\n\nAnn Lee writes on space.\n`;

/** Broken entries whose problems the schema checks word: one problem each. */
const FIELD_EXAMPLES: { name: string; summary: string; path: string; text: string; cause: string }[] = [
  { name: 'missingField', summary: 'A required field left out.', path: 'people/ann-lee.mdx', text: person(''), cause: 'role: Analyst\n# no sources:' },
  {
    name: 'wrongType',
    summary: 'A field with a value of the wrong kind.',
    path: 'people/ann-lee.mdx',
    text: person('sources: wire\n'),
    cause: 'sources: wire',
  },
  {
    name: 'valueNotAllowed',
    summary: 'A value outside the list a field allows.',
    path: 'sources/wire.yaml',
    text: SOURCE.replace('kind: news', 'kind: newz'),
    cause: 'kind: newz',
  },
  {
    name: 'unknownField',
    summary: 'A field the collection does not have (often a typo).',
    path: 'people/ann-lee.mdx',
    text: person('sources: [wire]\ncountri: kazakhstan\n'),
    cause: 'countri: kazakhstan',
  },
  {
    name: 'missingReference',
    summary: 'A reference to an entry that does not exist.',
    path: 'people/ann-lee.mdx',
    text: person('sources: [wir]\n'),
    cause: 'sources: [wir]',
  },
  {
    name: 'plainHttpUrl',
    summary: 'A source address over plain http.',
    path: 'sources/wire.yaml',
    text: SOURCE.replace('https://', 'http://'),
    cause: 'url: http://example.org/a',
  },
  {
    name: 'noSource',
    summary: 'A page that lists no source.',
    path: 'people/ann-lee.mdx',
    text: person('sources: []\n'),
    cause: 'sources: []',
  },
];

/** The field errors, as the content model words them for the examples above. */
export function getFieldErrors(): GuideError[] {
  return FIELD_EXAMPLES.map((example) => {
    const files: Record<string, string> = { 'sources/wire.yaml': SOURCE, [example.path]: example.text };
    const list: ContentFile[] = Object.entries(files).map(([path, source]) => ({
      collection: path.split('/')[0]!,
      path: `/site/content/${path}`,
      source,
      digest: `${path}:${source.length}`,
    }));
    const model = buildContentModel('/site', '/site/content', list);
    const problem = model.problems.find((p) => p.file === `content/${example.path}`);
    if (!problem) throw new Error(`The example of ${example.name} raises no problem.`);
    return { name: example.name, summary: example.summary, cause: { lang: 'yaml', code: example.cause }, example: problem };
  });
}
