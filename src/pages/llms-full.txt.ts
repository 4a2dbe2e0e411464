/** `/llms-full.txt`: the whole dossier in one Markdown file, every entry as its `.md` has it (src/lib/entry-markdown.ts). */
import type { APIRoute } from 'astro';
import { makeLlmsFullTxt } from '../lib/entry-markdown.ts';
import { getSiteData } from '../site/entries.ts';
import { getEntryMarkdownTree } from '../site/markdown.ts';

export const GET: APIRoute = async ({ site: origin }) =>
  new Response(makeLlmsFullTxt({ site: await getSiteData(), origin }, getEntryMarkdownTree), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
