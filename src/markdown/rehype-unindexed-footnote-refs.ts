/**
 * Rehype plugin: GFM footnote reference numbers (`<sup><a data-footnote-ref>1</a></sup>`)
 * and the hidden "Footnotes" heading are left out of the search index, so excerpts read as
 * prose, not "2050. 1 8 As Russia" or "partner). Footnotes. Russia".
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const isFootnoteRef = (node: Element['children'][number]) => node.type === 'element' && node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined;

export function rehypeUnindexedFootnoteRefs() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const isRef = node.tagName === 'sup' && node.children.some(isFootnoteRef);
      const isLabel = node.tagName === 'h2' && node.properties.id === 'footnote-label';
      if (isRef || isLabel) node.properties.dataPagefindIgnore = '';
    });
  };
}
