/**
 * Every HTML page gets its print notes as it is rendered (see src/lib/print-notes.ts), in the
 * build and in `astro dev` alike: one pass over each page's HTML while it is in memory,
 * rather than a second read, parse and write of every file after the build.
 */
import { defineMiddleware } from 'astro:middleware';
import { addPrintNotes } from './lib/print-notes.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const pageUrl = new URL(context.url.pathname, context.site ?? context.url).href;
  return new Response(addPrintNotes(html, pageUrl), { status: response.status, statusText: response.statusText, headers: response.headers });
});
