/**
 * Every entry as Markdown at `/<collection>/<id>.md`, beside its page (src/lib/entry-markdown.ts). A file beside the
 * page's folder rather than an `index.md` inside it: its address is the page's with `.md` for the trailing slash, the
 * name of a saved copy says which entry it is, and a host needs no index rule to find it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryToMarkdown } from '../../lib/entry-markdown.ts';
import type { SiteEntry } from '../../lib/site-data.ts';
import { getPageCacheKey, getSiteData } from '../../site/entries.ts';
import { getEntryMarkdownParts } from '../../site/markdown.ts';

export const getStaticPaths = (async () => {
  const site = await getSiteData();
  return [...site.byKey.values()].map((entry) => ({
    params: { collection: entry.collection, id: entry.id },
    props: { entry },
    // The Markdown shows a subset of what the page shows (titles of the entries one link away, its sources), so the
    // page's key serves it too.
    cacheKey: getPageCacheKey(entry, site),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: SiteEntry }> = async ({ props, site: origin }) => {
  const site = await getSiteData();
  const ctx = { site, origin };
  const markdown = entryToMarkdown(props.entry, ctx, getEntryMarkdownParts(props.entry, ctx));
  return new Response(markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
