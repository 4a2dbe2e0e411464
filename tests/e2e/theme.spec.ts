/**
 * The theme switch: auto / light / dark, remembered, applied before the first paint,
 * within the CSP, by keyboard, and absent without JavaScript.
 */
import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { BASE_PORT } from '../../playwright.config.ts';
import { THEME_SCRIPT } from '../../src/lib/theme-script.ts';
import { expect, test } from './fixtures.ts';

/** The palette's page colours: the root's background (which the canvas takes) and text. */
const LIGHT = { background: 'rgb(251, 250, 247)', color: 'rgb(28, 29, 33)' };
const DARK = { background: 'rgb(20, 22, 26)', color: 'rgb(232, 230, 225)' };

function getTheme(page: Page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return { background: style.backgroundColor, color: style.color };
  });
}

/**
 * Loads a page and returns its theme in the first frame the browser renders: an init script
 * reads it in the first animation frame, which runs just before that frame is painted. The
 * switch's own script is held back until then, so only the pre-paint script can have set it.
 */
async function getFirstFrameTheme(page: Page, path: string) {
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      const style = getComputedStyle(document.documentElement);
      Object.assign(window, { firstFrame: { background: style.backgroundColor, color: style.color } });
    });
  });
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/ThemeSwitch[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(path, { waitUntil: 'commit' });
  const first = await (await page.waitForFunction(() => (window as { firstFrame?: object }).firstFrame)).jsonValue();
  release();
  await page.waitForLoadState('load');
  await page.unrouteAll();
  return first;
}

test('the switch is a select labelled Theme, operable by keyboard, that applies a choice at once', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const select = page.getByRole('combobox', { name: 'Theme' });
  await expect(select).toBeVisible();
  await expect(select).toHaveValue('auto');
  await expect(select.getByRole('option')).toHaveText(['Auto', 'Light', 'Dark']);
  expect(await getTheme(page)).toEqual(DARK);
  // From the search form, Tab leads to the switch; arrow keys change a closed select in place.
  await page.getByRole('button', { name: 'Search' }).focus();
  await page.keyboard.press('Tab');
  await expect(select).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light');
  expect(await getTheme(page)).toEqual(LIGHT);
});

test('a chosen theme is remembered across pages and reloads; auto forgets it and follows the system again', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  expect(await getTheme(page)).toEqual(DARK);
  await page.goto('/ilrs/overview/');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'dark');
  // Form controls and scrollbars follow the chosen scheme, not the system's.
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
  expect(await getTheme(page)).toEqual(DARK);
  await page.reload();
  expect(await getTheme(page)).toEqual(DARK);

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('auto');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light dark');
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'light dark');
  expect(await getTheme(page)).toEqual(LIGHT);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await getTheme(page)).toEqual(DARK);
  await page.reload();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('auto');
  expect(await getTheme(page)).toEqual(DARK);
});

test('a remembered theme is there in the first frame, with no flash of the system one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/ilrs/overview/');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  expect(await getFirstFrameTheme(page, '/ilrs/overview/')).toEqual(DARK);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');

  // The check can fail: the same page without the pre-paint script paints its first frame light.
  await page.route('/ilrs/overview/', async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    expect(html).toContain(`<script>${THEME_SCRIPT}</script>`);
    await route.fulfill({ response, body: html.replace(`<script>${THEME_SCRIPT}</script>`, '') });
  });
  expect(await getFirstFrameTheme(page, '/ilrs/overview/')).toEqual(LIGHT);
  // Once the switch's script runs, the choice applies, which is the flash the pre-paint script prevents.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the pre-paint script runs under the CSP: its hash is in the header and in the <meta> policy', async ({ page }) => {
  const response = (await page.goto('/'))!;
  const html = await response.text();
  const script = /<script>([^<]*)<\/script>/.exec(html)![1]!;
  expect(script).toBe(THEME_SCRIPT);
  const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  const scriptSrc = (policy: string) => policy.split(';').find((d) => d.trim().startsWith('script-src '))!;
  expect(scriptSrc(response.headers()['content-security-policy']!)).toContain(hash);
  expect(scriptSrc((await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content'))!)).toContain(hash);
  // The fixture fails the test on any console error, which is how a refused script shows.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('printed, a page is light whatever the theme chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/ilrs/members/');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'light');
  expect(await getTheme(page)).toEqual({ background: 'rgb(255, 255, 255)', color: 'rgb(0, 0, 0)' });
  // The figures' colours are light-dark() pairs too: printed, the light ones.
  const land = await page
    .locator('.fig-land')
    .first()
    .evaluate((el) => getComputedStyle(el).fill);
  expect(land).toBe('rgb(214, 210, 200)');
});

test('without JavaScript there is no switch, and the system scheme applies', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark', baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('theme-switch')).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveCount(0);
  expect(await getTheme(page)).toEqual(DARK);
  await context.close();
});

test.describe('under /kb/', () => {
  test.use({ baseURL: `http://localhost:${BASE_PORT}` });
  test('the choice is remembered under a base path too', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/kb/');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await page.goto('/kb/ilrs/');
    expect(await getTheme(page)).toEqual(LIGHT);
  });
});
