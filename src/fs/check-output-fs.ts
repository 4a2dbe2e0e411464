/**
 * An independent check of the emitted site: every internal href and src must name a file
 * of the output, every #fragment an id on the target page, and every external link must be
 * a well-formed https URL (the rule of `external-url.ts`). Reads the HTML files, and the
 * links of the Markdown files (`.md`, `llms*.txt`), whose links to the site itself are
 * absolute; knows nothing of the content.
 *
 * Markdown is read by markdown-it, not remark: the links are all the check needs, and markdown-it
 * finds them about six times as fast (remark's syntax tree was 7 of a 1,000-page build's 36 s).
 * It reads them as remark with GFM does (CommonMark, tables, strikethrough, footnotes, autolink
 * literals), which tests/unit/check-output.test.ts shows case by case and on the site's own Markdown.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Parser } from 'htmlparser2';
import MarkdownIt, { type Token } from 'markdown-it';
import markdownItFootnote from 'markdown-it-footnote';
import { ContentErrors, type Problem } from '../lib/errors.ts';
import { externalUrlProblem, isExternalUrl } from '../lib/external-url.ts';
import { normalizeBase } from '../lib/urls.ts';

export interface PageLinks {
  ids: Set<string>;
  links: { attribute: string; url: string }[];
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
  blockquote: ['cite'],
};

function readPage(text: string): PageLinks {
  const page: PageLinks = { ids: new Set(), links: [] };
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id) page.ids.add(attributes.id);
      if (name === 'a' && attributes.name) page.ids.add(attributes.name);
      for (const attribute of URL_ATTRIBUTES[name] ?? []) {
        const url = attributes[attribute];
        if (url !== undefined) page.links.push({ attribute: `<${name} ${attribute}>`, url });
      }
    },
  });
  parser.write(text);
  parser.end();
  return page;
}

/** CommonMark with GFM's tables, strikethrough, footnotes and autolink literals, every link kept as written. */
const markdownIt = new MarkdownIt({ linkify: true }).use(markdownItFootnote);
// A check must see every link, `javascript:` ones included, exactly as written (no percent-encoding).
markdownIt.validateLink = () => true;
markdownIt.normalizeLink = (url) => url;
markdownIt.linkify.set({ fuzzyLink: true, fuzzyEmail: true });
// As remark's tree has them: a footnote definition where it stands (markdown-it-footnote would drop one whose reference
// is in another section), and a link definition as a definition, its references left unresolved (else counted twice).
markdownIt.core.ruler.disable('footnote_tail');
markdownIt.core.ruler.after('block', 'definitions_apart', (state) => {
  state.env.definitions = state.env.references ?? {};
  state.env.references = {};
  return true;
});

/** GFM's autolink literals: a scheme, `www.` or an email address (linkify-it's bare domains such as `Node.js` are text). */
function isGfmLiteral(text: string): boolean {
  return /^(https?:\/\/|www\.)/i.test(text) || (text.includes('@') && !text.includes(':'));
}

/** The URLs of a Markdown text's links, images and link definitions. */
export function readMarkdownLinks(text: string): string[] {
  const env: { definitions?: Record<string, { href: string }> } = {};
  const urls: string[] = [];
  const walk = (tokens: Token[]) => {
    tokens.forEach((token, i) => {
      if (token.type === 'link_open') {
        const literal = token.markup === 'linkify' ? (tokens[i + 1]?.content ?? '') : undefined;
        if (literal === undefined || isGfmLiteral(literal)) urls.push(String(token.attrGet('href') ?? ''));
      } else if (token.type === 'image') urls.push(String(token.attrGet('src') ?? ''));
      if (token.children) walk(token.children);
    });
  };
  walk(markdownIt.parse(text, env));
  for (const definition of Object.values(env.definitions ?? {})) urls.push(definition.href);
  return urls;
}

/**
 * A Markdown text cut before each heading that starts a line outside a fenced code block. Every link, image and
 * definition lies whole inside one section (a heading ends any list, quote or paragraph before it), so the links of
 * the sections are the links of the text.
 */
export function markdownSections(text: string): string[] {
  const sections: string[] = [];
  let start = 0;
  let fence: string | undefined;
  let at = 0;
  for (const line of text.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker[0]!.repeat(marker.length);
    else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    else if (fence === undefined && at > start && /^#{1,6}(\s|$)/.test(line)) {
      sections.push(text.slice(start, at));
      start = at;
    }
    at += line.length + 1;
  }
  sections.push(text.slice(start));
  return sections;
}

/** Whether a file of the output is Markdown: every `.md`, and `llms.txt` and the like at the top. */
function isMarkdownFile(dir: string, file: string): boolean {
  const name = basename(file);
  return name.endsWith('.md') || (dirname(file) === dir.replace(/[\\/]$/, '') && /^llms(-[a-z]+)?\.txt$/.test(name));
}

/** Every file of the output, sorted. */
function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  return files.sort();
}

/** The URL path a file is served at, under `base`. */
export function fileToUrlPath(dir: string, file: string, base: string): string {
  const path = relative(dir, file).split(sep).join('/');
  return normalizeBase(base) + path.replace(/(^|\/)index\.html$/, '$1');
}

/** The file a URL path names, or undefined when there is none; `isFile` says whether a path is a file of the output. */
export function urlPathToFile(dir: string, pathname: string, base: string, isFile = isFileOnDisk): string | undefined {
  const b = normalizeBase(base);
  if (!pathname.startsWith(b)) return undefined;
  const rest = decodeURIComponent(pathname.slice(b.length));
  const candidate = join(dir, rest);
  if (rest === '' || rest.endsWith('/')) return isFile(join(candidate, 'index.html')) ? join(candidate, 'index.html') : undefined;
  return isFile(candidate) ? candidate : undefined;
}

function isFileOnDisk(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * What the check read from each file, by a digest of the file's bytes: a rebuild reads every file again
 * but parses only those that changed (most pages of an incremental build are restored byte for byte).
 */
export type OutputCache = Map<string, PageLinks | string[]>;

/**
 * What the last check that passed saw: each file of the output (relative to it) with the cache keys of what it holds
 * (none for a file that is neither HTML nor Markdown), under the base and origin it was checked with.
 */
export interface CheckedOutput {
  setting: string;
  files: Map<string, string>;
}

/** The output as `read`, as the next check compares it with its own (`getFilesToCheck`). */
export function getCheckedOutput(dir: string, base: string, origin: string | undefined, read: OutputRead): CheckedOutput {
  return {
    setting: `${normalizeBase(base)}\n${origin ?? ''}`,
    files: new Map(read.files.map((file) => [relative(dir, file), (read.keys.get(file) ?? []).join(' ')])),
  };
}

/**
 * The files whose links must be judged again, or undefined for all of them. A link's verdict depends on its URL, the
 * page it is on, the base and origin, which files the output has, and the ids of the page it names. So when the
 * last check passed with the same base, origin and files, and every changed page has the ids it had (`idsOf` reads
 * them from the cache by key), only the changed files can hold a new problem: an incremental build that changed 100
 * of 2,000 files judges their links alone. Anything else (a file added or removed, an id gone or new) judges all.
 */
export function getFilesToCheck(last: CheckedOutput | undefined, now: CheckedOutput, idsOf: (key: string) => Set<string> | undefined): Set<string> | undefined {
  if (!last || last.setting !== now.setting || last.files.size !== now.files.size) return undefined;
  const changed = new Set<string>();
  for (const [file, keys] of now.files) {
    const before = last.files.get(file);
    if (before === undefined) return undefined;
    if (before === keys) continue;
    if (file.endsWith('.html')) {
      const [was, is] = [idsOf(before), idsOf(keys)];
      if (!was || !is || was.size !== is.size || [...is].some((id) => !was.has(id))) return undefined;
    }
    changed.add(file);
  }
  return changed;
}

/** Where the cache of `checkOutput` is kept between builds, named by a digest of this file's code. */
export function openOutputCache(cacheDir: string): { cache: OutputCache; last: CheckedOutput | undefined; save: (passed: CheckedOutput) => void } {
  const version = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(process.version)
    .digest('hex')
    .slice(0, 12);
  const file = join(cacheDir, `output-links-${version}.v8`);
  let stored: { cache: OutputCache; last: CheckedOutput | undefined } = { cache: new Map(), last: undefined };
  try {
    stored = deserialize(readFileSync(file)) as typeof stored;
  } catch {
    // No cache yet, or an unreadable one: every file is parsed and judged.
  }
  return {
    ...stored,
    save: (passed) => {
      mkdirSync(cacheDir, { recursive: true });
      for (const old of readdirSync(cacheDir)) if (old.startsWith('output-links-') && old !== basename(file)) rmSync(join(cacheDir, old), { force: true });
      writeFileSync(file, serialize({ cache: stored.cache, last: passed }));
    },
  };
}

/** Where what a file (or a Markdown section) holds is kept in the cache: by its kind and a digest of its bytes. */
function contentKey(kind: 'html' | 'md', content: string | Buffer): string {
  return `${kind}:${createHash('sha256').update(content).digest('hex')}`;
}

/**
 * The texts of one output file that the cache lacks, each with the key it belongs under: the whole file (HTML), or
 * some of its Markdown sections, by their index in `markdownSections`. `size` is their length in characters.
 */
export interface OutputParseJob {
  file: string;
  kind: 'html' | 'md';
  texts: { index: number; key: string }[];
  size: number;
}

/**
 * What the texts of a job hold, as `checkOutput` reads them, in the job's order. The file is read again here rather
 * than its texts held from `readOutput`: a cold build's at 5,000 pages are hundreds of megabytes, which the worker
 * threads would each have been sent a copy of. The output does not change while it is checked.
 */
export function parseOutputJob(job: OutputParseJob): (PageLinks | string[])[] {
  const text = readFileSync(job.file, 'utf8');
  if (job.kind === 'html') return [readPage(text)];
  const sections = markdownSections(text);
  return job.texts.map(({ index }) => readMarkdownLinks(sections[index] ?? ''));
}

/** The output as the check reads it: every file, and the keys in the cache of each HTML file and Markdown section. */
export interface OutputRead {
  files: string[];
  keys: Map<string, string[]>;
}

/**
 * Reads and digests each file of the output once: the output as the check reads it, and the texts the cache does
 * not hold yet (each once, under the first file that has it), to be parsed before the check.
 */
export function readOutput(dir: string, cache: OutputCache): { output: OutputRead; unparsed: OutputParseJob[] } {
  const files = listFiles(dir);
  const keys = new Map<string, string[]>();
  const seen = new Set<string>();
  const unparsed: OutputParseJob[] = [];
  const isNew = (key: string) => {
    if (cache.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const file of files) {
    if (file.endsWith('.html')) {
      const bytes = readFileSync(file);
      const key = contentKey('html', bytes);
      keys.set(file, [key]);
      if (isNew(key)) unparsed.push({ file, kind: 'html', texts: [{ index: 0, key }], size: bytes.length });
    } else if (isMarkdownFile(dir, file)) {
      const sections = markdownSections(readFileSync(file, 'utf8'));
      const sectionKeys = sections.map((source) => contentKey('md', source));
      keys.set(file, sectionKeys);
      const texts = sectionKeys.flatMap((key, index) => (isNew(key) ? [{ index, key }] : []));
      const size = texts.reduce((sum, { index }) => sum + sections[index]!.length, 0);
      if (texts.length > 0) unparsed.push({ file, kind: 'md', texts, size });
    }
  }
  return { output: { files, keys }, unparsed };
}

/** Parses jobs here, into `cache`. */
export function parseOutputJobs(jobs: readonly OutputParseJob[], cache: OutputCache): void {
  for (const job of jobs) parseOutputJob(job).forEach((found, i) => cache.set(job.texts[i]!.key, found));
}

/** The output read, its new texts parsed into `cache` on this thread. */
function readOutputHere(dir: string, cache: OutputCache): OutputRead {
  const { output, unparsed } = readOutput(dir, cache);
  parseOutputJobs(unparsed, cache);
  return output;
}

/**
 * Every problem of the output's links. `origin` is the site's address (Astro's `site`): a Markdown link to it is
 * checked as an internal link, since Markdown links to the site are absolute. `read` is the output as `readOutput`
 * read it with this cache, its new texts already parsed into the cache (`readOutputParsed` in src/fs/check-pool-fs.ts);
 * without it, the output is read and parsed here. `last`: what the last passing check saw (`getCheckedOutput`), with
 * this cache; then only the files `getFilesToCheck` names are judged.
 */
export function checkOutput(
  dir: string,
  base: string,
  origin?: string,
  cache: OutputCache = new Map(),
  read = readOutputHere(dir, cache),
  last?: CheckedOutput,
): Problem[] {
  const problems: Problem[] = [];
  const files = new Set(read.files);
  const isFile = (path: string) => files.has(path);
  const used: OutputCache = new Map();
  /** What a text holds, from the cache by its key. */
  const text = (file: string, key: string) => {
    const found = cache.get(key);
    if (found === undefined) throw new Error(`The output check has not read ${relative(dir, file)}.`);
    used.set(key, found);
    return found;
  };
  const pages = new Map<string, PageLinks>();
  const pageOf = (file: string) => {
    let page = pages.get(file);
    if (!page) {
      const found = text(file, read.keys.get(file)![0]!);
      if (Array.isArray(found)) throw new Error(`The output check read ${relative(dir, file)} as Markdown.`);
      pages.set(file, (page = found));
    }
    return page;
  };
  // Markdown by sections, each cached apart: /llms-full.txt holds every entry and changes with any edit.
  const readMarkdown = (file: string) =>
    read.keys.get(file)!.flatMap((key) => {
      const found = text(file, key);
      if (!Array.isArray(found)) throw new Error(`The output check read ${relative(dir, file)} as HTML.`);
      return found;
    });
  const own = origin ? new URL(origin).origin : undefined;
  /** What is wrong with a link, if anything (one verdict per link, the file it is in left out). */
  type Verdict = Omit<Problem, 'file'>[];
  const judge = (attribute: string, url: string, pageUrl: URL, sameOriginIsInternal: boolean): Verdict => {
    const problems: Verdict = [];
    if (url === '') {
      problems.push(ContentErrors.emptyOutputLink(attribute));
      return problems;
    }
    const internal = sameOriginIsInternal && own !== undefined && URL.canParse(url) && new URL(url).origin === own;
    if (!internal && isExternalUrl(url)) {
      const problem = externalUrlProblem(url, `external link ${attribute}`);
      if (problem) problems.push(problem);
      return problems;
    }
    const target = new URL(url, pageUrl);
    const targetFile = urlPathToFile(dir, target.pathname, base, isFile);
    if (!targetFile) {
      problems.push(ContentErrors.brokenOutputLink(attribute, url, target.pathname));
      return problems;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && targetFile.endsWith('.html') && !pageOf(targetFile).ids.has(fragment)) {
      problems.push(ContentErrors.brokenOutputAnchor(attribute, url, relative(dir, targetFile), fragment));
    }
    return problems;
  };
  // The same link is on many pages (the sidebar's, the header's, a cross-link to a popular entry): judged once. A URL
  // with a scheme or a path from the root means the same on every page of an origin; any other, only on its page.
  const verdicts = new Map<string, Verdict>();
  /** Checks the links of one file (its path and URL worked out once, not for each of its hundreds of links). */
  const checkAll = (file: string, links: readonly { attribute: string; url: string }[], pageUrl: URL, sameOriginIsInternal: boolean) => {
    const at = relative(dir, file);
    const everywhere = `${sameOriginIsInternal}\n${pageUrl.origin}`;
    const here = `${sameOriginIsInternal}\n${pageUrl.href}`;
    for (const { attribute: name, url } of links) {
      const sameEverywhere = /^[a-z][a-z\d+.-]*:/i.test(url) || (url.startsWith('/') && !url.startsWith('//'));
      const key = `${name}\n${sameEverywhere ? everywhere : here}\n${url}`;
      let verdict = verdicts.get(key);
      if (!verdict) verdicts.set(key, (verdict = judge(name, url, pageUrl, sameOriginIsInternal)));
      for (const problem of verdict) problems.push({ file: at, ...problem });
    }
  };
  const idsOf = (keys: string) => {
    const found = cache.get(keys);
    return found && !Array.isArray(found) ? found.ids : undefined;
  };
  const toCheck = getFilesToCheck(last, getCheckedOutput(dir, base, origin, read), idsOf);
  /** Whether a file's links are judged; those that are not keep their texts in the cache all the same. */
  const judged = (file: string) => {
    if (!toCheck || toCheck.has(relative(dir, file))) return true;
    for (const key of read.keys.get(file) ?? []) text(file, key);
    return false;
  };
  for (const file of read.files.filter((f) => f.endsWith('.html') && judged(f))) {
    const pageUrl = new URL(fileToUrlPath(dir, file, base), 'http://site');
    checkAll(file, pageOf(file).links, pageUrl, false);
  }
  for (const file of read.files.filter((f) => read.keys.has(f) && !f.endsWith('.html') && judged(f))) {
    const fileUrl = new URL(fileToUrlPath(dir, file, base), own ?? 'http://site');
    checkAll(
      file,
      readMarkdown(file).map((url) => ({ attribute: 'in Markdown', url })),
      fileUrl,
      true,
    );
  }
  // Only what this output holds is kept: the cache does not grow with every edit.
  cache.clear();
  for (const [key, value] of used) cache.set(key, value);
  return problems;
}
