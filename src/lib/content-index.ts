/**
 * The content index: one pass over `content/` that reads every entry's frontmatter,
 * heading ids and outgoing body links, before Astro renders anything. The cross-link
 * plugin resolves links against it, the content checks validate it as a whole, and the
 * link graph reads its body links. Plain Node: no Astro imports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, extname, basename } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit as visitYaml, type Node as YamlNode } from 'yaml';
import { COLLECTION_NAMES, isCollectionName } from './collections.ts';
import { ContentErrors, type Problem, suggest } from './errors.ts';
import { isExternalUrl } from './external-url.ts';
import { entryToKey, ID_PATTERN, toKebabId, type EntryKey } from './urls.ts';

/** Frontmatter keys that hold dates, wherever they are nested. */
export const DATE_KEYS = new Set(['updated', 'date', 'endDate', 'published', 'asOf', 'joined', 'signed', 'started', 'launched', 'founded']);

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export const ENTRY_EXTENSIONS = ['.mdx', '.md', '.yaml', '.yml'] as const;

/** A `[[collection/id#anchor|label]]` cross-link or a Markdown link found in a body. */
export interface BodyLink {
  kind: 'cross-link' | 'unclosed-cross-link' | 'markdown-link' | 'external-link';
  /** The text as written: `[[ilrs/overview|the ILRS]]` or the link's URL. */
  raw: string;
  line: number;
  column: number;
}

export interface IndexedEntry extends EntryKey {
  /** Path relative to the project root, e.g. `content/ilrs/overview.mdx`. */
  file: string;
  absolutePath: string;
  data: Record<string, unknown>;
  title: string;
  /** Ids of the headings of the body, in order, as Astro generates them. */
  headings: string[];
  links: BodyLink[];
  /** Line of each frontmatter field, by dotted path (`quotes.0.text`), for error messages. */
  fieldLines: Map<string, number>;
}

export interface ContentIndex {
  root: string;
  contentDir: string;
  /** Entries by `collection/id`. */
  entries: Map<string, IndexedEntry>;
  /** Entries by absolute file path. */
  byPath: Map<string, IndexedEntry>;
  /** Problems found while reading: unknown folders, bad file names, duplicates, bad YAML. */
  problems: Problem[];
}

/** Matches one cross-link; the inner text is parsed by `parseCrossLink`. */
export const CROSS_LINK = /\[\[([^\[\]\n]+?)\]\]/g;

export interface ParsedCrossLink {
  collection: string;
  id: string;
  anchor?: string | undefined;
  label?: string | undefined;
}

/** Parses the inside of `[[…]]`; undefined when it is not `collection/id[#anchor][|label]`. */
export function parseCrossLink(inner: string): ParsedCrossLink | undefined {
  const m = inner.match(/^\s*([^/#|\s]+)\/([^/#|\s]+)(?:#([^|\s]+))?\s*(?:\|([^|]*))?$/);
  if (!m) return undefined;
  const label = m[4]?.trim();
  return { collection: m[1]!, id: m[2]!, anchor: m[3], label: label || undefined };
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function splitFrontmatter(source: string): { yaml: string; body: string; bodyLine: number } {
  const m = source.match(FRONTMATTER);
  if (!m) return { yaml: '', body: source, bodyLine: 1 };
  return { yaml: m[1]!, body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

function listEntryFiles(contentDir: string): { collection: string; path: string }[] {
  const files: { collection: string; path: string }[] = [];
  for (const folder of readdirSync(contentDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(join(contentDir, folder.name), { withFileTypes: true })) {
      files.push({ collection: folder.name, path: join(contentDir, folder.name, file.name) });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Ids per collection straight from the file names: cheap enough for schema refinements. */
export function listEntryIds(contentDir: string): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const { collection, path } of listEntryFiles(contentDir)) {
    const ext = extname(path);
    if (!(ENTRY_EXTENSIONS as readonly string[]).includes(ext)) continue;
    const list = ids.get(collection) ?? [];
    list.push(basename(path, ext));
    ids.set(collection, list);
  }
  return ids;
}

interface ParsedFile {
  entry: IndexedEntry;
  tree?: Root;
  bodyLine: number;
}

function makeProcessor(mdx: boolean) {
  const p = unified().use(remarkParse).use(remarkGfm);
  return mdx ? p.use(remarkMdx) : p;
}

function readEntry(root: string, collection: string, path: string, problems: Problem[]): ParsedFile | undefined {
  const file = relative(root, path);
  const ext = extname(path);
  const id = basename(path, ext);
  if (!ID_PATTERN.test(id)) {
    problems.push({ file, ...ContentErrors.invalidId(basename(path), toKebabId(id) + ext) });
    return undefined;
  }
  const source = readFileSync(path, 'utf8');
  const isYaml = ext === '.yaml' || ext === '.yml';
  const { yaml, body, bodyLine } = isYaml ? { yaml: source, body: '', bodyLine: 1 } : splitFrontmatter(source);
  const lineOffset = isYaml ? 0 : 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
  let data: Record<string, unknown> = {};
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      problems.push({ file, line: pos.line + lineOffset, column: pos.col, ...ContentErrors.unreadableFrontmatter(error.message.split('\n')[0]!) });
    }
  } else {
    const parsed = doc.toJS() as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    else if (parsed !== null && parsed !== undefined) problems.push({ file, line: 1 + lineOffset, ...ContentErrors.unreadableFrontmatter('expected a mapping of fields, e.g. "title: …".') });
    // YAML loaders turn 2024-02-30 into 1 March without a word; check the text as written.
    visitYaml(doc, {
      Pair(_, pair) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!DATE_KEYS.has(key) || !isScalar(pair.value)) return;
        const value = String(pair.value.value);
        if (isCalendarDate(value)) return;
        const pos = lineCounter.linePos(pair.value.range?.[0] ?? 0);
        problems.push({ file, line: pos.line + lineOffset, column: pos.col, ...ContentErrors.invalidDate(key, value) });
      },
    });
  }
  const entry: IndexedEntry = {
    collection,
    id,
    file,
    absolutePath: path,
    data,
    title: typeof data.title === 'string' ? data.title : id,
    headings: [],
    links: [],
    fieldLines: new Map(),
  };
  collectFieldLines(doc.contents, [], (path, offset) => entry.fieldLines.set(path.join('.'), lineCounter.linePos(offset).line + lineOffset));
  if (isYaml) return { entry, bodyLine };
  let tree: Root;
  try {
    tree = makeProcessor(ext === '.mdx').parse(body) as Root;
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number; place?: { line?: number; column?: number } };
    const line = e.place?.line ?? e.line;
    problems.push({
      file,
      line: line ? line + bodyLine - 1 : undefined,
      column: e.place?.column ?? e.column,
      message: `Unparsable ${ext === '.mdx' ? 'MDX' : 'Markdown'}: ${e.message ?? String(error)}`,
      hint: ext === '.mdx' ? 'In MDX, escape a literal `{` or `<` with a backslash.' : undefined,
    });
    return { entry, bodyLine };
  }
  return { entry, tree, bodyLine };
}

function collectFieldLines(node: unknown, path: (string | number)[], add: (path: (string | number)[], offset: number) => void): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const range = (pair.key as YamlNode | null)?.range;
      if (range) add([...path, key], range[0]);
      collectFieldLines(pair.value, [...path, key], add);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const range = (item as YamlNode | null)?.range;
      if (range) add([...path, i], range[0]);
      collectFieldLines(item, [...path, i], add);
    });
  }
}

/** The line of a field, or of its nearest ancestor that has one. */
export function getFieldLine(entry: IndexedEntry, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const line = entry.fieldLines.get(path.slice(0, n).map(String).join('.'));
    if (line) return line;
  }
  return undefined;
}

/** Where a match at `offset` inside a text node starts, as a line and column of the file. */
function placeInText(node: Text, offset: number, bodyLine: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, offset).split('\n');
  const line = start.line + before.length - 1 + bodyLine - 1;
  const column = before.length === 1 ? start.column + offset : before.at(-1)!.length + 1;
  return { line, column };
}

function collectLinks(parsed: ParsedFile): void {
  if (!parsed.tree) return;
  visit(parsed.tree, (node) => {
    if (node.type === 'text') {
      for (const m of node.value.matchAll(CROSS_LINK)) {
        parsed.entry.links.push({ kind: 'cross-link', raw: m[0], ...placeInText(node, m.index, parsed.bodyLine) });
      }
      // A `[[` left without its `]]`: most often a `|` that split a table cell.
      const stray = node.value.replace(CROSS_LINK, (m) => ' '.repeat(m.length)).indexOf('[[');
      if (stray >= 0) {
        const raw = node.value.slice(stray).split(/\s/)[0]!;
        parsed.entry.links.push({ kind: 'unclosed-cross-link', raw, ...placeInText(node, stray, parsed.bodyLine) });
      }
    } else if (node.type === 'link') {
      const start = node.position?.start ?? { line: 1, column: 1 };
      const kind = isExternalUrl(node.url) ? 'external-link' : 'markdown-link';
      parsed.entry.links.push({ kind, raw: node.url, line: start.line + parsed.bodyLine - 1, column: start.column });
    }
  });
}

/** Heading text as it will render: cross-links replaced by their labels. */
export function headingToText(heading: Heading, titleOf: (key: string) => string | undefined): string {
  const parts: string[] = [];
  const walk = (node: RootContent | Heading): void => {
    if (node.type === 'text') {
      parts.push(
        node.value.replace(CROSS_LINK, (raw, inner: string) => {
          const link = parseCrossLink(inner);
          if (!link) return raw;
          return link.label ?? titleOf(`${link.collection}/${link.id}`) ?? raw;
        }),
      );
    } else if ('children' in node) {
      for (const child of node.children as RootContent[]) walk(child);
    } else if ('value' in node && typeof node.value === 'string') {
      parts.push(node.value);
    }
  };
  walk(heading);
  return parts.join('');
}

function collectHeadings(parsed: ParsedFile, titleOf: (key: string) => string | undefined): void {
  if (!parsed.tree) return;
  const slugger = new GithubSlugger();
  visit(parsed.tree, 'heading', (node: Heading) => {
    parsed.entry.headings.push(slugger.slug(headingToText(node, titleOf)));
  });
}

/** Reads the whole of `contentDir` into an index. Never throws on bad content: see `problems`. */
export function buildContentIndex(root: string, contentDir: string): ContentIndex {
  const problems: Problem[] = [];
  const parsed: ParsedFile[] = [];
  for (const { collection, path } of listEntryFiles(contentDir)) {
    const file = relative(root, path);
    if (!isCollectionName(collection)) {
      if (!problems.some((p) => p.file === relative(root, join(contentDir, collection)))) {
        problems.push({ file: relative(root, join(contentDir, collection)), ...ContentErrors.unknownFolder(collection, suggest(collection, COLLECTION_NAMES)) });
      }
      continue;
    }
    if (statSync(path).isDirectory()) {
      problems.push({ file, message: `Unexpected folder "${file}", expected entry files directly in content/${collection}/.`, hint: 'Collections are flat: move the files up one level.' });
      continue;
    }
    if (!(ENTRY_EXTENSIONS as readonly string[]).includes(extname(path))) {
      if (!basename(path).startsWith('.')) {
        problems.push({ file, message: `Unexpected file type "${extname(path) || basename(path)}", expected ${ENTRY_EXTENSIONS.join(', ')}.`, hint: 'Images and other assets belong in public/ or src/assets/.' });
      }
      continue;
    }
    const result = readEntry(root, collection, path, problems);
    if (result) parsed.push(result);
  }

  const entries = new Map<string, IndexedEntry>();
  const byPath = new Map<string, IndexedEntry>();
  const seen = new Map<string, string[]>();
  for (const { entry } of parsed) {
    const key = entryToKey(entry);
    seen.set(key, [...(seen.get(key) ?? []), entry.file]);
    if (!entries.has(key)) entries.set(key, entry);
    byPath.set(entry.absolutePath, entry);
  }
  for (const [key, files] of seen) {
    if (files.length < 2) continue;
    const [collection, id] = key.split('/') as [string, string];
    for (const file of files) problems.push({ file, ...ContentErrors.duplicateId(collection, id, files.filter((f) => f !== file)) });
  }

  const titleOf = (key: string) => entries.get(key)?.title;
  for (const p of parsed) {
    collectHeadings(p, titleOf);
    collectLinks(p);
  }
  return { root, contentDir, entries, byPath, problems };
}

let cached: { signature: string; index: ContentIndex; checkedAt: number } | undefined;

function signatureOf(contentDir: string): string {
  return listEntryFiles(contentDir)
    .map(({ path }) => `${path}:${statSync(path).mtimeMs}`)
    .join('|');
}

/**
 * The index of `contentDir`, rebuilt only when a file was added, removed or changed. The
 * files are looked at no more than once a second: the plugin asks for every page it renders.
 */
export function getContentIndex(root: string, contentDir: string): ContentIndex {
  const now = Date.now();
  if (cached && cached.signature.startsWith(`${contentDir}|`) && now - cached.checkedAt < 1000) return cached.index;
  const signature = `${contentDir}|${signatureOf(contentDir)}`;
  if (cached?.signature !== signature) cached = { signature, index: buildContentIndex(root, contentDir), checkedAt: now };
  else cached.checkedAt = now;
  return cached.index;
}
