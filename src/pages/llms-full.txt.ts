/**
 * `/llms-full.txt`: the whole dossier in one Markdown file, every entry as its `.md` has it (src/lib/entry-markdown.ts).
 * Each entry's part is kept between builds under its page's cache key (what its Markdown is made from), so a rebuild
 * after an edit makes again only the parts of the entries the edit reaches.
 */
import type { APIRoute } from 'astro';
import { openKeyedCache } from '../fs/keyed-cache-fs.ts';
import { entryToLlmsSection, makeLlmsFullTxt } from '../lib/entry-markdown.ts';
import { getCacheDir, getProjectRoot } from '../lib/project.ts';
import { getPageCacheKey, getSiteData } from '../site/entries.ts';
import { getEntryMarkdownParts } from '../site/markdown.ts';

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await getSiteData();
  const ctx = { site, origin };
  const sections = openKeyedCache(getProjectRoot(), getCacheDir(), 'llms-full-sections');
  const text = makeLlmsFullTxt(ctx, (entry) =>
    sections.get(`${origin?.href ?? ''}\n${getPageCacheKey(entry, site)}`, () => entryToLlmsSection(entry, ctx, getEntryMarkdownParts(entry, ctx))),
  );
  sections.save();
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
