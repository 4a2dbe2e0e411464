/**
 * `npm run dev` as an author uses it: saving a broken file shows the build's message in the
 * terminal and in the browser's error overlay, saving the fix clears it, links and backlinks
 * follow an edit without a restart, and search works from an index kept current.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { startDevServer, type DevServer } from './dev-server.ts';

let dev: DevServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(60_000);
  dev = await startDevServer();
});
test.afterAll(async ({}, testInfo) => {
  // The server's terminal, kept beside the test results for when a test fails.
  if (dev) writeFileSync(testInfo.outputPath('dev-server.log'), dev.output());
  await dev?.stop();
});

const overlayMessage = (page: Page) => page.locator('vite-error-overlay #message-content');

/** Opens a page; a save reloads the open page, which can cut a navigation short: then it tries again. */
async function visit(page: Page, path: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${dev.url}${path}`);
      return;
    } catch (error) {
      if (attempt === 3 || !/ERR_ABORTED|interrupted by another navigation/.test(String(error))) throw error;
    }
  }
}

/** Breaks a file, expects `message` in the terminal and the overlay, restores it, expects the overlay gone. */
async function breakAndFix(page: Page, path: string, change: (text: string) => string, message: string, at: string) {
  let original = '';
  const from = dev.output().length;
  dev.edit(path, (text) => ((original = text), change(text)));
  await dev.waitForOutput(`${at}\n  ${message}`, from);
  // The overlay renders the message's Markdown: **field** in bold.
  const shown = message.replaceAll('**', '');
  await expect(overlayMessage(page)).toContainText(`${at}\n  ${shown}`);
  // A page opened while the problem lasts shows it too.
  const other = await page.context().newPage();
  await other.goto(`${dev.url}/ilrs/beta/`);
  await expect(overlayMessage(other)).toContainText(shown);
  await other.close();
  dev.edit(path, () => original);
  await expect(page.locator('vite-error-overlay')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('runs on the pinned Node', () => {
  expect(dev.output()).toMatch(/Dev server on Node v24\.\d+\.\d+/);
});

test('a broken cross-link shows the build’s message in the terminal and the overlay, and the fix clears it', async ({ page }) => {
  await visit(page, '/ilrs/alpha/');
  await expect(page.getByRole('heading', { level: 1, name: 'Alpha station' })).toBeVisible();
  await breakAndFix(
    page,
    'ilrs/alpha.mdx',
    (t) => t.replace('Alpha links to [[ilrs/beta]]', 'Alpha links to [[ilrs/betta]]'),
    'Unknown cross-link target "ilrs/betta": no such entry.\n  Hint: Did you mean "ilrs/beta"?',
    'ilrs/alpha.mdx:11:16 UnknownCrossLinkTarget',
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Alpha station' })).toBeVisible();
});

test('a bad field and a missing source do the same', async ({ page }) => {
  await visit(page, '/people/jane-doe/');
  await breakAndFix(
    page,
    'people/jane-doe.mdx',
    (t) => t.replace('country: testland', 'countri: testland'),
    'Unexpected field **countri**.\n  Hint: Did you mean "country"?',
    'people/jane-doe.mdx:5 UnknownField',
  );
  await breakAndFix(
    page,
    'people/jane-doe.mdx',
    (t) => t.replace('sources: [example-news-2024]', 'sources: [example-news-2042]'),
    '**sources.0**: no entry "example-news-2042" in collection "sources".\n  Hint: Did you mean "example-news-2024"?',
    'people/jane-doe.mdx:10 MissingReference',
  );
});

test('a changed title relabels the cross-links and backlinks to it, and a new link adds a backlink, without a restart', async ({ page }) => {
  // The open page follows the save by itself.
  await visit(page, '/ilrs/alpha/');
  dev.edit('ilrs/beta.md', (t) => t.replace('title: Beta station', 'title: Beta outpost'));
  await expect(page.locator('.prose a[href="/ilrs/beta/"]').first()).toHaveText('Beta outpost', { timeout: 15_000 });
  await visit(page, '/ilrs/beta/');
  dev.edit('ilrs/alpha.mdx', (t) => t.replace('title: Alpha station', 'title: Alpha base'));
  await expect(page.locator('.relations [data-direction="in"] a[href="/ilrs/alpha/"]').first()).toHaveText('Alpha base', { timeout: 15_000 });
  await visit(page, '/organizations/test-institute/');
  await expect(page.locator('.relations [data-direction="in"] a[href="/ilrs/beta/"]')).toHaveCount(0);
  dev.edit('ilrs/beta.md', (t) => t.replace('Beta points back to', 'Beta names [[organizations/test-institute]] and points back to'));
  await expect(page.locator('.relations [data-direction="in"] a[href="/ilrs/beta/"]').first()).toHaveText('Beta outpost', { timeout: 15_000 });
});

test('search works in the header dialog and on /search/, and finds a new title', async ({ page }) => {
  await visit(page, '/ilrs/beta/');
  await page.keyboard.press('/');
  await page.getByRole('combobox', { name: 'Search the dossier' }).fill('Testland');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('Testland');
  const from = dev.output().length;
  dev.edit('countries/testland.mdx', (t) => t.replace('title: Testland', 'title: Zembla'));
  await dev.waitForOutput('Search index updated', from);
  await visit(page, '/search/?q=Zembla');
  await expect(page.locator('[data-results] li').first()).toContainText('Zembla');
});
