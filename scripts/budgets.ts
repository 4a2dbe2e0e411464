/**
 * Size budgets of the built site, printed as figures and enforced (exit 1 when over):
 *   median HTML page ≤ 12 KB gzipped; all CSS ≤ 12 KB gzipped;
 *   JavaScript a page loads before search is opened ≤ 3 KB gzipped.
 *
 *   node scripts/budgets.ts [--dir dist]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } } });
const dir = values.dir;
const KB = 1024;
const BUDGETS = { htmlMedian: 12 * KB, css: 12 * KB, js: 3 * KB };

const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((f) => f.isFile())
  .map((f) => join(f.parentPath, f.name));
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

const html = files.filter((f) => f.endsWith('.html'));
const htmlSizes = html.map(gz).sort((a, b) => a - b);
const median = htmlSizes[Math.floor(htmlSizes.length / 2)] ?? 0;
const css = files.filter((f) => f.endsWith('.css') && !relative(dir, f).startsWith('pagefind'));
const cssTotal = css.reduce((sum, f) => sum + gz(f), 0);

/** Scripts a page loads at once: its module scripts and their static imports, not dynamic ones. */
function pageScripts(page: string): Set<string> {
  const text = readFileSync(page, 'utf8');
  const found = new Set<string>();
  const visit = (src: string) => {
    const file = join(dir, src.replace(/^\/+/, '').replace(/^[^/]*\/(?=_astro\/)/, ''));
    if (found.has(file)) return;
    found.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)) visit(`_astro/${m[1]}`);
  };
  for (const m of text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) visit(m[1]!);
  for (const m of text.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) visit(m[1]!);
  return found;
}
let jsMax = 0;
let jsMaxPage = '';
for (const page of html) {
  const total = [...pageScripts(page)].reduce((sum, f) => sum + gz(f), 0);
  if (total > jsMax) [jsMax, jsMaxPage] = [total, relative(dir, page)];
}

const rows: [string, number, number][] = [
  [`median HTML page (${html.length} pages)`, median, BUDGETS.htmlMedian],
  [`all CSS (${css.length} files)`, cssTotal, BUDGETS.css],
  [`JavaScript before search, heaviest page (${jsMaxPage})`, jsMax, BUDGETS.js],
];
let over = false;
for (const [name, size, budget] of rows) {
  const ok = size <= budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${kb(size)} gzipped (budget ${kb(budget)})`);
}
if (over) {
  console.error('A size budget is exceeded.');
  process.exit(1);
}
