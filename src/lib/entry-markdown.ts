/**
 * Every entry as Markdown, for people who want the text and for machines (`/<collection>/<id>.md`,
 * `/llms.txt`, `/llms-full.txt`): the title, the description, the facts with their as-of dates,
 * the quotes exactly as the data holds them, the body with its footnotes and the sources, as the
 * HTML page shows them (src/lib/entry-page.ts prepares both).
 *
 * The body's Markdown (src/markdown/body-markdown.ts) comes made from the tree the render threads
 * parsed, stored beside the body's HTML; it is made here from the body only where the store has none
 * (MDX with components, which Astro's MDX compiler renders, and unit tests). The parts around it are
 * small mdast trees written by remark, once per entry; `/llms-full.txt` moves their headings down on
 * the written text (`shiftHeadingLines`). Pure: the routes hand in the site data and the site's origin.
 */
import type { Heading, List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { COLLECTION_NAMES, getCollectionInfo } from './collections.ts';
import { getEntryPageData, type SourceItem } from './entry-page.ts';
import { formatDate } from './format.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { collectionToUrl, entryToMarkdownUrl, entryToUrl, getBase, withBase } from './urls.ts';
import { bodyToMarkdown, isBodyMarkdown, link, paragraph, parseBody, text, treeToMarkdown, type BodyMarkdown } from '../markdown/body-markdown.ts';

import { factSchemas, volatileSchemas } from '../schemas/fields.ts';
import { SCHEMAS } from '../schemas/index.ts';

export interface MarkdownContext {
  site: SiteData;
  /** The site's origin (Astro's `site`, which the config always sets), which every link is made absolute against. */
  origin: string | URL | undefined;
}

export const SITE_NAME = 'Orbital Dossier';
export const SITE_SUMMARY =
  'A sourced reference on the new space race seen from Kazakhstan: the China-led International Lunar Research Station (ILRS), the Baikonur Cosmodrome, the BeiDou navigation system, and the experts who comment on them. Every fact is traced to its sources, with the date it holds for.';

const heading = (depth: Heading['depth'], value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
const list = (items: PhrasingContent[][], ordered = false): List => ({
  type: 'list',
  ordered,
  spread: false,
  children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })),
});

/** `a, b and c` as phrasing: the parts joined by commas. */
function joined(parts: PhrasingContent[][]): PhrasingContent[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [text(', '), ...part]));
}

function makeAbsolute(ctx: MarkdownContext) {
  return (path: string) => new URL(path, ctx.origin).href;
}

/** The as-of date of each volatile fact of an entry, by the fact's label: its own date field, else the page's `updated`. */
function volatileAsOf(entry: SiteEntry): Map<string, Date> {
  const found = new Map<string, Date>();
  const data = new Map<string, unknown>(Object.entries(entry.data));
  for (const [key, field] of Object.entries(SCHEMAS[entry.collection].shape)) {
    const meta = volatileSchemas.get(field);
    const label = factSchemas.get(field)?.label;
    if (!meta || !label || meta.settled?.includes(data.get(key))) continue;
    const date = data.get(meta.asOf ?? 'updated') ?? data.get('updated');
    if (date instanceof Date) found.set(label, date);
  }
  return found;
}

function factsList(entry: SiteEntry, ctx: MarkdownContext, facts: ReturnType<typeof getEntryPageData>['facts']): List {
  const absolute = makeAbsolute(ctx);
  const asOf = volatileAsOf(entry);
  const items = facts.map((fact): PhrasingContent[] => {
    const values = fact.values.map((v): PhrasingContent[] => [v.href ? link(v.external ? v.href : absolute(v.href), v.text) : text(v.text)]);
    const date = asOf.get(fact.label);
    return [{ type: 'strong', children: [text(`${fact.label}:`)] }, text(' '), ...joined(values), ...(date ? [text(` (as of ${formatDate(date)})`)] : [])];
  });
  const ref = (collection: string, id: string) => {
    const target = ctx.site.byKey.get(`${collection}/${id}`);
    return link(absolute(entryToUrl({ collection, id })), target ? target.data.title : id);
  };
  const sourceRef = (id: string): PhrasingContent[] => [text(' ('), ref('sources', id), text(')')];
  if (entry.collection === 'people') {
    for (const a of entry.data.affiliations) {
      const when = a.former ? ', former' : a.asOf ? `, as of ${formatDate(a.asOf)}` : '';
      items.push([
        { type: 'strong', children: [text('Affiliation:')] },
        text(` ${a.role}, `),
        ref('organizations', a.organization.id),
        text(when),
        ...(a.source ? sourceRef(a.source.id) : []),
      ]);
    }
  }
  if ((entry.collection === 'programmes' || entry.collection === 'beidou') && entry.data.constellation) {
    const c = entry.data.constellation;
    const split = (['meo', 'igso', 'geo'] as const).flatMap((orbit) => (c[orbit] === undefined ? [] : [`${c[orbit]} ${orbit.toUpperCase()}`]));
    items.push([
      { type: 'strong', children: [text('Constellation:')] },
      text(` ${c.system}, ${c.satellites} ${c.counted}${split.length > 0 ? ` (${split.join(', ')})` : ''}, as of ${formatDate(c.asOf)}`),
      ...sourceRef(c.source.id),
    ]);
  }
  if (entry.collection === 'programmes') {
    for (const p of entry.data.participantCounts) {
      items.push([{ type: 'strong', children: [text('Participants:')] }, text(` ${p.count} as of ${formatDate(p.date)}`), ...sourceRef(p.source.id)]);
    }
  }
  return list(items);
}

function sourceItem(source: SourceItem, ctx: MarkdownContext): PhrasingContent[] {
  return [
    link(makeAbsolute(ctx)(source.href), source.title),
    text(`, ${source.publisher}, ${source.published}. Original: `),
    link(source.url, source.url),
    ...(source.weak ? [text('. Weak source: an aggregator or copy, used only beside a better one.')] : []),
  ];
}

/**
 * An entry's Markdown in three parts, written: header, facts and quotes; the body; sources and related entries. The
 * head and tail are written once (by remark, from small mdast trees) and serve the `.md` page and `/llms-full.txt`.
 */
export interface EntryMarkdownParts {
  head: string;
  /** Whether the head ends with a bullet list (a body that starts with one must be kept apart from it). */
  headEndsWithList: boolean;
  body: BodyMarkdown;
  /** Empty when the entry has neither sources nor related entries. */
  tail: string;
}

/**
 * Written Markdown with every ATX heading one level down (at most six), as `shiftForLlms` does to a tree whose only
 * footnotes are in its body. Safe on what remark writes: a line of text that starts with `#` is written `\#`, and the
 * head and tail hold no code block.
 */
export function shiftHeadingLines(markdown: string): string {
  return markdown.replace(/^(#{1,5})(?= )/gm, '$1#');
}

/** The body's Markdown: as the content loader stored it beside the HTML, else made from the body here. */
function bodyMarkdown(entry: SiteEntry, ctx: MarkdownContext, origin: string): BodyMarkdown {
  const stored = entry.rendered?.metadata?.markdown;
  if (isBodyMarkdown(stored, origin)) return stored;
  const body = entry.body ?? '';
  if (body.trim() === '') return { origin, page: '', llms: '', startsWithList: false };
  const format = entry.filePath?.endsWith('.md') ? 'md' : 'mdx';
  return bodyToMarkdown(parseBody(body, format), { entry, origin, base: getBase(), titleOf: (key) => ctx.site.byKey.get(key)?.data.title });
}

/** The parts of an entry's Markdown (see EntryMarkdownParts). */
export function entryToMarkdownParts(entry: SiteEntry, ctx: MarkdownContext): EntryMarkdownParts {
  const absolute = makeAbsolute(ctx);
  const page = getEntryPageData(entry, ctx.site);
  const info = getCollectionInfo(entry.collection);
  const children: RootContent[] = [heading(1, entry.data.title), paragraph(text(entry.data.description))];
  const where: PhrasingContent[] = [
    text(`${info.singular} in `),
    link(absolute(withBase('/')), SITE_NAME),
    text(' › '),
    link(absolute(collectionToUrl(entry.collection)), info.label),
    text('. Web page: '),
    link(absolute(entryToUrl(entry)), absolute(entryToUrl(entry))),
  ];
  children.push(paragraph(...where));
  if (entry.data.aliases.length > 0) children.push(paragraph(text(`Also known as: ${entry.data.aliases.join(', ')}.`)));
  children.push(heading(2, 'Facts'), factsList(entry, ctx, page.facts));
  if (page.quotes.length > 0) {
    children.push(heading(2, 'In their words'));
    for (const q of page.quotes) {
      children.push({
        type: 'blockquote',
        children: [
          paragraph(text(`“${q.text}”`)),
          paragraph(text('Quoted in '), link(absolute(q.source.href), q.source.title), text(`, ${q.source.publisher}, ${q.date}.`)),
        ],
      });
    }
  }
  const tail: RootContent[] = [];
  if (page.sources.length > 0)
    tail.push(
      heading(2, 'Sources'),
      list(
        page.sources.map((s) => sourceItem(s, ctx)),
        true,
      ),
    );
  if (page.related.length > 0) {
    tail.push(heading(2, 'Related'), list(page.related.map((r) => [link(absolute(r.href), r.title), text(` (${r.collection}): ${r.description}`)])));
  }
  const last = children.at(-1);
  return {
    head: treeToMarkdown({ type: 'root', children }),
    headEndsWithList: last?.type === 'list' && !last.ordered,
    body: bodyMarkdown(entry, ctx, absolute('/')),
    tail: tail.length > 0 ? treeToMarkdown({ type: 'root', children: tail }) : '',
  };
}

/**
 * Markdown texts one after the other, a blank line between. A bullet list right after a bullet list would run on
 * from it: an empty comment keeps them apart.
 */
function joinMarkdown(head: string, endsWithList: boolean, body: string, startsWithList: boolean, tail: string): string {
  const parts = [head, ...(endsWithList && startsWithList ? ['<!---->\n'] : []), body, tail];
  return parts
    .filter((p) => p !== '')
    .map((p) => p.replace(/\n+$/, ''))
    .join('\n\n')
    .concat('\n');
}

/** The Markdown of one entry, as `/<collection>/<id>.md` serves it. */
export function entryToMarkdown(entry: SiteEntry, ctx: MarkdownContext, parts = entryToMarkdownParts(entry, ctx)): string {
  return joinMarkdown(parts.head, parts.headEndsWithList, parts.body.page, parts.body.startsWithList, parts.tail);
}

/** `/llms.txt` (llmstxt.org): the site's name, a summary, and per collection each entry's Markdown with its description. */
export function makeLlmsTxt(ctx: MarkdownContext): string {
  const absolute = makeAbsolute(ctx);
  const children: RootContent[] = [
    heading(1, SITE_NAME),
    { type: 'blockquote', children: [paragraph(text(SITE_SUMMARY))] },
    paragraph(
      text('Each entry below links to its Markdown; its web page is the same address with a slash for '),
      { type: 'inlineCode', value: '.md' },
      text('. The whole dossier in one file: '),
      link(absolute(withBase('/llms-full.txt')), absolute(withBase('/llms-full.txt'))),
      text('.'),
    ),
  ];
  for (const name of COLLECTION_NAMES) {
    const entries: SiteEntry[] = ctx.site.byCollection[name];
    if (entries.length === 0) continue;
    const info = getCollectionInfo(name);
    children.push(heading(2, info.label), paragraph(text(info.description)));
    children.push(list(entries.map((e) => [link(absolute(entryToMarkdownUrl(e)), e.data.title), text(`: ${e.data.description}`)])));
  }
  return treeToMarkdown({ type: 'root', children });
}

/**
 * `/llms-full.txt`: every entry's Markdown in one document, in the order of `/llms.txt`. Each entry's headings go one
 * level down under the site's title, and its footnotes are renamed `<collection>-<id>-<label>` so that the many `[^1]`
 * of the dossier stay apart in one file.
 */
export function makeLlmsFullTxt(ctx: MarkdownContext, sectionOf: (entry: SiteEntry) => string = (e) => entryToLlmsSection(e, ctx)): string {
  const parts = [treeToMarkdown({ type: 'root', children: [heading(1, SITE_NAME), { type: 'blockquote', children: [paragraph(text(SITE_SUMMARY))] }] })];
  for (const name of COLLECTION_NAMES) for (const entry of ctx.site.byCollection[name] as SiteEntry[]) parts.push(sectionOf(entry));
  return parts.join('\n');
}

/** One entry's part of `/llms-full.txt`: its Markdown, headings one level down, footnotes renamed after the entry. */
export function entryToLlmsSection(entry: SiteEntry, ctx: MarkdownContext, parts = entryToMarkdownParts(entry, ctx)): string {
  return joinMarkdown(shiftHeadingLines(parts.head), parts.headEndsWithList, parts.body.llms, parts.body.startsWithList, shiftHeadingLines(parts.tail));
}
