/**
 * The quality gates themselves, shown to fail: each check is run on a deliberately broken
 * page and must report it. (The site-wide runs are in quality.spec.ts and fixtures.ts.)
 */
import { expect, test } from '@playwright/test';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { findViolations } from './axe.ts';
import { makeHeaders } from '../../src/integrations/headers.ts';
import { parseHeaders } from '../../src/lib/headers-rules.ts';

const BROKEN = `<!doctype html><html><head><title>Broken</title></head><body>
<img src="/x.png"><a href="#nowhere"></a><p style="color:#eee;background:#fff">faint</p>
<div><li>stray item</li></div><button><button>nested</button></button></body></html>`;

test('axe reports a page without lang, alt text, link text or contrast', async ({ page }) => {
  await page.setContent(BROKEN);
  const ids = (await findViolations(page)).map((v) => v.split(' ')[0]);
  for (const id of ['html-has-lang', 'image-alt', 'link-name', 'color-contrast', 'listitem']) expect(ids).toContain(id);
});

test('html-validate reports invalid markup', async () => {
  const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(BROKEN, 'broken.html');
  const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
  expect(report.valid).toBe(false);
  expect(rules).toEqual(expect.arrayContaining(['element-permitted-content', 'wcag/h37', 'no-inline-style']));
});

test('the served CSP blocks an inline script and reports the violation', async ({ page }) => {
  const csp = parseHeaders(makeHeaders('/'))[0]!.headers.find(([name]) => name === 'Content-Security-Policy')![1];
  await page.route('http://csp.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': csp },
      body: '<!doctype html><title>t</title><script>document.title = "ran"</script><img src="https://example.org/x.png" alt="x">',
    }),
  );
  await page.route('https://example.org/x.png', (route) => route.fulfill({ body: '' }));
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  await page.goto('http://csp.test/');
  expect(await page.title()).toBe('t');
  expect(violations.join('\n')).toMatch(/Content Security Policy/);
  expect(violations.join('\n')).toMatch(/script-src/);
  expect(violations.join('\n')).toMatch(/img-src/);
});
