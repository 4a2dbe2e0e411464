/**
 * What a body may hold beyond Markdown, checked on the text and on its syntax tree before
 * anything renders. Two kinds of rule:
 *
 * - Nesting: lists, quotes and elements nested deeper than `NESTING_LIMIT` are refused. The
 *   text is scanned first (`findDeepNesting`, a line scan of list and quote markers and a scan
 *   of tags), because the Markdown parser itself stalls on deep lists (2,000 levels took it
 *   minutes); the tree is measured again after parsing (`findDeepNode`), without recursion.
 * - Markup: what the site's Content-Security-Policy would block, or what runs code when the
 *   site is built, is refused at its line (`checkElement`, shared by raw HTML in `.md` and
 *   JSX in `.mdx`; the MDX-only rules are in src/lib/parse-entry.ts).
 */
import { ContentErrors, BLOCKED_ELEMENTS, type Raised } from './errors.ts';
import { isAllowedScheme, isExternalUrl, urlScheme } from './external-url.ts';

/** The deepest nesting of lists, block quotes and elements a body may have. */
export const NESTING_LIMIT = 32;

export interface DeepNesting {
  /** What is nested: 'lists and quotes' or 'elements'. */
  what: string;
  depth: number;
  /** 1-based line and column in the text scanned. */
  line: number;
  column: number;
}

/** Width of leading whitespace from column `col`, tabs to the next multiple of 4. */
function advance(text: string, pos: number, col: number): { pos: number; col: number } {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) {
    col = text[pos] === '\t' ? col + 4 - (col % 4) : col + 1;
    pos += 1;
  }
  return { pos, col };
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * The deepest list and quote nesting of the text, from its lines alone. Each open list item is
 * kept by the column its content starts at; a line that starts a list item pops the items it
 * is not indented into. Never less than the nesting CommonMark reads (a list item is always on
 * a line of its own indentation, and a quote's `>` is repeated on the line), at most a level
 * more where a heading or a fence closed a list without a blank line.
 */
function scanContainers(text: string, limit: number): DeepNesting | undefined {
  const open: number[] = [];
  let afterBlank = true;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      afterBlank = true;
      continue;
    }
    // The markers that start the line: quotes (`>`) and list items, each with its column.
    const markers: { col: number; content?: number }[] = [];
    let { pos, col } = advance(line, 0, 0);
    const start = col;
    for (;;) {
      const rest = line.slice(pos);
      const marker = rest.match(LIST_MARKER)?.[0];
      if (marker) {
        const after = advance(line, pos + marker.length, col + marker.length);
        const gap = after.col - col - marker.length;
        // Content starts after one to four spaces; more is indented code inside the item.
        markers.push({ col, content: gap >= 1 && gap <= 4 ? after.col : col + marker.length + 1 });
        ({ pos, col } = after);
      } else if (rest.startsWith('>')) {
        markers.push({ col });
        ({ pos, col } = advance(line, pos + 1, col + 1));
      } else break;
    }
    // The items this line is not indented into are closed: always at a list item (which is never a lazy
    // continuation), and after a blank line (nothing continues lazily there).
    const item = markers.find((m) => m.content !== undefined);
    if (item || afterBlank) {
      const at = item?.col ?? start;
      while (open.length > 0 && open.at(-1)! > at) open.pop();
    }
    const depth = open.length + markers.length;
    if (depth > limit) return { what: 'lists and quotes', depth, line: i + 1, column: (markers[Math.max(0, limit - open.length)]?.col ?? 0) + 1 };
    for (const m of markers) if (m.content !== undefined) open.push(m.content);
    afterBlank = false;
  }
  return undefined;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const NAME = String.raw`[A-Za-z][\w.$-]*(?::[\w.$-]+)?`;
const TAG = new RegExp(String.raw`<\/(?:${NAME})?\s*>|<(${NAME})((?:\s[^<>]*)?)>|<>`, 'g');

/** The deepest nesting of HTML or JSX tags in the text: an opening tag adds a level, a closing one ends it. */
function scanTags(text: string, limit: number): DeepNesting | undefined {
  let depth = 0;
  for (const m of text.matchAll(TAG)) {
    if (m[0].startsWith('</')) depth = Math.max(0, depth - 1);
    else if (m[0] === '<>' || (!m[2]?.trimEnd().endsWith('/') && !VOID_ELEMENTS.has(m[1]!.toLowerCase()))) depth += 1;
    if (depth > limit) {
      const before = text.slice(0, m.index).split('\n');
      return { what: 'elements', depth, line: before.length, column: before.at(-1)!.length + 1 };
    }
  }
  return undefined;
}

/** Where the text nests deeper than `limit`, if it does: checked before the text is parsed. */
export function findDeepNesting(text: string, limit = NESTING_LIMIT): DeepNesting | undefined {
  return scanContainers(text, limit) ?? scanTags(text, limit);
}

/**
 * The deepest nesting of a YAML text: flow brackets (`[`, `{`, outside quotes) and block
 * indentation, each indented line a level deeper than the lines it is indented under.
 */
export function findDeepYaml(text: string, limit = NESTING_LIMIT): DeepNesting | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    if (!quote && flow === 0 && line.trim() && !line.trimStart().startsWith('#')) {
      while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop();
      indents.push(indent);
      // A `- ` opens a level of its own within the line.
      const dashes = line
        .trimStart()
        .match(/^(?:-[ \t]+)*/)![0]
        .replace(/[ \t]/g, '').length;
      if (indents.length + dashes > limit) return { what: 'frontmatter values', depth: indents.length + dashes, line: i + 1, column: indent + 1 };
    }
    for (let j = 0; j < line.length; j++) {
      const c = line[j]!;
      if (quote) {
        if (c === quote && !(quote === '"' && line[j - 1] === '\\')) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (j === 0 || /\s/.test(line[j - 1]!))) break;
      else if (c === '[' || c === '{') {
        flow += 1;
        if (flow + indents.length > limit) return { what: 'frontmatter values', depth: flow + indents.length, line: i + 1, column: j + 1 };
      } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    }
  }
  return undefined;
}

interface TreeNode {
  type: string;
  children?: TreeNode[];
  position?: { start: { line: number; column: number } } | undefined;
}

/** Nodes that nest: what `NESTING_LIMIT` counts in a parsed tree. */
const NESTING_NODES = new Set([
  'blockquote',
  'listItem',
  'footnoteDefinition',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
]);

/** The first node of the tree nested deeper than `limit`, measured without recursion. */
export function findDeepNode(tree: TreeNode, limit = NESTING_LIMIT): (DeepNesting & { node: TreeNode }) | undefined {
  const stack: [TreeNode, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const here = depth + (NESTING_NODES.has(node.type) ? 1 : 0);
    if (here > limit) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      return { what: node.type.startsWith('mdxJsx') ? 'elements' : 'lists, quotes and emphasis', depth: here, line: start.line, column: start.column, node };
    }
    for (const child of node.children ?? []) stack.push([child, here]);
  }
  return undefined;
}

/** Attributes that hold an address, wherever they appear. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'xlink:href',
  'poster',
  'action',
  'formaction',
  'cite',
  'background',
  'data',
  'ping',
  'longdesc',
  'manifest',
  'icon',
  'codebase',
]);

/** Attributes an SVG animation copies into another attribute, an `href` among them. */
const ANIMATED_VALUES = new Set(['to', 'from', 'values', 'by']);

/** Attributes that inject markup or code however they are spelled (React's and Astro's names included). */
const INJECTING_ATTRIBUTES = new Set(['srcdoc', 'dangerouslysetinnerhtml', 'set:html', 'set:text', 'is:raw', 'is:inline']);

/** Whether an attribute is refused by name: an event handler, an inline style, or markup injected from a string. */
export function isBlockedAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  return /^on/.test(lower) || lower === 'style' || INJECTING_ATTRIBUTES.has(lower);
}

/** A link or image address of an element, to be checked against the site (see `BodyLink`). */
export interface MarkupLink {
  kind: 'link' | 'image';
  url: string;
}

/**
 * Checks one element, from raw HTML or JSX: its name, its attributes by name and by value.
 * `attributes` holds the string values (`undefined` for a value that is not a string);
 * `isElement` is false for a component, whose attributes are props. Returns the problems and
 * the links to resolve against the site.
 */
export function checkElement(
  tag: string,
  attributes: readonly [name: string, value: string | undefined][],
  isElement: boolean,
): { problems: Raised[]; links: MarkupLink[] } {
  const problems: Raised[] = [];
  const links: MarkupLink[] = [];
  const lower = tag.toLowerCase();
  // A refused element is refused whole: what its attributes would do no longer matters.
  if (isElement && Object.hasOwn(BLOCKED_ELEMENTS, lower)) return { problems: [ContentErrors.blockedElement(lower)], links };
  for (const [name, value] of attributes) {
    const attribute = name.toLowerCase();
    if (isBlockedAttribute(attribute)) {
      problems.push(ContentErrors.blockedAttribute(name, tag));
      continue;
    }
    if (value === undefined || !(URL_ATTRIBUTES.has(attribute) || ANIMATED_VALUES.has(attribute))) continue;
    // Text attributes (title, alt) may say anything; an address may not run script or be another document.
    if (!isAllowedScheme(value) || (ANIMATED_VALUES.has(attribute) && urlScheme(value) !== undefined)) {
      problems.push(ContentErrors.blockedUrl(value.trim(), `the ${name} of <${tag}>`));
      continue;
    }
    if (!isElement || !URL_ATTRIBUTES.has(attribute)) continue;
    const urls = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value.trim()];
    const image = attribute !== 'href' && attribute !== 'xlink:href';
    for (const url of urls.filter(Boolean)) {
      if (image && isExternalUrl(url)) problems.push(ContentErrors.externalImage(url));
      else if (url.startsWith('/') && !url.startsWith('//')) problems.push(ContentErrors.rootRelativeMarkupLink(url));
      else links.push({ kind: image ? 'image' : 'link', url });
    }
  }
  return { problems, links };
}
