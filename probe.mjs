import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
await page.goto('http://localhost:4330/search/?q=lease&collection=Baikonur', { waitUntil: 'networkidle' });
await page.waitForTimeout(1000);
console.log(await page.locator('fieldset.facet').first().innerText());
const r = await page.evaluate(async () => { const pf = await import('/pagefind/pagefind.js'); await pf.init(); return (await pf.filters()).collection; });
console.log(JSON.stringify(r));
await browser.close();
