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

test('a reader goes home → topic → entry → cross-link → relation back', async ({ page }) => {
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

  const relations = page.getByRole('region', { name: 'Pages that refer to this one' });
  const back = relations.getByRole('link', { name: title, exact: true }).first();
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
  await expect(page.locator('.prose > table').first()).toBeVisible();
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

test('the header search opens as a dialog with / and Ctrl+K, and works by keyboard alone', async ({ page }) => {
  await page.goto('/');
  const searchBytes = () => page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('/pagefind/')).length);
  expect(await searchBytes(), 'no search bytes before search is opened').toBe(0);

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the dossier' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('/');
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox', { name: 'Search the dossier' });
  await expect(box).toBeFocused();
  await page.keyboard.type('BeiDou');
  const options = dialog.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  // Results for the whole word, not for a prefix still on screen from an earlier keystroke.
  await expect(dialog.getByRole('status')).toContainText('for “BeiDou”');
  await expect(options.first()).toBeVisible();
  await expect(options.locator('mark').first()).toBeVisible();
  expect(await searchBytes()).toBeGreaterThan(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  const href = (await options.first().getAttribute('data-href'))!;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href);
  // The landing page marks the searched term.
  await expect(page.locator('[data-pagefind-body] mark.pagefind-highlight').first()).toBeVisible();
});

test('retyping the same query quickly never lists a result twice', async ({ page }) => {
  // Results' data arrive late and out of order, so the searches of each retyping overlap.
  await page.route('**/pagefind/fragment/*', async (route) => {
    await new Promise((done) => setTimeout(done, 100 + Math.random() * 300));
    await route.continue().catch(() => {}); // the page may be gone by then
  });
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the dossier' });
  for (let i = 0; i < 3; i++) {
    await page.keyboard.type('lease');
    for (let j = 0; j < 'lease'.length; j++) await page.keyboard.press('Backspace');
  }
  await page.keyboard.type('lease');
  await expect(dialog.getByRole('status')).toContainText('for “lease”');
  await page.waitForTimeout(1000); // let every search still in flight finish
  const options = dialog.getByRole('option');
  const hrefs = await options.evaluateAll((els) => els.map((el) => el.getAttribute('data-href')));
  expect(hrefs.length).toBeGreaterThan(3);
  expect(hrefs.length).toBeLessThanOrEqual(8);
  expect(new Set(hrefs).size).toBe(hrefs.length);
});

test('closing the search dialog hands focus back to the header box without reopening it', async ({ page }) => {
  await page.goto('/');
  const header = page.getByRole('banner').getByRole('searchbox', { name: 'Search the dossier' });
  const dialog = page.getByRole('dialog', { name: 'Search the dossier' });
  await header.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(header).toBeFocused();
  await page.waitForTimeout(300); // long enough for a reopening to show
  await expect(dialog).toBeHidden();

  // Typing in the focused header box opens the dialog and carries on the same query.
  await page.keyboard.type('Baik');
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox', { name: 'Search the dossier' });
  await expect(box).toBeFocused();
  await page.keyboard.type('onur');
  await expect(box).toHaveValue('Baikonur');
  await expect(dialog.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(header).toHaveValue('Baikonur');
});

test('search shows markup in queries and pages as text, never as HTML', async ({ page }) => {
  await page.goto('/search/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E');
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await expect(page.locator('[data-summary]')).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('search-page img, search-page script').count()).toBe(0);
  await page.keyboard.press('/');
  await page.keyboard.type('<b>Baikonur</b>');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('<b>Baikonur</b>');
  expect(await page.locator('dialog b, dialog img, dialog script').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('the search page runs the query of its address', async ({ page }) => {
  await page.goto('/search/?q=Gagarin');
  await expect(page.getByRole('search', { name: 'Search with filters' }).getByRole('searchbox')).toHaveValue('Gagarin');
  await expect(page.locator('[data-results] li a').first()).toBeVisible();
  await expect(page.locator('[data-summary]')).toContainText('for “Gagarin”');
});

test('on a phone, the search page’s box is wide enough to read a query', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/search/?q=Baikonur');
  const box = await page.getByRole('search', { name: 'Search with filters' }).getByRole('searchbox').boundingBox();
  // It used to shrink to a sliver beside its label (about 30 px) on a 390-pixel screen.
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(150);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('printed, a page drops navigation and search, and lists its links as numbered notes', async ({ page }) => {
  await page.goto('/ilrs/members/');
  const notes = page.getByRole('region', { name: 'Link addresses' });
  await expect(notes, 'on screen the notes are hidden').toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(notes).toBeVisible();
  const items = notes.getByRole('listitem');
  expect(await items.count()).toBeGreaterThan(20);

  // A cross-link in the text: its number names its full address in the notes.
  const link = page.locator('.prose a.cross-link').first();
  const number = Number(await link.getAttribute('data-print-note'));
  const href = (await link.getAttribute('href'))!;
  const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
  await expect(items.nth(number - 1)).toHaveText(new URL(href, canonical).href);
  expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toContain('[');
  // A source's external address is listed as it is.
  const external = page.locator('.sources a[href^="https://"]').first();
  await expect(items.nth(Number(await external.getAttribute('data-print-note')) - 1)).toHaveText((await external.getAttribute('href'))!);
});

test('the search page combines facets (OR within one, AND across), shows counts and keeps them in its address', async ({ page }) => {
  await page.goto('/search/?q=Baikonur');
  const filters = page.getByRole('group', { name: 'Filters' });
  const summary = page.locator('[data-summary]');
  const total = async () => Number((await summary.textContent())!.match(/^(\d+) result/)![1]);
  const facet = (group: string, value: string) => filters.getByRole('group', { name: group }).getByRole('checkbox', { name: new RegExp(`^${value} \\d+$`) });
  const countOf = async (group: string, value: string) =>
    Number(
      (await facet(group, value)
        .getAttribute('id')
        .then((id) => page.locator(`label[for="${id}"] .facet-count`).textContent()))!,
    );
  await expect(summary).toContainText('for “Baikonur”');
  const all = await total();

  const events = await countOf('Collection', 'Events');
  const places = await countOf('Collection', 'Places');
  expect(events).toBeGreaterThan(0);
  expect(places).toBeGreaterThan(0);
  await facet('Collection', 'Events').check();
  await expect(page).toHaveURL(/[?&]collection=Events/);
  await expect.poll(total).toBe(events);
  await facet('Collection', 'Places').check();
  await expect.poll(total).toBe(events + places);
  expect(events + places).toBeLessThan(all);

  await facet('Country', 'Kazakhstan').check();
  await expect(page).toHaveURL(/country=Kazakhstan/);
  await expect.poll(total).toBeLessThanOrEqual(events + places);
  const narrowed = await total();
  expect(narrowed).toBeGreaterThan(0);

  await page.reload();
  await expect(facet('Collection', 'Events')).toBeChecked();
  await expect(facet('Collection', 'Places')).toBeChecked();
  await expect(facet('Country', 'Kazakhstan')).toBeChecked();
  await expect.poll(total).toBe(narrowed);
  // Chosen values come first, where a long, scrolling list cannot hide them.
  const collections = filters.getByRole('group', { name: 'Collection' }).getByRole('checkbox');
  await expect(collections.nth(0)).toBeChecked();
  await expect(collections.nth(1)).toBeChecked();
  await expect(collections.nth(2)).not.toBeChecked();
});

test('search results link to the matching headings of a page', async ({ page }) => {
  await page.goto('/search/?q=Sputnik');
  const sub = page.locator('[data-results] .result-subs a').first();
  await expect(sub).toBeVisible();
  const href = (await sub.getAttribute('href'))!;
  expect(href).toMatch(/#[a-z0-9-]+$/);
  await sub.click();
  const id = decodeURIComponent(href.split('#')[1]!);
  await expect(page.locator(`[id="${id}"]`)).toBeVisible();
  await expect(page.locator(`[id="${id}"]`)).toHaveRole('heading');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search form leads to a page that explains and links to the collection indexes', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search the dossier' });
    await box.fill('Baikonur');
    await box.press('Enter');
    await expect(page).toHaveURL('/search/?q=Baikonur');
    await expect(page.getByText('Search runs in your browser with JavaScript')).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'Expert views', exact: true }).click();
    await expect(page).toHaveURL('/views/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
