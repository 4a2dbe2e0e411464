import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import astroConfig from '../../astro.config.mjs';
import { makeHeaders } from '../../src/integrations/headers.ts';
import { CSP_HEADER, SCRIPT_SRC, THEME_SCRIPT_HASH } from '../../src/lib/security.ts';
import { THEME_SCRIPT } from '../../src/lib/theme-script.ts';
import { THEME_STORAGE_KEY, themeToColorScheme, toTheme } from '../../src/lib/theme.ts';

/** Runs the pre-paint script against a stand-in for the document, with what storage holds (or a storage that throws). */
function runThemeScript(stored: string | null | Error): { theme: string | undefined; colorScheme: string } {
  const root = { dataset: {} as Record<string, string> };
  const meta = { content: 'light dark' };
  const localStorage = {
    getItem(key: string) {
      if (stored instanceof Error) throw stored;
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  const document = { documentElement: root, querySelector: (selector: string) => (selector === 'meta[name="color-scheme"]' ? meta : null) };
  runInNewContext(THEME_SCRIPT, { localStorage, document });
  return { theme: root.dataset.theme, colorScheme: meta.content };
}

describe('theme', () => {
  test('a stored value is a theme only if it is light or dark; anything else is auto', () => {
    for (const [value, theme] of [
      ['light', 'light'],
      ['dark', 'dark'],
      ['auto', 'auto'],
      ['Dark', 'auto'],
      ['', 'auto'],
      [null, 'auto'],
      [undefined, 'auto'],
    ] as const)
      assert.equal(toTheme(value), theme, String(value));
    assert.equal(themeToColorScheme('auto'), 'light dark');
    assert.equal(themeToColorScheme('dark'), 'dark');
  });

  test('the pre-paint script applies a remembered light or dark to <html> and the color-scheme meta', () => {
    assert.deepEqual(runThemeScript('dark'), { theme: 'dark', colorScheme: 'dark' });
    assert.deepEqual(runThemeScript('light'), { theme: 'light', colorScheme: 'light' });
  });

  test('the pre-paint script leaves the system scheme alone when nothing valid is stored or storage throws', () => {
    for (const stored of [null, 'auto', 'sepia', new Error('SecurityError: storage is disabled')])
      assert.deepEqual(runThemeScript(stored), { theme: undefined, colorScheme: 'light dark' }, String(stored));
  });

  test('the CSP hash is the SHA-256 of the exact script text, as a browser computes it', async () => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(THEME_SCRIPT)));
    assert.equal(THEME_SCRIPT_HASH, `sha256-${Buffer.from(digest).toString('base64')}`);
  });

  test('both policies allow the script by that hash: the header in _headers and the <meta> Astro writes', () => {
    assert.ok(SCRIPT_SRC.split(' ').includes(`'${THEME_SCRIPT_HASH}'`));
    assert.ok(makeHeaders('/').includes(`Content-Security-Policy: ${CSP_HEADER}`));
    assert.doesNotMatch(CSP_HEADER, /unsafe-inline/);
    const csp = astroConfig.security?.csp;
    assert.ok(typeof csp === 'object' && csp.scriptDirective?.hashes?.includes(THEME_SCRIPT_HASH));
  });
});
