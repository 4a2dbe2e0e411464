/**
 * SmartyPants (curly quotes, dashes, ellipses) as Astro's default `remark-smartypants` does it, with
 * the same library doing the work (retext-smartypants), but only where it can change something.
 *
 * remark-smartypants joins a tree's text, runs retext over it for the quotes, then runs retext again
 * over every text node for dashes, ellipses and backticks. Each run parses the text into sentences
 * and words (parse-latin): it was 2.2 of the 5 s a render thread spent per 330 bodies. A text with no
 * straight quote cannot change in the first run, and one with no `--`, two dots, backtick or `''`
 * cannot change in the second, so those runs are skipped; the rest is remark-smartypants 3.0.3 line
 * for line. A unit test shows the same tree as remark-smartypants on edge cases and the dossier.
 *
 * Run as the first transform of the pipeline (src/markdown/pipeline.ts, with Astro's own off), where
 * Astro runs remark-smartypants: before the project's plugins.
 */
import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants, { type Options } from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** Nodes whose text is read: literals, and the blocks whose text starts afresh. */
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const IGNORED_HTML = new Set(['style', 'script']);

/** What the quotes pass can change: a straight quote. */
const QUOTE = /["']/;
/** What the second pass can change: `--`, dots with only whitespace between, backticks, `''`. */
const OTHER = /--|\.\s*\.|`|''/;

type Literal = Extract<Nodes, { value: string }>;
const isLiteral = (node: Nodes): node is Literal => 'value' in node && typeof node.value === 'string';

export function remarkSmartypants(options: Options = {}) {
  // Ellipses, dashes and backticks change the text's length: done node by node, after the quotes.
  const quotes = retext().use(retextSmartypants, { ...options, ellipses: false, dashes: false, backticks: false });
  const others = retext().use(retextSmartypants, { ...options, quotes: false });
  return (tree: Root) => {
    let allText = '';
    const nodes: Nodes[] = [];
    visit(tree, (node, _index, parent) => {
      if (!parent || !VISITED.has(node.type)) return;
      if (parent.type === 'mdxJsxTextElement' && (typeof parent.name !== 'string' || IGNORED_HTML.has(parent.name))) return;
      if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else if (BLOCKS.has(node.type)) allText += ' ';
      else return;
      nodes.push(node);
    });
    // Quotes across the whole text, so that a quote around a link or bold text pairs up.
    if (QUOTE.test(allText)) allText = quotes.processSync(allText).toString();
    let start = 0;
    for (const node of nodes) {
      if (isLiteral(node)) {
        const end = start + node.value.length;
        if (node.type === 'text') {
          const text = allText.slice(start, end);
          node.value = OTHER.test(text) ? others.processSync(text).toString() : text;
        }
        start = end;
      } else start += 1;
    }
  };
}
