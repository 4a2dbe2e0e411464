/**
 * remark plugin: turns `[[collection/id]]`, `[[collection/id|label]]` and
 * `[[collection/id#heading]]` into links, and prefixes internal Markdown links with the
 * base path. An unresolvable link fails the file with its position; the build-time check
 * normally reports these earlier, all at once.
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { CROSS_LINK, getContentIndex, type ContentIndex } from '../lib/content-index.ts';
import { isExternalUrl } from '../lib/external-url.ts';
import { resolveCrossLink, resolveInternalUrl } from '../lib/resolve-links.ts';

export interface CrossLinkOptions {
  root: string;
  contentDir: string;
  base: string;
  /** For tests: a prepared index instead of reading `contentDir`. */
  index?: ContentIndex;
}

function fail(file: VFile, message: string, hint: string, node: Text | Link, offset = 0): never {
  const start = node.position?.start;
  const place = start ? { line: start.line, column: start.column + offset } : undefined;
  file.fail(`${message} ${hint}`, { place, ruleId: 'cross-link', source: 'orbital-dossier' });
}

export function remarkCrossLinks(options: CrossLinkOptions) {
  return (tree: Root, file: VFile) => {
    const index = options.index ?? getContentIndex(options.root, options.contentDir);
    const entry = file.path ? index.byPath.get(file.path) : undefined;
    // Only content entries are resolved; other Markdown (pages, fixtures) is left alone.
    if (!entry) return;

    visit(tree, (node, position, parent) => {
      if (node.type === 'link' && !isExternalUrl(node.url)) {
        const result = resolveInternalUrl(index, node.url, entry, options.base);
        if (!result.ok) fail(file, result.message, result.hint, node);
        node.url = result.href;
        return;
      }
      if (node.type !== 'text' || !parent || position === undefined) return;
      if (!node.value.includes('[[')) return;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(CROSS_LINK)) {
        const result = resolveCrossLink(index, m[1]!, options.base);
        if (!result.ok) fail(file, result.message, result.hint, node, m.index);
        if (m.index > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
        parts.push({
          type: 'link',
          url: result.href,
          children: [{ type: 'text', value: result.label }],
          data: { hProperties: { className: ['cross-link'] } },
        });
        last = m.index + m[0].length;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(position, 1, ...(parts as typeof parent.children));
      return [SKIP, position + parts.length];
    });
  };
}
