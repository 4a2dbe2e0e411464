/**
 * Quality gates over the whole built site: accessibility (axe, WCAG 2.2 A/AA and best
 * practices, in the light and dark themes, from the system's setting or chosen with the
 * theme switch), valid HTML, and the security headers as served.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { chooseTheme, COLOUR_RULES, findViolations, getColourDifferences, getColours } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { chunk, DIST, getSitemapPaths } from './sitemap.ts';

const paths = getSitemapPaths();

test('the sitemap lists every page of every collection', () => {
  expect(paths).toContain('/');
  expect(paths).toContain('/ilrs/overview/');
  expect(paths).toContain('/search/');
  expect(paths).not.toContain('/404/');
  expect(paths.length).toBeGreaterThan(100);
});

// Ten parts: four theme states per page take some minutes per part on a loaded 2-core machine.
chunk(paths, 10).forEach((group, i) => {
  test(`axe finds no violation on any page, light or dark, from the system or chosen with the switch (pages ${i + 1}/10)`, async ({ page }) => {
    test.setTimeout(300_000);
    const failures: string[] = [];
    for (const path of group) {
      // A first visit with a light system: every rule.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(path);
      for (const v of await findViolations(page)) failures.push(`${path} (light): ${v}`);
      // The search page fills in its facets and results once Pagefind answers: compare the page it settles as.
      await page.waitForLoadState('networkidle');
      const light = await getColours(page);
      // Light chosen against a dark system must paint every element as light from the system does.
      await page.emulateMedia({ colorScheme: 'dark' });
      await chooseTheme(page, 'light');
      for (const d of getColourDifferences(light, await getColours(page))) failures.push(`${path} (light chosen, unlike light from the system): ${d}`);
      // Markup is the same in every theme; only the colour rules can change. Dark chosen against a light system:
      await page.emulateMedia({ colorScheme: 'light' });
      await chooseTheme(page, 'dark');
      for (const v of await findViolations(page, { rules: COLOUR_RULES })) failures.push(`${path} (dark chosen): ${v}`);
      const dark = await getColours(page);
      // Dark from the system must paint as dark chosen, so axe need not run a third time. Auto is then
      // remembered (as nothing), so the next page is a first visit again.
      await page.emulateMedia({ colorScheme: 'dark' });
      await chooseTheme(page, 'auto');
      for (const d of getColourDifferences(dark, await getColours(page))) failures.push(`${path} (dark from the system, unlike dark chosen): ${d}`);
    }
    expect(failures).toEqual([]);
  });
});

test('the colour comparison sees a rule that follows the system but not the switch, so the check above can fail', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await chooseTheme(page, 'dark');
  const dark = await getColours(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await chooseTheme(page, 'auto');
  expect(getColourDifferences(dark, await getColours(page))).toEqual([]);
  // A style sheet from the CSP-free DevTools side, as a component's stray @media rule would be.
  const client = await page.context().newCDPSession(page);
  await client.send('DOM.enable');
  await client.send('CSS.enable');
  const { frameTree } = await client.send('Page.getFrameTree');
  const { styleSheetId } = await client.send('CSS.createStyleSheet', { frameId: frameTree.frame.id });
  await client.send('CSS.setStyleSheetText', { styleSheetId, text: '@media (prefers-color-scheme: dark) { h1 { color: rgb(1, 2, 3); } }' });
  const differences = getColourDifferences(dark, await getColours(page));
  expect(differences).toHaveLength(1);
  expect(differences[0]).toContain('h1');
});

test('axe finds no violation in the open search dialog and on the search page with results', async ({ page }) => {
  await page.goto('/ilrs/');
  await page.keyboard.press('/');
  await page.getByRole('combobox', { name: 'Search the dossier' }).fill('Baikonur');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  expect(await findViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await findViolations(page, { rules: COLOUR_RULES })).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/search/?q=ILRS&collection=ILRS');
  await expect(page.locator('[data-results] li').first()).toBeVisible();
  expect(await findViolations(page)).toEqual([]);
  await chooseTheme(page, 'dark');
  expect(await findViolations(page, { rules: COLOUR_RULES })).toEqual([]);
});

test('every page is valid HTML', async () => {
  // html-validate reads every built page: minutes, not seconds, on a loaded 2-core machine.
  test.setTimeout(180_000);
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.html'))
    .map((f) => join(f.parentPath, f.name));
  expect(files.length).toBeGreaterThan(100);
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results)
      for (const m of result.messages) errors.push(`${file.slice(DIST.length)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  expect(errors).toEqual([]);
});

test('pages are served with a strict CSP and the security headers', async ({ page }) => {
  const response = (await page.goto('/ilrs/overview/'))!;
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeTruthy();
  expect(headers['permissions-policy']).toBeTruthy();
  expect(headers['cache-control']).toContain('must-revalidate');
  const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(meta).not.toContain('unsafe-inline');
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  const asset = await page.request.get(css!);
  expect(asset.headers()['cache-control']).toContain('immutable');
});

test('search works under the CSP, without any violation (the fixture fails on one)', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search the dossier' }).click();
  const box = page.getByRole('combobox', { name: 'Search the dossier' });
  await box.fill('Gagarin');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
});
