/**
 * Build benchmark: builds this site and a Starlight site (bench/starlight/) from the same
 * generated corpus, in turns (ours, Starlight, ours, Starlight…), each from cold caches, and
 * prints wall time, CPU time, peak memory and pages per second of each build, the ratio
 * ours/Starlight pair by pair, the medians, and the phases of each build. Figures only: no
 * assertion. The results also go to .test-dist/bench-build-<pages>.json.
 *
 *   node scripts/bench-build.ts --pages 1000 [--runs 3] [--only ours|starlight] [--keep] [--no-edit]
 *
 * After each cold build of ours, one entry is edited and the site rebuilt with the warm caches
 * (the incremental rebuild); its time is set against Starlight's cold build of the same run.
 *
 * The corpus (scripts/bench/corpus.ts) is written to .test-dist/bench-corpus-<pages>/content
 * and, as Starlight pages, to bench/starlight/src/content/docs/. Starlight is installed into
 * bench/starlight/node_modules with `npm ci` on first use. Without --keep, the corpus and the
 * built sites are deleted at the end; the logs stay in .test-dist/bench-build-<pages>-logs/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { BENCH_CROSS_LINK, countWords, generateCorpus, toOurContent, toStarlightDocs, type Corpus } from './bench/corpus.ts';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    pages: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    /** After each cold build of ours, edit one entry and rebuild with the warm caches. */
    edit: { type: 'boolean', default: true },
    seed: { type: 'string' },
  },
});
const PAGES = Number(values.pages);
const RUNS = Number(values.runs);
if (!Number.isInteger(PAGES) || PAGES < 12) throw new Error(`--pages must be a whole number of at least 12 (one page per collection), not "${values.pages}".`);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}".`);
if (values.only !== undefined && values.only !== 'ours' && values.only !== 'starlight')
  throw new Error(`--only takes "ours" or "starlight", not "${values.only}".`);
const SEED = values.seed === undefined ? undefined : Number(values.seed);

type Project = 'ours' | 'starlight';
const PROJECTS: Project[] = values.only ? [values.only as Project] : ['ours', 'starlight'];

const ROOT = join(import.meta.dirname, '..');
const STARLIGHT = join(ROOT, 'bench/starlight');
const TEST_DIST = join(ROOT, '.test-dist');
const CORPUS_DIR = join(TEST_DIST, `bench-corpus-${PAGES}`);
const STARLIGHT_DOCS = join(STARLIGHT, 'src/content/docs');
const LOG_DIR = join(TEST_DIST, `bench-build-${PAGES}-logs`);
const RESULT_FILE = join(TEST_DIST, `bench-build-${PAGES}.json`);
const outDirOf = (project: Project) => join(TEST_DIST, `bench-build-${PAGES}-${project}`);
/** Caches a cold build must not find: Astro's generated types, its content store and Vite's dependency cache. */
const CACHES: Record<Project, string[]> = {
  ours: ['.astro', 'node_modules/.vite', 'node_modules/.cache'].map((p) => join(ROOT, p)).concat(join(TEST_DIST, 'bench-cache-ours')),
  starlight: ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache'].map((p) => join(STARLIGHT, p)),
};

function writeFiles(dir: string, files: Map<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function readVersion(dir: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '—';
  }
}

/** Installs bench/starlight from its lockfile when it is missing or differs from package.json. */
function ensureStarlight(): void {
  const wanted = JSON.parse(readFileSync(join(STARLIGHT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const stale = Object.entries(wanted.dependencies).some(([name, version]) => readVersion(STARLIGHT, name) !== version);
  if (!stale) return;
  console.log('Installing bench/starlight (npm ci)…');
  const npm = process.env.npm_execpath;
  const [command, args] = npm && /\.c?js$/.test(npm) ? [process.execPath, [npm, 'ci', '--no-audit', '--no-fund']] : ['npm', ['ci', '--no-audit', '--no-fund']];
  const result = spawnSync(command, args as string[], { cwd: STARLIGHT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in bench/starlight failed.');
}

/** GNU time, when it is there and understands -f and -o: CPU time and peak memory of the child. */
function findGnuTime(): string | undefined {
  const time = '/usr/bin/time';
  if (!existsSync(time)) return undefined;
  const probe = join(tmpdir(), `bench-time-probe-${process.pid}`);
  const result = spawnSync(time, ['-f', '%e %U %S %M', '-o', probe, process.execPath, '-e', '0']);
  const ok = result.status === 0 && existsSync(probe) && /^[\d.]+ [\d.]+ [\d.]+ \d+$/m.test(readFileSync(probe, 'utf8'));
  rmSync(probe, { force: true });
  return ok ? time : undefined;
}

interface LogLine {
  /** Seconds since the build was started, when the line arrived. */
  t: number;
  text: string;
}

/** Seconds; undefined where a line that bounds the phase was not found. */
type Phases = Record<string, number | undefined>;

interface BuildResult {
  project: Project;
  run: number;
  wallS: number;
  cpuS?: number | undefined;
  userS?: number | undefined;
  sysS?: number | undefined;
  peakRssMB?: number | undefined;
  pagesPerS: number;
  /** HTML pages Astro reports having built (entries plus index, search and 404 pages). */
  htmlPages?: number | undefined;
  phases: Phases;
  /** For ours: compiled MDX bodies taken from the cache and compiled anew. */
  compiledMdx?: number[] | undefined;
  log: string;
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** The first line at or after `from` matching `re`, as its index; -1 when there is none. */
function findLine(lines: LogLine[], re: RegExp, from = 0): number {
  for (let i = Math.max(0, from); i < lines.length; i++) if (re.test(lines[i]!.text)) return i;
  return -1;
}

/**
 * The phases of one build, from the arrival time of the lines Astro and the integrations
 * log: setup (Node, the config and, for ours, the content check), content sync, bundle
 * (Vite), render (static routes), and post (everything after rendering: the integrations'
 * build-done hooks and, for ours, moving the staging folder into place).
 */
function parsePhases(project: Project, lines: LogLine[], wallS: number): Phases {
  const at = (i: number) => (i >= 0 ? lines[i]!.t : undefined);
  const span = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b >= a ? b - a : undefined);
  // Astro's sync (a Vite server, its dependency scan, the content store, the types) ends with
  // "[types] Generated 2.54s", its duration; it starts well before the "Syncing content" line.
  const types = findLine(lines, /\[types\] Generated [\d.]+m?s/);
  const took = types >= 0 ? lines[types]!.text.match(/Generated ([\d.]+)(m?s)/) : null;
  const syncStart = took ? lines[types]!.t - Number(took[1]) / (took[2] === 'ms' ? 1000 : 1) : at(findLine(lines, /\[content\] Syncing content/));
  const bundle = findLine(lines, /\[build\] Building static entrypoints/, types);
  const render = findLine(lines, /generating static routes/, bundle);
  const rendered = render >= 0 ? findLine(lines, /✓ Completed in/, render + 1) : -1;
  const phases: Phases = {
    setup: syncStart,
    sync: span(syncStart, at(bundle)),
    bundle: span(at(bundle), at(render)),
    render: span(at(render), at(rendered)),
    post: span(at(rendered), rendered >= 0 ? wallS : undefined),
  };
  if (project === 'ours') {
    // Each integration logs when it is done; it starts when the one before it has logged.
    const steps: [string, RegExp][] = [
      ['sitemap', /\[@astrojs\/sitemap\]/],
      ['outputCheck', /\[orbital-dossier:output-check\]/],
      ['pagefind', /\[orbital-dossier:pagefind\]/],
    ];
    let previous = rendered;
    for (const [name, re] of steps) {
      const i = previous >= 0 ? findLine(lines, re, previous + 1) : -1;
      phases[name] = span(at(previous), at(i));
      previous = i;
    }
    const known = [phases.outputCheck, phases.pagefind];
    phases.other = phases.post !== undefined && known.every((x) => x !== undefined) ? phases.post - known.reduce<number>((sum, x) => sum + x!, 0) : undefined;
    delete phases.sitemap;
  } else {
    const start = findLine(lines, /\[starlight:pagefind\] Building search index/, rendered);
    const end = start >= 0 ? findLine(lines, /\[starlight:pagefind\] Finished building search index/, start + 1) : -1;
    phases.pagefind = span(at(start), at(end));
    phases.other = phases.post !== undefined && phases.pagefind !== undefined ? phases.post - phases.pagefind : undefined;
  }
  return phases;
}

async function build(project: Project, run: number, time: string | undefined, warm = false): Promise<BuildResult> {
  const outDir = outDirOf(project);
  if (!warm) for (const cache of CACHES[project]) rmSync(cache, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.BASE_PATH;
  if (project === 'ours') {
    env.CONTENT_DIR = join(CORPUS_DIR, 'content');
    // Caches of their own, so that the benchmark neither reads nor clears the working tree's.
    env.ASTRO_CACHE_DIR = join(TEST_DIST, 'bench-cache-ours');
  }
  const [cwd, args] =
    project === 'ours'
      ? [ROOT, [join(ROOT, 'scripts/build.ts'), '--outDir', outDir]]
      : [STARLIGHT, [join(STARLIGHT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir]];
  const name = `${project}-${run}${warm ? '-edit' : ''}`;
  const timeFile = join(LOG_DIR, `${name}.time`);
  rmSync(timeFile, { force: true });
  const [command, argv] = time ? [time, ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];

  const lines: LogLine[] = [];
  const started = performance.now();
  const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (text) => lines.push({ t: (performance.now() - started) / 1000, text: text.replace(ANSI, '') }));
  }
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallS = (performance.now() - started) / 1000;
  lines.sort((a, b) => a.t - b.t);
  const log = join(LOG_DIR, `${name}.log`);
  writeFileSync(log, lines.map((l) => `${l.t.toFixed(3).padStart(8)} ${l.text}`).join('\n') + '\n');
  if (code !== 0) {
    console.error(
      lines
        .slice(-40)
        .map((l) => l.text)
        .join('\n'),
    );
    throw new Error(`The ${project} build (run ${run}) failed with exit code ${code}; its log is ${relative(ROOT, log)}.`);
  }

  let cpu: { userS: number; sysS: number; peakRssMB: number } | undefined;
  if (time && existsSync(timeFile)) {
    const m = readFileSync(timeFile, 'utf8').match(/^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/m);
    if (m) cpu = { userS: Number(m[2]), sysS: Number(m[3]), peakRssMB: Number(m[4]) / 1024 };
  }
  const built = lines.map((l) => l.text.match(/\[build\] (\d+) page\(s\) built in/)).find(Boolean);
  return {
    project,
    run,
    wallS,
    cpuS: cpu ? cpu.userS + cpu.sysS : undefined,
    userS: cpu?.userS,
    sysS: cpu?.sysS,
    peakRssMB: cpu?.peakRssMB,
    pagesPerS: PAGES / wallS,
    compiledMdx: lines
      .map((l) => l.text.match(/Compiled MDX: (\d+) from the cache, (\d+) compiled/))
      .find(Boolean)
      ?.slice(1, 3)
      .map(Number),
    htmlPages: built ? Number(built[1]) : undefined,
    phases: parsePhases(project, lines, wallS),
    log: relative(ROOT, log),
  };
}

const median = (xs: (number | undefined)[]): number | undefined => {
  const v = xs.filter((x): x is number => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1]! + v[mid]!) / 2;
};
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
const DASH = '—';
const seconds = (x: number | undefined) => (x === undefined ? DASH : `${x.toFixed(x < 10 ? 2 : 1)} s`);
const megabytes = (x: number | undefined) => (x === undefined ? DASH : `${Math.round(x)} MB`);
const rate = (x: number | undefined) => (x === undefined ? DASH : x.toFixed(1));
const times = (x: number | undefined) => (x === undefined ? DASH : `${x.toFixed(2)}×`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

function describeCorpus(corpus: Corpus) {
  const perCollection: Record<string, number> = {};
  for (const e of corpus.entries) perCollection[e.collection] = (perCollection[e.collection] ?? 0) + 1;
  const bodies = corpus.entries.filter((e) => e.body);
  const crossLinks = bodies.reduce((n, e) => n + [...e.body.matchAll(BENCH_CROSS_LINK)].length, 0);
  const words = bodies.reduce((n, e) => n + countWords(e.body), 0);
  return { pages: corpus.entries.length, perCollection, pagesWithBody: bodies.length, wordsPerPage: Math.round(words / bodies.length), crossLinks };
}

// The corpus, written for both.
const corpus = generateCorpus({ pages: PAGES, ...(SEED === undefined ? {} : { seed: SEED }) });
const summary = describeCorpus(corpus);
mkdirSync(LOG_DIR, { recursive: true });
if (PROJECTS.includes('ours')) writeFiles(join(CORPUS_DIR, 'content'), toOurContent(corpus));
if (PROJECTS.includes('starlight')) {
  ensureStarlight();
  writeFiles(STARLIGHT_DOCS, toStarlightDocs(corpus));
}
const time = findGnuTime();
const versions = {
  node: process.version,
  astro: readVersion(ROOT, 'astro'),
  pagefind: readVersion(ROOT, 'pagefind'),
  starlight: readVersion(STARLIGHT, '@astrojs/starlight'),
  starlightAstro: readVersion(STARLIGHT, 'astro'),
  starlightPagefind: readVersion(STARLIGHT, 'pagefind'),
};
console.log(
  `Corpus: ${summary.pages} pages (${Object.entries(summary.perCollection)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}), ` + `${summary.wordsPerPage} words a page, ${summary.crossLinks} cross-links; seed ${corpus.seed}.`,
);
console.log(
  `Ours: Astro ${versions.astro}. Starlight ${versions.starlight} on Astro ${versions.starlightAstro}. Node ${versions.node}, ${cpus().length} cores.`,
);
if (!time) console.log('GNU time (/usr/bin/time, apt package "time") not found: wall time only, no CPU time or peak memory.');

/**
 * The edit of an incremental rebuild: one entry's title changes, which relabels every
 * cross-link to it and every backlink list that shows it, as an author's edit would.
 */
const EDITED = corpus.entries.find((e) => e.collection === 'ilrs' && e.body)!;
const editedFile = join(CORPUS_DIR, 'content', EDITED.collection, `${EDITED.id}.mdx`);
function editOneEntry(): () => void {
  const original = readFileSync(editedFile, 'utf8');
  const edited = original.replace(/^title: (.*)$/m, 'title: $1 (edited)');
  if (edited === original) throw new Error(`The benchmark's edit found no title in ${editedFile}.`);
  writeFileSync(editedFile, edited);
  return () => writeFileSync(editedFile, original);
}

const results: BuildResult[] = [];
const edits: BuildResult[] = [];
for (let run = 1; run <= RUNS; run++) {
  for (const project of PROJECTS) {
    process.stdout.write(`run ${run}/${RUNS}: ${project}… `);
    const result = await build(project, run, time);
    results.push(result);
    console.log(`${seconds(result.wallS)}`);
    if (project === 'ours' && values.edit) {
      // Then one edited entry, rebuilt with the caches the cold build left.
      process.stdout.write(`run ${run}/${RUNS}: ours, one entry edited, warm caches… `);
      const restore = editOneEntry();
      try {
        edits.push(await build(project, run, time, true));
      } finally {
        restore();
      }
      console.log(`${seconds(edits.at(-1)!.wallS)}`);
    }
  }
}

// Per run, then medians.
const of = (project: Project, run: number) => results.find((r) => r.project === project && r.run === run);
const rows: string[][] = [['run', 'build', 'wall', 'CPU', 'peak RSS', 'pages/s']];
const cells = (r: BuildResult | undefined) => [seconds(r?.wallS), seconds(r?.cpuS), megabytes(r?.peakRssMB), rate(r?.pagesPerS)];
const pairRatios: { wall?: number | undefined; cpu?: number | undefined; rss?: number | undefined; rate?: number | undefined }[] = [];
for (let run = 1; run <= RUNS; run++) {
  for (const project of PROJECTS) rows.push([String(run), project, ...cells(of(project, run))]);
  const [a, b] = [of('ours', run), of('starlight', run)];
  if (a && b) {
    const pair = { wall: ratio(a.wallS, b.wallS), cpu: ratio(a.cpuS, b.cpuS), rss: ratio(a.peakRssMB, b.peakRssMB), rate: ratio(a.pagesPerS, b.pagesPerS) };
    pairRatios.push(pair);
    rows.push([String(run), 'ours/Starlight', times(pair.wall), times(pair.cpu), times(pair.rss), times(pair.rate)]);
  }
}
const medians = Object.fromEntries(
  PROJECTS.map((project) => {
    const mine = results.filter((r) => r.project === project);
    return [
      project,
      {
        wallS: median(mine.map((r) => r.wallS)),
        cpuS: median(mine.map((r) => r.cpuS)),
        peakRssMB: median(mine.map((r) => r.peakRssMB)),
        pagesPerS: median(mine.map((r) => r.pagesPerS)),
      },
    ];
  }),
) as Partial<Record<Project, { wallS?: number | undefined; cpuS?: number | undefined; peakRssMB?: number | undefined; pagesPerS?: number | undefined }>>;
for (const project of PROJECTS) {
  const m = medians[project]!;
  rows.push(['median', project, seconds(m.wallS), seconds(m.cpuS), megabytes(m.peakRssMB), rate(m.pagesPerS)]);
}
const medianRatio = pairRatios.length
  ? {
      wall: median(pairRatios.map((p) => p.wall)),
      cpu: median(pairRatios.map((p) => p.cpu)),
      rss: median(pairRatios.map((p) => p.rss)),
      rate: median(pairRatios.map((p) => p.rate)),
    }
  : undefined;
if (medianRatio) rows.push(['median', 'ours/Starlight', times(medianRatio.wall), times(medianRatio.cpu), times(medianRatio.rss), times(medianRatio.rate)]);

console.log(
  `\nBuild of ${PAGES} pages, cold caches, ${RUNS} run${RUNS > 1 ? 's' : ''} each in turns (ratio: ours/Starlight, pair by pair; median ratio: median of the pairs' ratios)\n`,
);
console.log(table(rows));

const PHASES: [string, string][] = [
  ['setup', 'setup (Node, config; ours: content check)'],
  ['sync', 'content sync'],
  ['bundle', 'bundle (Vite)'],
  ['render', 'render (static routes)'],
  ['post', 'post (after render)'],
  ['outputCheck', '  output check (ours: Pagefind indexes and writes meanwhile)'],
  ['pagefind', '  Pagefind (ours: after the check)'],
  ['other', '  other'],
];
const phaseMedians = Object.fromEntries(
  PROJECTS.map((project) => [
    project,
    Object.fromEntries(PHASES.map(([key]) => [key, median(results.filter((r) => r.project === project).map((r) => r.phases[key]))])),
  ]),
) as Partial<Record<Project, Record<string, number | undefined>>>;
const phaseRows = [['phase (median)', ...PROJECTS]];
for (const [key, label] of PHASES)
  phaseRows.push([label, ...PROJECTS.map((p) => (key in (results.find((r) => r.project === p)?.phases ?? {}) ? seconds(phaseMedians[p]![key]) : ''))]);
console.log(`\nPhases, from the arrival time of the build's log lines (— where a line was missing)\n`);
console.log(table(phaseRows));

if (edits.length > 0) {
  const editRows = [['run', 'ours, one entry edited', 'MDX from cache / compiled', 'Starlight cold', 'edit/Starlight cold']];
  const editRatios: (number | undefined)[] = [];
  for (const edit of edits) {
    const peer = of('starlight', edit.run);
    const r = ratio(edit.wallS, peer?.wallS);
    editRatios.push(r);
    editRows.push([String(edit.run), seconds(edit.wallS), edit.compiledMdx ? edit.compiledMdx.join(' / ') : DASH, seconds(peer?.wallS), times(r)]);
  }
  editRows.push(['median', seconds(median(edits.map((e) => e.wallS))), '', seconds(medians.starlight?.wallS), times(median(editRatios))]);
  console.log(`\nIncremental rebuild: the title of ${EDITED.collection}/${EDITED.id} edited, then built with the caches of the cold build before it\n`);
  console.log(table(editRows));
  const editPhases = [['phase (median)', 'ours, edit']];
  for (const [key, label] of PHASES) editPhases.push([label, seconds(median(edits.map((e) => e.phases[key])))]);
  console.log('');
  console.log(table(editPhases));
}

mkdirSync(TEST_DIST, { recursive: true });
writeFileSync(
  RESULT_FILE,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      command: `npm run bench:build -- ${process.argv.slice(2).join(' ')}`.trim(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, gnuTime: Boolean(time) },
      versions,
      corpus: { seed: corpus.seed, ...summary },
      runs: RUNS,
      builds: results,
      edits,
      medians,
      pairRatios,
      medianRatio,
      phaseMedians,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nResults: ${relative(ROOT, RESULT_FILE)}; logs: ${relative(ROOT, LOG_DIR)}/`);

if (values.keep) {
  const kept = [...(PROJECTS.includes('ours') ? [CORPUS_DIR] : []), ...(PROJECTS.includes('starlight') ? [STARLIGHT_DOCS] : []), ...PROJECTS.map(outDirOf)];
  console.log(`Kept: ${kept.map((dir) => relative(ROOT, dir)).join(', ')}`);
} else {
  const written = [...(PROJECTS.includes('ours') ? [CORPUS_DIR] : []), ...(PROJECTS.includes('starlight') ? [STARLIGHT_DOCS] : []), ...PROJECTS.map(outDirOf)];
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
}
