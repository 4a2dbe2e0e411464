import { expect, test } from '@playwright/test';

test('the home page introduces the dossier and its four topics', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Orbital Dossier');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kazakhstan');
  const main = page.getByRole('main');
  for (const topic of ['ILRS', 'Baikonur', 'BeiDou', 'Expert views']) {
    await expect(main.getByRole('link', { name: topic, exact: true })).toBeVisible();
  }
});

test('an unknown address answers 404 with the site’s own page', async ({ page }) => {
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'the home page' })).toHaveAttribute('href', '/');
});
