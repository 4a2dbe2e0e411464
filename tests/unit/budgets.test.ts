import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/budgets.ts');
/** Text that gzip cannot shrink much: `kb` kilobytes of it. */
const noise = (kb: number) => randomBytes(kb * 1024).toString('base64');

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'od-budgets-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const run = (dir: string) => spawnSync(process.execPath, [SCRIPT, '--dir', dir], { encoding: 'utf8' });
const page = (extra = '') =>
  `<!DOCTYPE html><html lang="en"><head><title>x</title><link rel="stylesheet" href="/_astro/a.css">${extra}</head><body><main>Text</main></body></html>`;

describe('the size budgets', () => {
  test('pass a small site', () => {
    const result = run(
      site({ 'index.html': page('<script type="module" src="/_astro/s.js"></script>'), '_astro/a.css': 'body{}', '_astro/s.js': 'console.log(1)' }),
    );
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^ok {3}median HTML page/m);
  });

  test('fail when a page loads too much JavaScript before search, counting its static imports', () => {
    const result = run(
      site({
        'index.html': page('<script type="module" src="/_astro/s.js"></script>'),
        '_astro/a.css': 'body{}',
        '_astro/s.js': `import "./big.js";console.log(1)`,
        '_astro/big.js': `const x = "${noise(4)}";`,
      }),
    );
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^OVER JavaScript before search, heaviest page \(index\.html\)/m);
  });

  test('fail on too much CSS and on heavy HTML pages', () => {
    const result = run(
      site({ 'index.html': page(`<!-- ${noise(13)} -->`), 'b/index.html': page(`<!-- ${noise(13)} -->`), '_astro/a.css': `/* ${noise(13)} */` }),
    );
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^OVER median HTML page/m);
    assert.match(result.stdout, /^OVER all CSS/m);
    assert.match(result.stderr, /A size budget is exceeded/);
  });
});
