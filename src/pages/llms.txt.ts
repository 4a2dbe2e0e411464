/** `/llms.txt` (llmstxt.org): the dossier's collections and entries, each linked to its Markdown (src/lib/entry-markdown.ts). */
import type { APIRoute } from 'astro';
import { makeLlmsTxt } from '../lib/entry-markdown.ts';
import { getSiteData } from '../site/entries.ts';

export const GET: APIRoute = async ({ site: origin }) =>
  new Response(makeLlmsTxt({ site: await getSiteData(), origin }), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
