/**
 * Runs axe-core in a page. The source is evaluated through the DevTools protocol, which the
 * site's CSP does not govern, so the check needs no 'unsafe-inline' of its own.
 */
import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** The rules whose outcome depends on colours: all that can differ between light and dark. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export async function findViolations(page: Page, run: { tags?: string[]; rules?: string[] } = { tags: AXE_TAGS }): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const violations = await page.evaluate(
    (run) =>
      (
        window as unknown as {
          axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe
        .run(document, { runOnly: run.rules ? { type: 'rule', values: run.rules } : { type: 'tag', values: run.tags }, resultTypes: ['violations'] })
        .then((r) =>
          r.violations.map(
            (v) =>
              `${v.id} (${v.impact}) ${v.help} — ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          ),
        ),
    run,
  );
  return violations;
}

/** Chooses a theme with the header's switch, as a reader does (the choice is remembered for the next pages). */
export async function chooseTheme(page: Page, theme: 'auto' | 'light' | 'dark'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
}

/**
 * Every element's painted colours, one line per element that has any: two states of a page
 * that give the same lines look the same, so axe's colour rules need to run in only one.
 */
export async function getColours(page: Page): Promise<string[]> {
  // The theme is on <html> before this reads, and nothing transitions; one frame lets the styles settle.
  await page.evaluate(() => new Promise(requestAnimationFrame));
  return page.evaluate(() =>
    [...document.querySelectorAll('*')].map((el, i) => {
      const s = getComputedStyle(el);
      const colours = [
        s.color,
        s.backgroundColor,
        s.borderTopColor,
        s.borderBottomColor,
        s.borderLeftColor,
        s.outlineColor,
        s.textDecorationColor,
        s.fill,
        s.stroke,
      ];
      return `${i} ${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}: ${colours.join(' ')}`;
    }),
  );
}

/** The lines where two colour snapshots of one page differ (at most five, to keep a failure readable). */
export function getColourDifferences(expected: string[], actual: string[]): string[] {
  if (expected.length !== actual.length) return [`${actual.length} elements instead of ${expected.length}`];
  return actual
    .map((line, i) => (line === expected[i] ? '' : `${line} instead of ${expected[i]}`))
    .filter(Boolean)
    .slice(0, 5);
}
