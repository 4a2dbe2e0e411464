/**
 * remark plugin: turns `[[collection/id]]`, `[[collection/id|label]]` and
 * `[[collection/id#heading]]` into links, and prefixes internal Markdown links with the
 * base path. It needs no knowledge of the other entries: whether a target and its anchor
 * exist was checked in the content model before anything renders, and a link without a
 * label gets its target's title when the page renders (MDX: the `CrossLink` component) or
 * from the labels handed in with the body (Markdown rendered by the content loader). So a
 * compiled body depends only on its own file.
 */
import type { Link, PhrasingContent, Root } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { relative, sep } from 'node:path';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { CROSS_LINK, parseCrossLink } from '../lib/content-model.ts';
import { ContentErrors } from '../lib/errors.ts';
import { isExternalUrl } from '../lib/external-url.ts';
import { entryToUrl, internalLinkToHref, type EntryKey } from '../lib/urls.ts';

export interface CrossLinkOptions {
  /** The folder of the collections: only its files are entries. */
  contentDir: string;
  base: string;
}

/** The entry a file is, from its path: `<contentDir>/<collection>/<id>.<ext>`. */
function fileToEntry(path: string | undefined, contentDir: string): EntryKey | undefined {
  if (!path) return undefined;
  const parts = relative(contentDir, path).split(sep);
  if (parts.length !== 2 || parts[0] === '..') return undefined;
  return { collection: parts[0]!, id: parts[1]!.replace(/\.[^.]+$/, '') };
}

/** The labels the loader hands a body it renders itself (Markdown, and MDX without components); undefined otherwise. */
function labelsOf(file: VFile): Record<string, string> | undefined {
  const astro = file.data.astro as { frontmatter?: { crossLinkLabels?: Record<string, string> } } | undefined;
  return astro?.frontmatter?.crossLinkLabels;
}

export function remarkCrossLinks(options: CrossLinkOptions) {
  return (tree: Root, file: VFile) => {
    const entry = fileToEntry(file.path, options.contentDir);
    // Only content entries are resolved; other Markdown (pages, fixtures) is left alone.
    if (!entry) return;
    const given = labelsOf(file);
    // An MDX body compiled by Astro gets no labels: its unlabelled links are labelled when the page renders.
    const mdx = file.path.endsWith('.mdx') && given === undefined;
    const labels = given ?? {};

    visit(tree, (node, position, parent) => {
      if (node.type === 'link' && !isExternalUrl(node.url)) {
        node.url = internalLinkToHref(node.url, entry, options.base);
        return;
      }
      if (node.type !== 'text' || !parent || position === undefined) return;
      if (!node.value.includes('[[')) return;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(CROSS_LINK)) {
        const link = parseCrossLink(m[1]!);
        if (!link) {
          const start = node.position?.start;
          return file.fail(ContentErrors.malformedCrossLink(m[0]).message, {
            place: start && { line: start.line, column: start.column + m.index },
            ruleId: 'cross-link',
            source: 'orbital-dossier',
          });
        }
        const key = `${link.collection}/${link.id}`;
        const href = entryToUrl(link, options.base, link.anchor);
        if (m.index > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
        const label = link.label ?? labels[key];
        if (label !== undefined || !mdx) {
          const a: Link = { type: 'link', url: href, children: [{ type: 'text', value: label ?? key }], data: { hProperties: { className: ['cross-link'] } } };
          parts.push(a);
        } else {
          const element: MdxJsxTextElement = {
            type: 'mdxJsxTextElement',
            name: 'CrossLink',
            attributes: [
              { type: 'mdxJsxAttribute', name: 'to', value: key },
              { type: 'mdxJsxAttribute', name: 'href', value: href },
            ],
            children: [],
          };
          parts.push(element);
        }
        last = m.index + m[0].length;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(position, 1, ...(parts as typeof parent.children));
      return [SKIP, position + parts.length];
    });
  };
}
