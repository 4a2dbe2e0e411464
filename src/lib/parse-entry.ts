/**
 * Parses one content file, given its text: the YAML frontmatter with the line of every
 * field, the Markdown or MDX body into the heading ids and the links it holds. Pure: the
 * caller reads the file (src/fs/content-model-fs.ts) and keys the result by its digest.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit as visitYaml, type Document, type Node as YamlNode } from 'yaml';
import { findDeepYaml, NESTING_LIMIT } from './body-checks.ts';
import { CROSS_LINK, getFieldLine, parseCrossLink, type BodyLink, type EntryFormat } from './content-model.ts';
import { ContentErrors, type Problem } from './errors.ts';
import { isExternalUrl } from './external-url.ts';

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** What one file holds, before it is checked against the rest of the site. */
export interface ParsedEntry {
  raw: Record<string, unknown>;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  fieldLines: Map<string, number>;
  /**
   * False when the frontmatter is missing or unreadable: the schema is then not run on it,
   * since it would only report every field as missing.
   */
  frontmatterRead: boolean;
  /** Headings as text (cross-links still unresolved) and the links, with file positions. */
  headings: { text: string; crossLinks: string[] }[];
  links: BodyLink[];
  /** Problems of this file alone: unreadable YAML or Markdown, invalid dates. Without the file name. */
  problems: Omit<Problem, 'file'>[];
}

/** How many times the frontmatter may expand YAML aliases (`*name`): a few repeats, never a "billion laughs". */
export const ALIAS_LIMIT = 20;

type Split = { yaml: string; body: string; bodyLine: number } | { problem: Omit<Problem, 'file'> };

/**
 * The frontmatter and the body. The frontmatter ends where Astro's MDX compiler ends it, at
 * the first line that starts with `---`; that line must hold nothing else, so the check and
 * the compiler never read the file differently.
 */
function splitFrontmatter(source: string): Split {
  const lines = source.split('\n');
  const opening = lines[0]!.trimEnd();
  if (opening !== '---') {
    if (opening.startsWith('---')) return { problem: { line: 1, ...ContentErrors.malformedFrontmatterFence(opening) } };
    return { problem: { line: 1, ...ContentErrors.missingFrontmatter() } };
  }
  const close = lines.findIndex((line, i) => i > 0 && line.startsWith('---'));
  if (close < 0) return { problem: { line: 1, column: 1, ...ContentErrors.unclosedFrontmatter() } };
  if (lines[close]!.trimEnd() !== '---') return { problem: { line: close + 1, ...ContentErrors.malformedFrontmatterFence(lines[close]!.trimEnd()) } };
  return { yaml: lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
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

/** Where a match at `offset` inside a text node starts, as a line and column of the file. */
function placeInText(node: Text, offset: number, bodyLine: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, offset).split('\n');
  const line = start.line + before.length - 1 + bodyLine - 1;
  const column = before.length === 1 ? start.column + offset : before.at(-1)!.length + 1;
  return { line, column };
}

const processors = {
  md: unified().use(remarkParse).use(remarkGfm),
  mdx: unified().use(remarkParse).use(remarkGfm).use(remarkMdx),
};

type Place = { line: number; column: number };

function collectBody(tree: Root, bodyLine: number, parsed: ParsedEntry): void {
  visit(tree, (node) => {
    if (node.type === 'heading') {
      const crossLinks: string[] = [];
      visit(node, 'text', (text: Text) => {
        for (const m of text.value.matchAll(CROSS_LINK)) crossLinks.push(m[1]!);
      });
      parsed.headings.push({ text: headingText(node), crossLinks });
    } else if (node.type === 'text') {
      for (const m of node.value.matchAll(CROSS_LINK)) {
        parsed.links.push({ kind: 'cross-link', raw: m[0], ...placeInText(node, m.index, bodyLine) });
      }
      // A `[[` left without its `]]`: most often a `|` that split a table cell.
      const stray = node.value.replace(CROSS_LINK, (m) => ' '.repeat(m.length)).indexOf('[[');
      if (stray >= 0) {
        const raw = node.value.slice(stray).split(/\s/)[0]!;
        parsed.links.push({ kind: 'unclosed-cross-link', raw, ...placeInText(node, stray, bodyLine) });
      }
    } else if (node.type === 'link') {
      const start = node.position?.start ?? { line: 1, column: 1 };
      const kind = isExternalUrl(node.url) ? 'external-link' : 'markdown-link';
      parsed.links.push({ kind, raw: node.url, line: start.line + bodyLine - 1, column: start.column });
    }
  });
}

/** Heading text as written; a cross-link inside counts by its label (see `headingToSlugs`). */
function headingText(heading: Heading): string {
  const parts: string[] = [];
  const walk = (node: RootContent | Heading): void => {
    if (node.type === 'text') {
      parts.push(node.value.replace(CROSS_LINK, (raw, inner: string) => parseCrossLink(inner)?.label ?? raw));
    } else if ('children' in node) {
      for (const child of node.children as RootContent[]) walk(child);
    } else if ('value' in node && typeof node.value === 'string') {
      parts.push(node.value);
    }
  };
  walk(heading);
  return parts.join('');
}

/** The ids the rendered headings get: GitHub's slugs, numbered when repeated. */
export function headingsToSlugs(headings: readonly { text: string }[]): string[] {
  const slugger = new GithubSlugger();
  return headings.map((h) => slugger.slug(h.text));
}

/** The line of a YAML error: the field whose value holds it (an unclosed quote is reported where it opened, not at the end). */
function errorLine(doc: Document, offset: number, lineCounter: LineCounter): Place {
  let best: { start: number } | undefined;
  visitYaml(doc, {
    Pair(_, pair) {
      const start = (pair.key as YamlNode | null)?.range?.[0];
      const end = (pair.value as YamlNode | null)?.range?.[1];
      if (start !== undefined && end !== undefined && start < offset && offset <= end && (!best || start > best.start)) best = { start };
    },
  });
  const pos = lineCounter.linePos(best?.start ?? offset);
  return { line: pos.line, column: pos.col };
}

/** The first line of each of two pairs of one map with the same key, for the error at `offset`. */
function duplicateOf(doc: Document, offset: number): { key: string; first: number; second: number } | undefined {
  let found: { key: string; first: number; second: number } | undefined;
  visitYaml(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const start = (pair.key as YamlNode | null)?.range?.[0];
        if (start === undefined) continue;
        const earlier = seen.get(key);
        if (earlier !== undefined && start === offset) found = { key, first: earlier, second: start };
        if (earlier === undefined) seen.set(key, start);
      }
    },
  });
  return found;
}

/** Every string of the frontmatter, with its path. */
function stringsOf(value: unknown, path: (string | number)[] = [], found: { path: (string | number)[]; text: string }[] = []) {
  if (typeof value === 'string') found.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((item, i) => stringsOf(item, [...path, i], found));
  else if (value && typeof value === 'object' && !(value instanceof Date))
    for (const [key, item] of Object.entries(value)) stringsOf(item, [...path, key], found);
  return found;
}

/** Reads the YAML of the frontmatter (or of a YAML entry) into `parsed`; `lineOffset` is the file line of its first line, minus one. */
function readYaml(yaml: string, lineOffset: number, dateFields: ReadonlySet<string>, parsed: ParsedEntry): void {
  const deep = findDeepYaml(yaml);
  if (deep) {
    parsed.problems.push({ line: deep.line + lineOffset, column: deep.column, ...ContentErrors.nestingTooDeep(deep.what, deep.depth, NESTING_LIMIT) });
    return;
  }
  const lineCounter = new LineCounter();
  // `logLevel: 'error'`: what YAML would print as a warning (a list as a key) is the schema's to refuse.
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, logLevel: 'error' });
  const at = (place: Place) => ({ line: place.line + lineOffset, column: place.column });
  collectFieldLines(doc.contents, [], (path, offset) => parsed.fieldLines.set(path.join('.'), lineCounter.linePos(offset).line + lineOffset));
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const duplicate = error.code === 'DUPLICATE_KEY' ? duplicateOf(doc, error.pos[0]) : undefined;
      if (duplicate) {
        const [first, second] = [duplicate.first, duplicate.second].map((offset) => lineCounter.linePos(offset).line + lineOffset) as [number, number];
        parsed.problems.push({ line: second, column: 1, ...ContentErrors.duplicateKey(duplicate.key, first, second) });
      } else {
        parsed.problems.push({ ...at(errorLine(doc, error.pos[0], lineCounter)), ...ContentErrors.unreadableFrontmatter(error.message.split('\n')[0]!) });
      }
    }
    return;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: ALIAS_LIMIT });
  } catch (error) {
    // Aliases are expanded here: too many, or one without its anchor.
    const message = error instanceof Error ? error.message : String(error);
    let alias: Place = { line: 1, column: 1 };
    visitYaml(doc, {
      Alias(_, node) {
        const pos = lineCounter.linePos(node.range?.[0] ?? 0);
        alias = { line: pos.line, column: pos.col };
        return visitYaml.BREAK;
      },
    });
    parsed.problems.push({
      ...at(alias),
      ...(/excessive alias/i.test(message) ? ContentErrors.tooManyAliases(ALIAS_LIMIT) : ContentErrors.unreadableFrontmatter(`${message}.`)),
    });
    return;
  }
  if (value === null || value === undefined) value = {};
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    parsed.problems.push({ line: 1 + lineOffset, ...ContentErrors.unreadableFrontmatter('expected a mapping of fields, e.g. "title: …".') });
    return;
  }
  parsed.raw = value as Record<string, unknown>;
  parsed.frontmatterRead = true;
  // YAML loaders turn 2024-02-30 into 1 March without a word; check the text as written.
  visitYaml(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!dateFields.has(key) || !isScalar(pair.value)) return;
      const text = String(pair.value.value);
      if (isCalendarDate(text)) return;
      const pos = lineCounter.linePos(pair.value.range?.[0] ?? 0);
      parsed.problems.push({ line: pos.line + lineOffset, column: pos.col, ...ContentErrors.invalidDate(key, text) });
    },
  });
  // Frontmatter is plain text: a cross-link there would be published as written.
  for (const { path, text } of stringsOf(parsed.raw)) {
    const link = text.match(CROSS_LINK);
    if (link) parsed.problems.push({ line: getFieldLine(parsed, path), ...ContentErrors.crossLinkInFrontmatter(path.join('.'), link[0]) });
  }
}

/**
 * Parses one file. `dateFields` names the frontmatter keys that hold dates, wherever they
 * are nested (the schemas say which: `getDateFields` in src/schemas/fields.ts). A byte-order
 * mark is dropped.
 */
export function parseEntry(text: string, format: EntryFormat, dateFields: ReadonlySet<string>): ParsedEntry {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const parsed: ParsedEntry = {
    raw: {},
    body: '',
    bodyLine: 1,
    fieldLines: new Map(),
    frontmatterRead: false,
    headings: [],
    links: [],
    problems: [],
  };
  if (format === 'yaml') {
    readYaml(source, 0, dateFields, parsed);
    return parsed;
  }
  const split = splitFrontmatter(source);
  if ('problem' in split) {
    parsed.problems.push(split.problem);
    return parsed;
  }
  Object.assign(parsed, { body: split.body, bodyLine: split.bodyLine });
  readYaml(split.yaml, 1, dateFields, parsed);
  const { body, bodyLine } = split;
  let tree: Root;
  try {
    tree = processors[format].parse(body);
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number; place?: { line?: number; column?: number } };
    const line = e.place?.line ?? e.line;
    parsed.problems.push({
      line: line ? line + bodyLine - 1 : undefined,
      column: e.place?.column ?? e.column,
      ...ContentErrors.unparsableBody(format === 'mdx' ? 'MDX' : 'Markdown', e.message ?? String(error)),
    });
    return parsed;
  }
  collectBody(tree, bodyLine, parsed);
  return parsed;
}
