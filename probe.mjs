import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
let fails = 0;
for (let i = 0; i < 10; i++) {
  await page.goto('http://localhost:4330/');
  await page.keyboard.press('Control+k');
  await page.waitForFunction(() => document.querySelector('dialog').open);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog').open);
  const active = await page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
  await page.keyboard.press('/');
  await page.waitForTimeout(200);
  const open = await page.evaluate(() => document.querySelector('dialog').open);
  if (!open) fails++;
  console.log(i, active, open);
}
console.log('fails', fails);
await browser.close();
