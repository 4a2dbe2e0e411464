/**
 * Parses one content file, given its text: the YAML frontmatter with the line of every
 * field, the Markdown or MDX body into the heading ids and the links it holds. Pure: the
 * caller reads the file (src/fs/content-model-fs.ts) and keys the result by its digest.
 */
import GithubSlugger from 'github-slugger';
import { Parser } from 'htmlparser2';
import type { Heading, Html, Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit as visitYaml, type Document, type Node as YamlNode } from 'yaml';
import { checkElement, findDeepNesting, findDeepNode, findDeepYaml, isBlockedAttribute, NESTING_LIMIT } from './body-checks.ts';
import { CROSS_LINK, getFieldLine, parseCrossLink, type BodyLink, type EntryFormat } from './content-model.ts';
import { ContentErrors, type Problem } from './errors.ts';
import { isAllowedScheme, isExternalUrl } from './external-url.ts';

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
  /** What an MDX body imports, with its place: the model checks that each is a component of the project. */
  imports: { source: string; line: number; column: number }[];
  /**
   * True when an MDX body holds more than Markdown (imports, exports, JSX elements, expressions or
   * comments): only Astro's MDX compiler can render it. Other MDX bodies are rendered as Markdown
   * read with MDX's syntax, without bundling a module for each (src/loaders/content-source.ts).
   */
  usesMdx: boolean;
  /** Problems of this file alone: unreadable YAML or Markdown, invalid dates, blocked markup. Without the file name. */
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

/** The place of a node in the file, from its place in the body. */
function placeOf(node: { position?: { start: Place } | undefined }, bodyLine: number): Place {
  const start = node.position?.start ?? { line: 1, column: 1 };
  return { line: start.line + bodyLine - 1, column: start.column };
}

/** A link's kind by its URL, or a problem when its scheme is refused (`javascript:`, `data:`…). */
function linkOf(url: string, image: boolean, place: Place, where: string, parsed: ParsedEntry): void {
  if (!isAllowedScheme(url)) parsed.problems.push({ ...place, ...ContentErrors.blockedUrl(url, where) });
  else if (image) {
    if (isExternalUrl(url)) parsed.problems.push({ ...place, ...ContentErrors.externalImage(url) });
    // An image of the site is a file of public/, which the output check finds or not.
  } else parsed.links.push({ kind: isExternalUrl(url) ? 'external-link' : 'markdown-link', raw: url, ...place });
}

/** Raises the problems of one element (raw HTML or JSX) at `place` and records its links. */
function checkElementAt(tag: string, attributes: [string, string | undefined][], isElement: boolean, place: Place, parsed: ParsedEntry): void {
  const { problems, links } = checkElement(tag, attributes, isElement);
  for (const problem of problems) parsed.problems.push({ ...place, ...problem });
  for (const link of links) {
    if (link.kind === 'link') parsed.links.push({ kind: isExternalUrl(link.url) ? 'external-link' : 'markdown-link', raw: link.url, ...place });
  }
}

/** The raw HTML of a Markdown body, read as a browser would: each element checked at its line. */
function checkHtml(nodes: Html[], bodyLine: number, parsed: ParsedEntry): void {
  if (nodes.length === 0) return;
  // One parser over every fragment in order: an inline element opens in one fragment and closes in another.
  const starts: number[] = [];
  let length = 0;
  let depth = 0;
  let deep = false;
  const placeAt = (offset: number): Place => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > offset) i--;
    const node = nodes[i]!;
    const before = node.value.slice(0, offset - starts[i]!).split('\n');
    const start = placeOf(node, bodyLine);
    return before.length === 1
      ? { line: start.line, column: start.column + before[0]!.length }
      : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1 };
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth += 1;
        const place = placeAt(parser.startIndex);
        if (depth > NESTING_LIMIT && !deep) {
          deep = true;
          parsed.problems.push({ ...place, ...ContentErrors.nestingTooDeep('elements', depth, NESTING_LIMIT) });
        }
        checkElementAt(name, Object.entries(attributes), true, place, parsed);
      },
      onclosetag() {
        depth -= 1;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  for (const node of nodes) {
    starts.push(length);
    length += node.value.length;
    parser.write(node.value);
  }
  parser.end();
}

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | { type: string; value: string } | null | undefined;
  position?: { start: Place } | undefined;
}

interface EsmStatement {
  type: string;
  source?: { value?: unknown } | null;
  specifiers?: { local: { name: string } }[];
  loc?: { start: { line: number; column: number } } | null;
}

/** The node types of MDX's syntax beyond Markdown (remark-mdx). */
const MDX_NODES = new Set(['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);

/** The MDX of a body beyond Markdown: imports and exports, expressions, JSX elements and components. */
function checkMdx(tree: Root, bodyLine: number, parsed: ParsedEntry): void {
  const imported = new Set<string>();
  visit(tree, (node) => {
    if (MDX_NODES.has(node.type)) parsed.usesMdx = true;
  });
  visit(tree, 'mdxjsEsm', (node) => {
    const statements = ((node.data as { estree?: { body: EsmStatement[] } } | undefined)?.estree?.body ?? []) as EsmStatement[];
    for (const statement of statements) {
      const place = statement.loc ? { line: statement.loc.start.line + bodyLine - 1, column: statement.loc.start.column + 1 } : placeOf(node, bodyLine);
      if (statement.type === 'ImportDeclaration') {
        parsed.imports.push({ source: String(statement.source?.value ?? ''), ...place });
        for (const specifier of statement.specifiers ?? []) imported.add(specifier.local.name);
      } else {
        parsed.problems.push({ ...place, ...ContentErrors.blockedExport() });
      }
    }
  });
  visit(tree, (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      // A comment, {/* … */}, runs nothing.
      const program = (node.data as { estree?: { body: unknown[] } } | undefined)?.estree;
      if (!program || program.body.length > 0) parsed.problems.push({ ...placeOf(node, bodyLine), ...ContentErrors.blockedExpression(node.value.trim()) });
      return;
    }
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name) return;
    const name = node.name;
    const place = placeOf(node, bodyLine);
    // A lower-case name is an HTML element; any other is a component, which must be imported.
    const isElement = /^[a-z]/.test(name) && !name.includes('.');
    if (!isElement && !imported.has(name.split('.')[0]!)) parsed.problems.push({ ...place, ...ContentErrors.unknownComponent(name) });
    const strings: [string, string | undefined][] = [];
    for (const attribute of node.attributes as JsxAttribute[]) {
      const at = attribute.position ? placeOf(attribute, bodyLine) : place;
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        parsed.problems.push({ ...at, ...ContentErrors.blockedExpression(String(attribute.value ?? '')) });
        continue;
      }
      const attributeName = attribute.name ?? '';
      const value = attribute.value;
      if (value && typeof value === 'object' && !isBlockedAttribute(attributeName)) {
        parsed.problems.push({ ...at, ...ContentErrors.blockedExpression(value.value) });
        continue;
      }
      strings.push([attributeName, typeof value === 'string' ? value : undefined]);
    }
    checkElementAt(name, strings, isElement, place, parsed);
  });
}

function collectBody(tree: Root, format: 'md' | 'mdx', bodyLine: number, parsed: ParsedEntry): void {
  const html: Html[] = [];
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
    } else if (node.type === 'link' || node.type === 'definition') {
      linkOf(node.url, false, placeOf(node, bodyLine), 'a link', parsed);
    } else if (node.type === 'image') {
      linkOf(node.url, true, placeOf(node, bodyLine), 'an image', parsed);
    } else if (node.type === 'html') {
      html.push(node);
    }
  });
  if (format === 'md') checkHtml(html, bodyLine, parsed);
  else checkMdx(tree, bodyLine, parsed);
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
 * mark is dropped. A body nested deeper than `NESTING_LIMIT` is refused before it is parsed.
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
    imports: [],
    usesMdx: false,
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
  const label = format === 'mdx' ? 'MDX' : 'Markdown';
  const deep = findDeepNesting(body);
  if (deep) {
    parsed.problems.push({ line: deep.line + bodyLine - 1, column: deep.column, ...ContentErrors.nestingTooDeep(deep.what, deep.depth, NESTING_LIMIT) });
    return parsed;
  }
  let tree: Root;
  try {
    tree = processors[format].parse(body);
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number; place?: { line?: number; column?: number } };
    const line = e.place?.line ?? e.line;
    parsed.problems.push({
      line: line ? line + bodyLine - 1 : undefined,
      column: e.place?.column ?? e.column,
      ...(error instanceof RangeError
        ? ContentErrors.nestingTooDeep('expressions', NESTING_LIMIT + 1, NESTING_LIMIT)
        : ContentErrors.unparsableBody(label, e.message ?? String(error))),
    });
    return parsed;
  }
  const deepNode = findDeepNode(tree);
  if (deepNode) {
    parsed.problems.push({
      line: deepNode.line + bodyLine - 1,
      column: deepNode.column,
      ...ContentErrors.nestingTooDeep(deepNode.what, deepNode.depth, NESTING_LIMIT),
    });
    return parsed;
  }
  collectBody(tree, format, bodyLine, parsed);
  // In the order of the file, whichever check found them.
  parsed.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return parsed;
}
