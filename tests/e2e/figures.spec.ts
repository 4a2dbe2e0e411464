/**
 * The figures as a reader meets them: each where it belongs, named for assistive technology,
 * with its data table; the timeline whole and filtered, by links that work without JavaScript;
 * entry pages with their own events and their relations grouped by kind.
 */
import { COLOUR_RULES, findViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { getSitemapPaths } from './sitemap.ts';

const eventPaths = getSitemapPaths().filter((p) => /^\/events\/[^/]+\/$/.test(p));

test('the members page has the world map and the membership chart, each named, described and with its table', async ({ page }) => {
  await page.goto('/ilrs/members/');
  const map = page.getByRole('figure', { name: 'ILRS member states by join year, and Artemis Accords signatories' });
  await expect(map.getByRole('img', { name: 'ILRS member states by join year, and Artemis Accords signatories' })).toBeVisible();
  const rows = map.locator('table').first().locator('tbody tr');
  const members = await rows.filter({ hasText: /Founder|Joined|Join date not documented/ }).count();
  expect(members).toBeGreaterThanOrEqual(16);
  // Every member the table lists is a shaded shape on the map.
  await expect(map.locator('svg path.country:not(.fig-land)')).toHaveCount(members);
  await expect(map.locator('svg .marker circle')).toHaveCount(await map.locator('table').nth(1).locator('tbody tr').count());
  await map.getByText('Data table').click();
  await expect(rows.first().getByRole('link')).toBeVisible();

  const chart = page.getByRole('figure', { name: 'ILRS members and Artemis Accords signatories over time' });
  await expect(chart.getByRole('img')).toBeVisible();
  await expect(chart.locator('.ilrs .last')).toHaveText(String(members));
  await expect(chart).toContainText(`ILRS member states: ${members} as of`);
});

test('figures carry no inline style, and hold their shape at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/ilrs/members/', '/beidou/gnss-comparison/', '/beidou/constellation/', '/countries/kazakhstan/']) {
    await page.goto(path);
    await expect(page.locator('figure.fig').first()).toBeVisible();
    expect(await page.locator('figure.fig [style], figure.fig style').count()).toBe(0);
    for (const svg of await page.locator('figure.fig svg').all()) {
      const box = (await svg.boundingBox())!;
      const [, , w, h] = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
      expect(box.width).toBeLessThanOrEqual(390);
      expect(Math.abs(box.height / box.width - h! / w!)).toBeLessThan(0.02);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
});

test('a country page has a locator map; a state with no shape in the atlas has none', async ({ page }) => {
  await page.goto('/countries/kazakhstan/');
  await expect(page.getByRole('figure', { name: 'Where Kazakhstan is' }).getByRole('img', { name: 'Where Kazakhstan is' })).toBeVisible();
  await page.goto('/countries/soviet-union/');
  await expect(page.getByRole('figure', { name: /^Where/ })).toHaveCount(0);
  await page.goto('/places/sary-shagan/');
  await expect(page.getByRole('figure', { name: 'Where Sary Shagan is' })).toContainText('in Kazakhstan');
});

test('BeiDou: the constellation by orbit type and the comparison with GPS, GLONASS and Galileo', async ({ page }) => {
  await page.goto('/beidou/constellation/');
  const units = page.getByRole('figure', { name: 'The BeiDou constellation by orbit type' });
  await expect(units.getByRole('img')).toBeVisible();
  await expect(units.locator('svg circle')).toHaveCount(30);
  await expect(units.locator('svg circle.fig-meo')).toHaveCount(24);
  await page.goto('/beidou/gnss-comparison/');
  const bars = page.getByRole('figure', { name: 'Satellites of BeiDou, GPS, GLONASS and Galileo, by orbit type' });
  await expect(bars.getByRole('img')).toBeVisible();
  for (const system of ['BeiDou', 'GPS', 'GLONASS', 'Galileo'])
    await expect(bars.locator('table').getByRole('rowheader', { name: system, includeHidden: true })).toBeAttached();
});

test('the timeline lists every event, each linked to its page', async ({ page }) => {
  await page.goto('/timeline/');
  const items = page.locator('li[data-event]');
  await expect(items).toHaveCount(eventPaths.length);
  const hrefs = await items.locator('a.event-title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(hrefs.sort()).toEqual([...eventPaths].sort());
});

test('timeline filters are plain links: by topic and by decade, without JavaScript', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/timeline/');
  const filters = page.getByRole('navigation', { name: 'Filter the timeline' });
  const ilrs = filters.getByRole('link', { name: /^ILRS \(\d+\)$/ });
  const count = Number((await ilrs.textContent())!.match(/\((\d+)\)/)![1]);
  await ilrs.click();
  await expect(page).toHaveURL('/timeline/ilrs/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline: ILRS');
  await expect(page.locator('li[data-event]')).toHaveCount(count);
  await expect(page.getByRole('navigation', { name: 'Filter the timeline' }).getByRole('link', { name: /^ILRS/ })).toHaveAttribute('aria-current', 'page');
  await page
    .getByRole('navigation', { name: 'Filter the timeline' })
    .getByRole('link', { name: /^2020s/ })
    .click();
  await expect(page).toHaveURL('/timeline/ilrs/#decade-2020s');
  await expect(page.getByRole('heading', { level: 2, name: '2020s' })).toBeInViewport();
  await context.close();
});

test('an entry page lists its own events in order, and its relations grouped by kind', async ({ page }) => {
  await page.goto('/countries/kazakhstan/');
  const events = page.getByRole('region', { name: 'Events' });
  await expect(events.getByRole('link', { name: 'Kazakhstan joins the ILRS', exact: false }).first()).toBeVisible();
  const dates = await events.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
  expect(dates.length).toBeGreaterThan(3);
  expect([...dates].sort()).toEqual(dates);

  await page.goto('/organizations/cnsa/');
  const incoming = page.getByRole('region', { name: 'Pages that refer to this one' });
  await expect(incoming.getByRole('region', { name: /^Operates/ }).getByRole('link', { name: "Chang'e-6" })).toBeVisible();
  await expect(
    incoming
      .getByRole('region', { name: /^Took part in/ })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await page.goto('/sources/rferl-kazakhstan-moon-base-2024/');
  await expect(
    page
      .getByRole('region', { name: /^Cited by/ })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
});

test('the data tables pass axe when their disclosures are open, in both themes', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ['/ilrs/members/', '/beidou/gnss-comparison/', '/beidou/constellation/', '/countries/kazakhstan/']) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    await page.locator('details.fig-data').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
    expect(await findViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await findViolations(page, { rules: COLOUR_RULES })).toEqual([]);
  }
});

test('a printed page shows the data tables of its figures', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('/beidou/gnss-comparison/');
  await expect(page.getByRole('figure', { name: /by orbit type/ }).locator('table')).toBeVisible();
});
