/**
 * An entry's body as Markdown for `/<collection>/<id>.md` and `/llms-full.txt` (src/lib/entry-markdown.ts
 * adds the header, facts and sources around it). Made from the body's syntax tree: cross-links become
 * absolute links labelled as the page labels them, internal links become absolute, MDX imports and
 * expressions are dropped and a figure component becomes a sentence that links to the page where it
 * is drawn. GFM (tables, footnotes, strikethrough) goes through as it is.
 *
 * The render threads make it from the tree they parse to render the HTML (src/markdown/render-body.ts),
 * so a body is parsed once per build; the content loader stores it beside the HTML. Pure: everything it
 * needs (the entry, the site's origin and base, the titles its cross-links show) is handed in.
 */
import type { Heading, Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { CROSS_LINK, parseCrossLink } from '../lib/content-model.ts';
import { isExternalUrl } from '../lib/external-url.ts';
import { entryToKey, entryToUrl, internalLinkToHref, type EntryKey } from '../lib/urls.ts';

const STRINGIFY: StringifyOptions = { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one', incrementListMarker: true };

const parsers = {
  md: unified().use(remarkParse).use(remarkGfm),
  mdx: unified().use(remarkParse).use(remarkMdx).use(remarkGfm),
};
// Unpadded tables: aligning the pipes would double the size of the wide tables for no reader's benefit.
const writer = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, STRINGIFY);

export function treeToMarkdown(tree: Root): string {
  return writer.stringify(tree);
}

/** A body's syntax tree, read as the site reads it: Markdown as Markdown, MDX with MDX's syntax. */
export function parseBody(body: string, format: 'md' | 'mdx'): Root {
  return parsers[format].parse(body);
}

/** What a figure component shows, said in a sentence where the Markdown cannot draw it. */
const FIGURES: Record<string, string> = {
  MembersMap: 'A world map of the ILRS member states by the year they joined, beside the Artemis Accords signatories and the places of the dossier',
  MembershipChart: 'A chart of the number of ILRS members and Artemis Accords signatories over time',
  GnssComparison: 'A chart comparing the BeiDou, GPS, GLONASS and Galileo constellations by orbit type',
};

export interface BodyMarkdownContext {
  entry: EntryKey;
  /** The site's origin, which every link is made absolute against. */
  origin: string;
  /** The site's base path. */
  base: string;
  /** The title a cross-link without a label shows, by `collection/id`. */
  titleOf: (key: string) => string | undefined;
}

/** A body as Markdown, twice: as its `.md` has it, and as `/llms-full.txt` has it (headings one level down, footnotes renamed). */
export interface BodyMarkdown {
  /** The origin its links were made absolute against. */
  origin: string;
  page: string;
  llms: string;
  /** Whether it starts with a bullet list, which must not run on from a list before it. */
  startsWithList: boolean;
}

/** Whether a stored value is a body's Markdown made against `origin` (the data store's metadata is untyped). */
export function isBodyMarkdown(value: unknown, origin: string): value is BodyMarkdown {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Record<keyof BodyMarkdown, unknown>>;
  return m.origin === origin && typeof m.page === 'string' && typeof m.llms === 'string' && typeof m.startsWithList === 'boolean';
}

/** mdast nodes, for the Markdown made from data (here and in src/lib/entry-markdown.ts). */
export const text = (value: string): Text => ({ type: 'text', value });
export const link = (url: string, children: PhrasingContent[] | string): Link => ({
  type: 'link',
  url,
  children: typeof children === 'string' ? [text(children)] : children,
});
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

/** Rewrites a parsed body in place into plain Markdown with absolute links; see the module comment. */
function rewriteBody(tree: Root, ctx: BodyMarkdownContext): void {
  const absolute = (path: string) => new URL(path, ctx.origin).href;
  const pageUrl = absolute(entryToUrl(ctx.entry, ctx.base));
  const toAbsolute = (url: string) => (isExternalUrl(url) ? url : url.startsWith('#') ? pageUrl + url : absolute(internalLinkToHref(url, ctx.entry, ctx.base)));
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
      const label = cross.label ?? ctx.titleOf(key) ?? key;
      parts.push(link(absolute(entryToUrl(cross, ctx.base, cross.anchor)), label));
      last = m.index + m[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push(text(node.value.slice(last)));
    parent.children.splice(index, 1, ...(parts as typeof parent.children));
    return [SKIP, index + parts.length];
  });
}

/**
 * A tree as `/llms-full.txt` holds it, changed in place: headings one level down under the site's title, and the
 * footnotes of `entry` renamed `<collection>-<id>-<label>`, so that the many `[^1]` of the dossier stay apart in one file.
 */
export function shiftForLlms(tree: Root, entry: EntryKey): Root {
  const prefix = `${entryToKey(entry).replace('/', '-')}-`;
  visit(tree, (node) => {
    if (node.type === 'heading') node.depth = Math.min(node.depth + 1, 6) as Heading['depth'];
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      node.label = prefix + (node.label ?? node.identifier);
      node.identifier = prefix + node.identifier;
    }
  });
  return tree;
}

/** The body's Markdown, made from its syntax tree, which it changes. */
export function bodyToMarkdown(tree: Root, ctx: BodyMarkdownContext): BodyMarkdown {
  rewriteBody(tree, ctx);
  const first = tree.children[0];
  const startsWithList = first?.type === 'list' && !first.ordered;
  const page = tree.children.length > 0 ? treeToMarkdown(tree) : '';
  const llms = tree.children.length > 0 ? treeToMarkdown(shiftForLlms(tree, ctx.entry)) : '';
  return { origin: ctx.origin, page, llms, startsWithList };
}
