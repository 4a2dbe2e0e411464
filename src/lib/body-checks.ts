/**
 * Nesting limits: values, lists, quotes and elements nested deeper than `NESTING_LIMIT` are
 * refused, from a scan of the text before any parser reads it (a parser stalls or exhausts its
 * stack on input nested thousands deep).
 */

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
