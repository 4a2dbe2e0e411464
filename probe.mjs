import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 1100 } });
await page.goto('http://localhost:4330/countries/soviet-union/');
await page.screenshot({ path: '/tmp/su.png', fullPage: false });
await page.goto('http://localhost:4330/missions/sputnik-1/');
await page.screenshot({ path: '/tmp/sputnik.png', fullPage: false });
await browser.close();
