/**
 * Each entry's Markdown tree, made once per build and shared by `/<collection>/<id>.md` and
 * `/llms-full.txt` (parsing every body twice would double the cost). Keyed by the site data
 * it was made from, so a new model (in `astro dev`) never sees an old tree.
 */
import type { Root } from 'mdast';
import { entryToMarkdownTree, type MarkdownContext } from '../lib/entry-markdown.ts';
import type { SiteData, SiteEntry } from '../lib/site-data.ts';
import { entryToKey } from '../lib/urls.ts';

const trees = new WeakMap<SiteData, Map<string, Root>>();

/** The entry's Markdown tree; the caller must not change it (copy it first). */
export function getEntryMarkdownTree(entry: SiteEntry, ctx: MarkdownContext): Root {
  let byKey = trees.get(ctx.site);
  if (!byKey) trees.set(ctx.site, (byKey = new Map()));
  const key = entryToKey(entry);
  let tree = byKey.get(key);
  if (!tree) byKey.set(key, (tree = entryToMarkdownTree(entry, ctx)));
  return tree;
}
