/**
 * The dossier as Markdown, as served: every entry's `.md` linked from its page and served as text/markdown
 * (compressed like HTML), the views' quotes in it byte for byte, `/llms.txt` listing every entry, every link of the
 * Markdown files reaching a served page, and "Copy as Markdown" writing the clipboard, at the root and under /kb/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { BASE_PORT } from '../../playwright.config.ts';
import { readContentModel } from '../../src/fs/content-model-fs.ts';
import { toSiteData } from '../unit/fake-site.ts';
import { expect, test } from './fixtures.ts';
import { DIST, getSitemapPaths } from './sitemap.ts';

const ROOT = join(import.meta.dirname, '../..');
/** The origin the build writes into absolute links (astro.config.mjs, SITE_URL unset). */
const SITE = 'https://orbital-dossier.example';
const ENTRY_PAGE = /^\/[a-z0-9-]+\/[a-z0-9-]+\/$/;
const entryPages = getSitemapPaths().filter((path) => ENTRY_PAGE.test(path) && !path.startsWith('/timeline/'));
const quotes = toSiteData(readContentModel(ROOT, join(ROOT, 'content'))).byCollection.views.flatMap((view) =>
  view.data.quotes.map((q) => ({ page: `/views/${view.id}/`, text: q.text })),
);

/** The path on the test server of an absolute link the build wrote for the site. */
const served = (url: string, base = '/') => {
  const parsed = new URL(url);
  expect(parsed.origin, url).toBe(SITE);
  expect(parsed.pathname.startsWith(base), url).toBe(true);
  return parsed.pathname;
};

async function markdownOf(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

/** Runs `check` on every item, 16 at a time: hundreds of requests, one after another, are slow on a busy machine. */
async function eachOf<T>(items: T[], check: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += 16) await Promise.all(items.slice(i, i + 16).map(check));
}

test('every entry page links its Markdown, served as text/markdown and compressed like HTML', async ({ request }) => {
  test.slow();
  expect(entryPages.length).toBeGreaterThan(300);
  await eachOf(entryPages, async (path) => {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    const href = /<link rel="alternate" type="text\/markdown" href="([^"]+)">/.exec(html)?.[1];
    expect(href, path).toBe(`${path.slice(0, -1)}.md`);
    const response = await request.get(href!, { headers: { 'Accept-Encoding': 'br' } });
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    const text = await response.text();
    if (Buffer.byteLength(text) > 1024) expect(response.headers()['content-encoding'], href).toBe('br');
    expect(text, href).toMatch(/^# \S/);
    expect(text, href).toContain(`Web page: <${SITE}${path}>`);
  });
});

test('each view’s quotes are in its Markdown byte for byte', async ({ request }) => {
  expect(quotes.length).toBeGreaterThan(5);
  for (const quote of quotes) {
    const markdown = await markdownOf(request, `${quote.page.slice(0, -1)}.md`);
    expect(markdown, quote.page).toContain(`> “${quote.text}”\n`);
  }
});

test('/llms.txt lists every entry with its Markdown, and /llms-full.txt holds every entry', async ({ request }) => {
  const llms = await markdownOf(request, '/llms.txt');
  expect(llms).toMatch(/^# Orbital Dossier\n\n> /);
  const listed = [...llms.matchAll(/^- \[[^\]]+\]\(([^)]+)\): /gm)].map((m) => served(m[1]!));
  expect(listed.sort()).toEqual(entryPages.map((p) => `${p.slice(0, -1)}.md`).sort());
  const full = await markdownOf(request, '/llms-full.txt');
  for (const path of entryPages) expect(full, path).toContain(`Web page: <${SITE}${path}>`);
  for (const quote of quotes) expect(full).toContain(`“${quote.text}”`);
});

test('every link of the Markdown to the site reaches a served page', async ({ request }) => {
  test.slow();
  const targets = new Set<string>();
  for (const path of ['/llms.txt', '/ilrs/members.md', '/views/bowen-china-as-investor-and-market.md', '/people/bleddyn-bowen.md']) {
    for (const m of (await markdownOf(request, path)).matchAll(
      /\]\((https:\/\/orbital-dossier\.example[^)\s]*)\)|<(https:\/\/orbital-dossier\.example[^>]*)>/g,
    )) {
      targets.add(served(m[1] ?? m[2]!).replace(/#.*$/, ''));
    }
  }
  expect(targets.size).toBeGreaterThan(400);
  await eachOf([...targets], async (target) => expect((await request.head(target)).status(), target).toBe(200));
});

test.describe('Copy as Markdown', () => {
  test('copies the page’s Markdown to the clipboard and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/views/bowen-china-as-investor-and-market/');
    const button = page.getByRole('button', { name: 'Copy as Markdown' });
    await button.click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied the page as Markdown.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await markdownOf(page.request, '/views/bowen-china-as-investor-and-market.md'));
    expect(copied).toContain('> “China is much more attractive now as an investor with money to spend,”\n');
  });

  test('without JavaScript, a link opens the Markdown instead', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/ilrs/members/');
    await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toBeHidden();
    await page.getByRole('link', { name: 'View as Markdown' }).click();
    await expect(page).toHaveURL('/ilrs/members.md');
    await expect(page.locator('body')).toContainText('# ILRS member states');
    await context.close();
  });
});

test.describe('under /kb/', () => {
  test.use({ baseURL: `http://localhost:${BASE_PORT}` });

  test('pages link their Markdown under the base, whose links and llms.txt stay under it too', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/kb/ilrs/members/');
    await expect(page.locator('link[rel="alternate"][type="text/markdown"]')).toHaveAttribute('href', '/kb/ilrs/members.md');
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied the page as Markdown.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`[International Lunar Research Station](${SITE}/kb/ilrs/overview/)`);
    const links = [...copied.matchAll(/\]\((https:\/\/orbital-dossier\.example[^)\s]*)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(20);
    for (const url of links) served(url, '/kb/');
    const llms = await markdownOf(page.request, '/kb/llms.txt');
    const listed = [...llms.matchAll(/^- \[[^\]]+\]\(([^)]+)\): /gm)].map((m) => served(m[1]!, '/kb/'));
    expect(listed).toHaveLength(entryPages.length);
    expect((await page.request.head(listed[0]!)).headers()['content-type']).toBe('text/markdown; charset=utf-8');
  });
});
