/**
 * The collection sidebar: it lists the current collection, marks the current page, folds its
 * groups and opens on phones, all without JavaScript; search and print leave it out.
 */
import { expect, test } from './fixtures.ts';

test.use({ javaScriptEnabled: false });

type Page = import('@playwright/test').Page;

const sidebarOf = (page: Page, label: string) => page.getByRole('navigation', { name: `Pages in ${label}` });

/**
 * The expanded state a screen reader is told, from Chromium's accessibility tree: a popover
 * button's state comes from the browser, not from an aria-expanded attribute in the markup.
 */
async function expandedState(page: Page, selector: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0]?.properties?.find((p) => p.name === 'expanded')?.value.value;
}

test('lists a topic collection in its order and marks the current page', async ({ page }) => {
  await page.goto('/ilrs/');
  const indexTitles = await page.getByRole('main').locator('.entry-list > li > a').allTextContents();
  expect(indexTitles.length).toBeGreaterThan(3);
  await page.goto('/ilrs/members/');
  const sidebar = sidebarOf(page, 'ILRS');
  await expect(sidebar).toBeVisible();
  const links = sidebar.getByRole('listitem').getByRole('link');
  expect((await links.allTextContents()).map((t) => t.trim())).toEqual(indexTitles.map((t) => t.trim()));
  const current = sidebar.locator('[aria-current="page"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText(await page.getByRole('heading', { level: 1 }).innerText());
  await expect(current).toHaveAttribute('href', '/ilrs/members/');
});

test('groups an entity collection; the current group is open and the others open on a click, without JavaScript', async ({ page }) => {
  await page.goto('/people/bleddyn-bowen/');
  const sidebar = sidebarOf(page, 'People');
  const open = sidebar.locator('details[open]');
  await expect(open).toHaveCount(1);
  await expect(open.locator('[aria-current="page"]')).toHaveText('Bleddyn Bowen');
  const states = await sidebar.locator('details').evaluateAll((nodes) => nodes.map((n) => (n as HTMLDetailsElement).open));
  const closed = sidebar.locator('details').nth(states.indexOf(false));
  const firstLink = closed.getByRole('link').first();
  await expect(firstLink).toBeHidden();
  await closed.locator('summary').click();
  await expect(firstLink).toBeVisible();
});

test('the collection index marks itself current and holds a section for each group', async ({ page }) => {
  await page.goto('/people/');
  const sidebar = sidebarOf(page, 'People');
  await expect(sidebar.getByRole('link', { name: 'People', exact: true })).toHaveAttribute('aria-current', 'page');
  const groups = await sidebar.locator('summary').evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent?.trim()));
  const sections = await page
    .getByRole('main')
    .getByRole('heading', { level: 2 })
    .evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent?.trim()));
  expect(groups).toEqual(sections);
});

test('a large collection lists a window of the current group and links the other groups to the index', async ({ page }) => {
  await page.goto('/events/1994-03-28-baikonur-lease-signed/');
  const sidebar = sidebarOf(page, 'Events');
  await expect(sidebar.locator('[aria-current="page"]')).toHaveText('Russia and Kazakhstan sign the Baikonur agreement');
  const other = sidebar.locator('.sidebar-link a').first();
  const href = (await other.getAttribute('href'))!;
  expect(href).toMatch(/^\/events\/#group-\d{4}$/);
  await other.click();
  await expect(page).toHaveURL(href);
  await expect(page.locator(href.slice(href.indexOf('#')))).toBeInViewport();
});

test('on a phone the sidebar is behind a menu button that opens and closes it, without JavaScript', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/people/bleddyn-bowen/');
  const sidebar = sidebarOf(page, 'People');
  await expect(sidebar).toBeHidden();
  const button = page.getByRole('button', { name: 'Pages in People' });
  expect(await expandedState(page, '.sidebar-toggle')).toBe(false);
  await button.click();
  await expect(sidebar).toBeVisible();
  expect(await expandedState(page, '.sidebar-toggle')).toBe(true);
  await expect(sidebar.locator('[aria-current="page"]')).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
  await button.click();
  await sidebar.getByRole('button', { name: 'Close' }).click();
  await expect(sidebar).toBeHidden();
});

test('on a wide screen there is no menu button, and print leaves the sidebar out', async ({ page }) => {
  await page.goto('/ilrs/overview/');
  await expect(page.getByRole('button', { name: 'Pages in ILRS' })).toBeHidden();
  const frame = page.locator('.sidebar-frame');
  await expect(frame).toHaveAttribute('data-pagefind-ignore', 'all');
  await page.emulateMedia({ media: 'print' });
  await expect(sidebarOf(page, 'ILRS')).toBeHidden();
});
