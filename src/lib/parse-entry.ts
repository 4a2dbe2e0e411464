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
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit as visitYaml, type Node as YamlNode } from 'yaml';
import { CROSS_LINK, parseCrossLink, type BodyLink, type EntryFormat } from './content-model.ts';
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
  /** Headings as text (cross-links still unresolved) and the links, with file positions. */
  headings: { text: string; crossLinks: string[] }[];
  links: BodyLink[];
  /** Problems of this file alone: unreadable YAML or Markdown, invalid dates. Without the file name. */
  problems: Omit<Problem, 'file'>[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function splitFrontmatter(source: string): { yaml: string; body: string; bodyLine: number } {
  const m = source.match(FRONTMATTER);
  if (!m) return { yaml: '', body: source, bodyLine: 1 };
  return { yaml: m[1]!, body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
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

/**
 * Parses one file. `dateFields` names the frontmatter keys that hold dates, wherever they
 * are nested (the schemas say which: `getDateFields` in src/schemas/fields.ts).
 */
export function parseEntry(source: string, format: EntryFormat, dateFields: ReadonlySet<string>): ParsedEntry {
  const isYaml = format === 'yaml';
  const { yaml, body, bodyLine } = isYaml ? { yaml: source, body: '', bodyLine: 1 } : splitFrontmatter(source);
  const lineOffset = isYaml ? 0 : 1;
  const parsed: ParsedEntry = { raw: {}, body, bodyLine, fieldLines: new Map(), headings: [], links: [], problems: [] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      parsed.problems.push({ line: pos.line + lineOffset, column: pos.col, ...ContentErrors.unreadableFrontmatter(error.message.split('\n')[0]!) });
    }
  } else {
    const value: unknown = doc.toJS();
    if (value && typeof value === 'object' && !Array.isArray(value)) parsed.raw = value as Record<string, unknown>;
    else if (value !== null && value !== undefined)
      parsed.problems.push({ line: 1 + lineOffset, ...ContentErrors.unreadableFrontmatter('expected a mapping of fields, e.g. "title: …".') });
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
  }
  collectFieldLines(doc.contents, [], (path, offset) => parsed.fieldLines.set(path.join('.'), lineCounter.linePos(offset).line + lineOffset));
  if (isYaml) return parsed;
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
