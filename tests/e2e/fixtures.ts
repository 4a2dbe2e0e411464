/**
 * The test object every end-to-end test uses: it fails a test on any console error,
 * uncaught page error or request to another origin.
 */
import { expect, test as base } from '@playwright/test';

export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      page.on('console', (message) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        // A page served with status 404 on purpose (the 404 page) is not an error of the site.
        if (/status of 404/.test(message.text()) && message.location().url === page.url()) return;
        problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin && !/^http:\/\/localhost:\d+$/.test(url.origin)) {
          problems.push(`request to another origin: ${request.url()}`);
        }
      });
      await use(problems);
      expect(problems, 'the page logged errors or reached another origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs a Pagefind query in the page, as Pagefind's own tests do, and returns result URLs in order. */
export async function searchUrls(page: import('@playwright/test').Page, query: string, bundle = '/pagefind/'): Promise<string[]> {
  return page.evaluate(
    async ({ query, bundle }) => {
      const pagefind = await import(`${bundle}pagefind.js`);
      await pagefind.init();
      const search = await pagefind.search(query);
      const data = await Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
      return data.map((d) => d.url);
    },
    { query, bundle },
  );
}
