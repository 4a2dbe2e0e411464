/**
 * Search benchmark: prints, for the real site and for two generated 1,000-page corpora (one
 * of the dossier's own words, one of 70 words, the worst case), the
 * bytes a reader downloads before and for the first query, and first- and later-query
 * latency in headless Chromium, through the real header search dialog. Figures only: no
 * assertion (targets: first query < 150 KB and < 150 ms at 1,000 pages; 0 bytes before).
 *
 *   node scripts/bench-search.ts [--dir dist] [--pages 1000] [--skip-corpus]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { startServer } from './serve.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'dist' }, pages: { type: 'string', default: '1000' }, 'skip-corpus': { type: 'boolean', default: false } },
});
const ROOT = join(import.meta.dirname, '..');

/** The worst case: every page drawn from one 70-word vocabulary, so a query matches nearly every page. */
const NARROW_WORDS =
  'orbit lunar station launch cosmodrome satellite navigation agreement treaty lease ministry agency rocket payload module lander rover sample return network ground relay signal clock constellation partner member roadmap phase mission crew habitat reactor telescope survey crater pole basin polar far side budget sanction component supplier investor market corridor route cooperation memorandum statement summit conference delegation policy analyst fellow institute university think tank report archive timeline'.split(
    ' ',
  );

/**
 * Real text: words drawn at random from the running text of the dossier's own pages, so
 * each word comes as often as it does there (frequent words in most pages, rare ones in few).
 */
function dossierWords(): string[] {
  const words: string[] = [];
  for (const entry of readdirSync(join(ROOT, 'content'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
    const body = readFileSync(join(entry.parentPath, entry.name), 'utf8').split(/^---$/m).slice(2).join(' ');
    for (const word of body.replace(/\[\[[^\]]*\]\]|\[\^\w+\]|https?:\S+/g, ' ').match(/\p{L}[\p{L}'’-]*/gu) ?? []) words.push(word.toLowerCase());
  }
  return words;
}

function makeCorpus(count: number, words: string[], name: string): string {
  const dir = join(ROOT, `.test-dist/bench-content-${name}`);
  rmSync(dir, { recursive: true, force: true });
  for (const folder of ['sources', 'ilrs', 'events']) mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(
    join(dir, 'sources/bench-source.yaml'),
    'title: Benchmark source\npublisher: Bench\nurl: https://example.org/\npublished: 2024-01-01\nkind: report\ndescription: Generated for the search benchmark.\n',
  );
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () => words[Math.floor(random() * words.length)]!;
  const sentence = () => Array.from({ length: 12 + Math.floor(random() * 10) }, word).join(' ');
  for (let i = 0; i < count; i++) {
    const folderOf = (n: number) => (n % 2 ? 'ilrs' : 'events');
    const folder = folderOf(i);
    const id = `page-${String(i).padStart(4, '0')}`;
    const next = (i + 1) % count;
    const paragraphs = Array.from(
      { length: 6 },
      (_, p) => `## Part ${p + 1}\n\n${sentence()}. ${sentence()}. ${sentence()}. See [[${folderOf(next)}/page-${String(next).padStart(4, '0')}]].`,
    );
    const date = `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`;
    const front = folder === 'ilrs' ? `updated: ${date}` : `date: ${date}`;
    writeFileSync(
      join(dir, folder, `${id}.mdx`),
      `---\ntitle: Page ${i} ${word()} ${word()}\ndescription: Generated page ${i}.\n${front}\nsources: [bench-source]\n---\n\n${paragraphs.join('\n\n')}\n`,
    );
  }
  return dir;
}

interface Figures {
  beforeSearch: number;
  firstBytes: number;
  firstMs: number;
  readyFirstMs: number;
  laterMs: number;
  pages: string;
}

/** Each figure is the median of this many fresh browser contexts, so one slow start does not decide it. */
const RUNS = 9;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measure(dir: string, queries: string[]): Promise<Figures> {
  const server = await startServer({ dir, port: 0, base: '/' });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const executablePath = findChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  try {
    /** A fresh reader: a new context (empty cache) on the home page, counting search bytes. */
    const open = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bytes = { search: 0 };
      // Bytes on the wire (headers and, compressed, bodies) of every search file.
      context.on('requestfinished', (request) => {
        if (!request.url().includes('/pagefind/')) return;
        // A request still finishing as the reader's context closes has nothing left to count.
        request
          .sizes()
          .then((s) => (bytes.search += s.responseBodySize + s.responseHeadersSize))
          .catch(() => undefined);
      });
      await page.goto(`http://localhost:${port}/`, { waitUntil: 'networkidle' });
      /**
       * Keystroke to rendered results, timed inside the page (the input event to the mutation
       * that shows the results), so the driver's own overhead does not count.
       */
      const timeQuery = async (query: string) => {
        const box = page.getByRole('combobox', { name: 'Search the dossier' });
        await box.fill('');
        await page.evaluate((q) => {
          const input = document.querySelector<HTMLInputElement>('#site-search-dialog-q')!;
          const status = document.querySelector('[data-status]')!;
          const timing = { start: 0, end: 0 };
          (window as unknown as { benchTiming: typeof timing }).benchTiming = timing;
          input.addEventListener('input', () => void (input.value === q && (timing.start = performance.now())));
          const done = () => input.value === q && /result/.test(status.textContent ?? '') && document.querySelector('[role="option"]');
          new MutationObserver((_, observer) => {
            if (timing.start && done()) {
              timing.end = performance.now();
              observer.disconnect();
            }
          }).observe(input.closest('dialog')!, { subtree: true, childList: true, characterData: true });
        }, query);
        await box.fill(query);
        await page.waitForFunction(() => (window as unknown as { benchTiming: { end: number } }).benchTiming.end > 0);
        return Math.round(
          await page.evaluate(() => {
            const timing = (window as unknown as { benchTiming: { start: number; end: number } }).benchTiming;
            return timing.end - timing.start;
          }),
        );
      };
      return { context, page, bytes, timeQuery };
    };

    // Typed the instant search opens: the query waits for Pagefind to load.
    const cold: number[] = [];
    let beforeSearch = 0;
    let firstBytes = 0;
    const later: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const reader = await open();
      beforeSearch = Math.max(beforeSearch, reader.bytes.search);
      const before = reader.bytes.search;
      await reader.page.keyboard.press('/');
      cold.push(await reader.timeQuery(queries[0]!));
      await reader.page.waitForTimeout(500);
      firstBytes = reader.bytes.search - before;
      if (run === RUNS - 1) for (const q of queries.slice(1)) later.push(await reader.timeQuery(q));
      await reader.context.close();
    }
    // Typed once search has loaded, as when a reader opens it and then types a word.
    const ready: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const reader = await open();
      await reader.page.keyboard.press('/');
      await reader.page.waitForLoadState('networkidle');
      await reader.page.waitForTimeout(1000);
      ready.push(await reader.timeQuery(queries[0]!));
      await reader.context.close();
    }
    const probe = await browser.newPage();
    await probe.goto(`http://localhost:${port}/`);
    const pages = await probe.evaluate(async () => {
      const entry = await (await fetch('/pagefind/pagefind-entry.json')).json();
      return String(Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0));
    });
    return { beforeSearch, firstBytes, firstMs: median(cold), readyFirstMs: median(ready), laterMs: median(later), pages };
  } finally {
    await browser.close();
    server.close();
  }
}

function report(name: string, f: Figures): void {
  console.log(`${name} (${f.pages} indexed pages; medians of ${RUNS} fresh readers)`);
  console.log(`  search bytes before search is opened: ${f.beforeSearch} B`);
  console.log(`  bytes transferred for the first query: ${(f.firstBytes / 1024).toFixed(1)} KB`);
  console.log(`  first query typed the instant search opens (waits for Pagefind to load): ${f.firstMs} ms`);
  console.log(`  first query typed once search has loaded: ${f.readyFirstMs} ms`);
  console.log(`  later queries: ${f.laterMs} ms`);
}

report('Real site', await measure(values.dir, ['Baikonur', 'BeiDou', 'junior partner', 'lease 2050', 'Roskosmos', 'ILRSCO', 'Gagarin']));

if (!values['skip-corpus']) {
  const count = Number(values.pages);
  const corpora = [
    {
      name: 'dossier-text',
      label: `${count}-page corpus of the dossier's own words`,
      words: dossierWords(),
      queries: ['lunar station', 'cosmodrome lease', 'satellite navigation', 'launch services', 'junior partner', 'memorandum'],
    },
    {
      name: 'narrow',
      label: `${count}-page corpus of 70 words (worst case)`,
      words: NARROW_WORDS,
      queries: ['lunar station', 'cosmodrome lease', 'satellite navigation', 'sanction supplier', 'crater pole', 'memorandum summit'],
    },
  ];
  for (const corpus of corpora) {
    const content = makeCorpus(count, corpus.words, corpus.name);
    const outDir = join(ROOT, `.test-dist/bench-${corpus.name}-${count}`);
    const started = Date.now();
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', outDir], {
      env: { ...process.env, CONTENT_DIR: content },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`The ${corpus.name} benchmark corpus did not build.`);
    console.log(`\n${corpus.label}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    report(corpus.label, await measure(outDir, corpus.queries));
  }
}
