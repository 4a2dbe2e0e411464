/**
 * Every entry as Markdown, for people who want the text and for machines (`/<collection>/<id>.md`,
 * `/llms.txt`, `/llms-full.txt`): the title, the description, the facts with their as-of dates,
 * the quotes exactly as the data holds them, the body with its footnotes and the sources, as the
 * HTML page shows them (src/lib/entry-page.ts prepares both).
 *
 * The body is parsed and written back by remark (mdast), never cut up as a string: cross-links
 * become absolute links labelled as the page labels them, internal links become absolute, MDX
 * imports are dropped and a figure component becomes a sentence that links to the page where
 * it is drawn. GFM (tables, footnotes, strikethrough) goes through as it is. Pure: the routes
 * hand in the site data and the site's origin.
 */
import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { COLLECTION_NAMES, getCollectionInfo } from './collections.ts';
import { CROSS_LINK, parseCrossLink } from './content-model.ts';
import { getEntryPageData, type SourceItem } from './entry-page.ts';
import { isExternalUrl } from './external-url.ts';
import { formatDate } from './format.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { collectionToUrl, entryToKey, entryToMarkdownUrl, entryToUrl, internalLinkToHref, withBase } from './urls.ts';
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

/** What a figure component shows, said in a sentence where the Markdown cannot draw it. */
const FIGURES: Record<string, string> = {
  MembersMap: 'A world map of the ILRS member states by the year they joined, beside the Artemis Accords signatories and the places of the dossier',
  MembershipChart: 'A chart of the number of ILRS members and Artemis Accords signatories over time',
  GnssComparison: 'A chart comparing the BeiDou, GPS, GLONASS and Galileo constellations by orbit type',
};

const STRINGIFY: StringifyOptions = { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one', incrementListMarker: true };

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const mdParser = unified().use(remarkParse).use(remarkGfm);
// Unpadded tables: aligning the pipes would double the size of the wide tables for no reader's benefit.
const writer = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, STRINGIFY);

const text = (value: string): Text => ({ type: 'text', value });
const link = (url: string, children: PhrasingContent[] | string): Link => ({
  type: 'link',
  url,
  children: typeof children === 'string' ? [text(children)] : children,
});
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
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

/** Rewrites a parsed body in place into plain Markdown with absolute links; see the module comment. */
function rewriteBody(tree: Root, entry: SiteEntry, ctx: MarkdownContext): void {
  const absolute = makeAbsolute(ctx);
  const pageUrl = absolute(entryToUrl(entry));
  const toAbsolute = (url: string) => (isExternalUrl(url) ? url : url.startsWith('#') ? pageUrl + url : absolute(internalLinkToHref(url, entry)));
  visit(tree, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      node.url = toAbsolute(node.url);
      return;
    }
    if (!parent || index === undefined) return;
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const figure = node.name ? FIGURES[node.name] : undefined;
      // A project component (capitalised) is drawn on the page: say what it shows and link there. An HTML element keeps its content.
      let replacement: RootContent[] = node.children as RootContent[];
      if (figure !== undefined || /^[A-Z]/.test(node.name ?? '')) {
        const pointer = link(pageUrl, `${figure ?? `A figure (${node.name})`}, with its data as a table, is on the web page`);
        replacement = [node.type === 'mdxJsxFlowElement' ? paragraph(pointer, text('.')) : pointer];
      }
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      return [SKIP, index];
    }
    if (node.type !== 'text' || !node.value.includes('[[')) return;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const m of node.value.matchAll(CROSS_LINK)) {
      const cross = parseCrossLink(m[1]!);
      // The content model has refused malformed cross-links; anything else is text.
      if (!cross) continue;
      if (m.index > last) parts.push(text(node.value.slice(last, m.index)));
      const key = `${cross.collection}/${cross.id}`;
      const label = cross.label ?? ctx.site.byKey.get(key)?.data.title ?? key;
      parts.push(link(absolute(entryToUrl(cross, undefined, cross.anchor)), label));
      last = m.index + m[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push(text(node.value.slice(last)));
    parent.children.splice(index, 1, ...(parts as typeof parent.children));
    return [SKIP, index + parts.length];
  });
}

/** The entry as an mdast tree: header, facts, quotes, body, sources, related entries. */
export function entryToMarkdownTree(entry: SiteEntry, ctx: MarkdownContext): Root {
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
  if (entry.body !== undefined && entry.body.trim() !== '') {
    const parser = entry.filePath?.endsWith('.md') ? mdParser : mdxParser;
    const body = parser.parse(entry.body);
    rewriteBody(body, entry, ctx);
    children.push(...body.children);
  }
  if (page.sources.length > 0)
    children.push(
      heading(2, 'Sources'),
      list(
        page.sources.map((s) => sourceItem(s, ctx)),
        true,
      ),
    );
  if (page.related.length > 0) {
    children.push(heading(2, 'Related'), list(page.related.map((r) => [link(absolute(r.href), r.title), text(` (${r.collection}): ${r.description}`)])));
  }
  return { type: 'root', children };
}

export function treeToMarkdown(tree: Root): string {
  return writer.stringify(tree);
}

/** The Markdown of one entry, as `/<collection>/<id>.md` serves it. */
export function entryToMarkdown(entry: SiteEntry, ctx: MarkdownContext): string {
  return treeToMarkdown(entryToMarkdownTree(entry, ctx));
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
export function entryToLlmsSection(
  entry: SiteEntry,
  ctx: MarkdownContext,
  treeOf: (entry: SiteEntry, ctx: MarkdownContext) => Root = entryToMarkdownTree,
): string {
  // A copy: the tree may be a memoised one that `/<collection>/<id>.md` serves as it is.
  const tree = structuredClone(treeOf(entry, ctx));
  const prefix = `${entryToKey(entry).replace('/', '-')}-`;
  visit(tree, (node) => {
    if (node.type === 'heading') node.depth = Math.min(node.depth + 1, 6) as Heading['depth'];
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      node.label = prefix + (node.label ?? node.identifier);
      node.identifier = prefix + node.identifier;
    }
  });
  return treeToMarkdown(tree);
}
