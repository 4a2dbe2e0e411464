import { expect, searchUrls, test } from './fixtures.ts';

test('the home page introduces the dossier, its four topics and recent events', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Orbital Dossier');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kazakhstan');
  const main = page.getByRole('main');
  for (const topic of ['ILRS', 'Baikonur', 'BeiDou', 'Expert views']) {
    await expect(main.getByRole('link', { name: topic, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Recent events' }).getByRole('listitem')).toHaveCount(6);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a reader goes home → topic → entry → cross-link → backlink and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'ILRS', exact: true }).click();
  await expect(page).toHaveURL('/ilrs/');
  await expect(page.getByRole('heading', { level: 1, name: 'ILRS' })).toBeVisible();

  await page.getByRole('main').locator('.entry-list a[href="/ilrs/kazakhstan-accession/"]').click();
  await expect(page).toHaveURL('/ilrs/kazakhstan-accession/');
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('ILRS');

  const crossLink = page.locator('.prose a.cross-link[href="/countries/kazakhstan/"]').first();
  await crossLink.click();
  await expect(page).toHaveURL('/countries/kazakhstan/');

  const backlinks = page.getByRole('region', { name: 'Referenced by' });
  const back = backlinks.getByRole('link', { name: title, exact: true });
  await expect(back).toBeVisible();
  await back.click();
  await expect(page).toHaveURL('/ilrs/kazakhstan-accession/');
});

test('an entry page has its facts, sources, table of contents and neighbours', async ({ page }) => {
  await page.goto('/ilrs/members/');
  await expect(page.getByRole('complementary', { name: 'Facts' })).toContainText('Last checked');
  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources.getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Previous and next in this collection' })).toBeVisible();
  await expect(page.locator('.prose table').first()).toBeVisible();
});

test('an expert view shows its quotes with their source', async ({ page }) => {
  await page.goto('/views/suess-russia-junior-partner/');
  const quotes = page.getByRole('region', { name: 'In their words' });
  await expect(quotes).toContainText('junior partner');
  await expect(quotes.getByRole('link', { name: /Kazakh Plan To Join Chinese-Led Moon Base/ }).first()).toBeVisible();
});

test('an unknown address answers 404 with the site’s own page', async ({ page }) => {
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'the home page' })).toHaveAttribute('href', '/');
});

test('the search index finds a page by its name', async ({ page }) => {
  await page.goto('/');
  const urls = await searchUrls(page, 'Baikonur lease');
  expect(urls.slice(0, 3)).toContain('/baikonur/lease/');
});

test('the header search shows excerpts and opens a result with the keyboard', async ({ page }) => {
  await page.goto('/');
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/pagefind/'))), 'no search bytes before use').toBe(false);
  const box = page.getByRole('combobox', { name: 'Search the dossier' });
  await box.fill('BeiDou');
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(options.first().locator('mark').first()).toBeVisible();
  await box.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  const href = await options.first().getAttribute('href');
  await box.press('Enter');
  await expect(page).toHaveURL(href!);
});

test('the search page runs the query of its address', async ({ page }) => {
  await page.goto('/search/?q=Gagarin');
  await expect(page.getByRole('searchbox', { name: 'Search the dossier' }).first()).toHaveValue('Gagarin');
  await expect(page.locator('[data-results] li a').first()).toBeVisible();
  await expect(page.locator('[data-summary]')).toContainText('for “Gagarin”');
});
