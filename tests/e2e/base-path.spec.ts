import { BASE_PORT } from '../../playwright.config.ts';
import { expect, searchUrls, test } from './fixtures.ts';

test.use({ baseURL: `http://localhost:${BASE_PORT}` });

test('under /kb/ every link, asset and search result stays under the base', async ({ page }) => {
  await page.goto('/kb/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kazakhstan');
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(10);
  expect(hrefs.filter((href) => !href.startsWith('/kb/'))).toEqual([]);
  const assets = await page.locator('link[href^="/"], script[src^="/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src')!));
  expect(assets.filter((a) => !a.startsWith('/kb/'))).toEqual([]);
  // The stylesheet loaded: the header has its background.
  await expect(page.locator('.site-header')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');

  await page.getByRole('main').getByRole('link', { name: 'Baikonur', exact: true }).click();
  await expect(page).toHaveURL('/kb/baikonur/');
  await page.locator('.entry-list a').first().click();
  await expect(page).toHaveURL(/\/kb\/baikonur\/[a-z0-9-]+\/$/);
  const crossLinks = await page.locator('.prose a.cross-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(crossLinks.length).toBeGreaterThan(0);
  expect(crossLinks.filter((h) => !h.startsWith('/kb/'))).toEqual([]);

  const urls = await searchUrls(page, 'Baikonur lease', '/kb/pagefind/');
  expect(urls.slice(0, 3)).toContain('/kb/baikonur/lease/');
});

test('under /kb/ the header search links results under the base', async ({ page }) => {
  await page.goto('/kb/ilrs/');
  await page.keyboard.press('/');
  await page.getByRole('combobox', { name: 'Search the dossier' }).fill('Gagarin');
  const first = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(first).toHaveAttribute('data-href', /^\/kb\//);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/kb\//);
});

test('under /kb/ a missing page gets the 404 page with working links', async ({ page }) => {
  const response = await page.goto('/kb/missing/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'the home page' })).toHaveAttribute('href', '/kb/');
});
