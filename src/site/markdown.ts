/**
 * Each entry's Markdown parts, made once per build and shared by `/<collection>/<id>.md` and
 * `/llms-full.txt`. Keyed by the site data they were made from, so a new model (in `astro dev`)
 * never sees old parts.
 */
import { entryToMarkdownParts, type EntryMarkdownParts, type MarkdownContext } from '../lib/entry-markdown.ts';
import type { SiteData, SiteEntry } from '../lib/site-data.ts';
import { entryToKey } from '../lib/urls.ts';

const made = new WeakMap<SiteData, Map<string, EntryMarkdownParts>>();

/** The entry's Markdown parts; the caller must not change them (src/lib/entry-markdown.ts copies what it shifts). */
export function getEntryMarkdownParts(entry: SiteEntry, ctx: MarkdownContext): EntryMarkdownParts {
  let byKey = made.get(ctx.site);
  if (!byKey) made.set(ctx.site, (byKey = new Map()));
  const key = `${entryToKey(entry)}\n${String(ctx.origin)}`;
  let parts = byKey.get(key);
  if (!parts) byKey.set(key, (parts = entryToMarkdownParts(entry, ctx)));
  return parts;
}
