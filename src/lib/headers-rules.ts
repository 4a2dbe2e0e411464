/**
 * `_headers`, read as Cloudflare Pages reads it (Netlify reads the same file the same way
 * for everything this site writes): pure functions, no file system.
 *
 *   /path/or/pattern          a line starting with `/`, or `https://host/path` (any indentation)
 *     Name: value             a header for the paths the pattern matches
 *     ! Name                  detach `Name`, set by an earlier rule or by the host's defaults
 *   # comment
 *
 * Patterns: `*` is a splat matching anything (slashes included), `:name` a placeholder
 * matching one path segment (in the host part of an absolute URL rule, one label); both can
 * be used in header values as `:splat` and `:name`. Everything else matches literally and
 * case-sensitively, against the whole path (so under a base path, rules carry the base, as
 * `src/integrations/headers.ts` writes them). Every matching rule applies, in file order: a
 * header set by one rule replaces the host's default, and the same header set again by a later
 * matching rule (or twice in one rule) is joined with `, `. Netlify differs in edge cases
 * this site does not rely on: it matches case-insensitively with an optional trailing
 * slash, lets a later rule replace rather than extend an earlier rule's header, and knows no
 * `! Name` detach.
 *
 * Lines are checked so that applying a rule can never make a response throw: header names
 * must be HTTP tokens, values printable, one `*` at most, placeholders unique. Invalid lines
 * (and, as on Cloudflare, lines over 2,000 characters and rules past the 100th) are
 * reported in `invalid` and ignored.
 */

export interface HeaderRule {
  /** The pattern line as written. */
  source: string;
  /** Anchored; tested against the path, or against `https://host/path` when `crossHost`. */
  pattern: RegExp;
  crossHost: boolean;
  /** Headers in file order, names as written; a name repeated in the rule is joined with `, `. */
  headers: [string, string][];
  /** Header names to remove (`! Name`). */
  detach: string[];
}

export interface InvalidLine {
  line: number;
  text: string;
  message: string;
}

export const MAX_RULES = 100;
export const MAX_LINE_LENGTH = 2000;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// What Node's setHeader accepts: tab, printable ASCII and Latin-1 letters; never CR, LF or NUL.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const PLACEHOLDER = /:([A-Za-z]\w*)/g;
const REGEX_SPECIAL = /[-/\\^$*+?.()|[\]{}]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/** Builds the rule's pattern, or says why it cannot be used. */
export function compilePattern(source: string): { pattern: RegExp; crossHost: boolean } | { error: string } {
  let host = '';
  let path = source;
  const crossHost = /^[^\s/]+:\/\//.test(source);
  if (crossHost) {
    const match = /^https:\/\/([^/]+)(\/.*)?$/.exec(source);
    if (!match) return { error: 'An absolute URL rule must begin with https:// and name a host' };
    if (/:\d+$/.test(match[1]!)) return { error: 'A port cannot be specified' };
    host = match[1]!;
    path = match[2] ?? '/';
  }
  if (/[?#]/.test(path)) return { error: 'A rule path cannot hold a query string or a fragment' };
  if ((source.match(/\*/g) ?? []).length > 1) return { error: 'A rule can hold only one * (splat)' };
  const names = [...source.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  if (names.includes('splat') && source.includes('*')) return { error: ':splat cannot be used beside *' };
  if (new Set(names).size !== names.length) return { error: 'A placeholder can be used only once in a rule' };
  const part = (text: string, segment: string) =>
    text
      .split('*')
      .map(escapeRegex)
      .join('(?<splat>.*)')
      .replace(PLACEHOLDER, (_, name: string) => `(?<${name}>${segment})`);
  const body = crossHost ? `https:\\/\\/${part(host, '[^/.]+')}${part(path, '[^/]+')}` : part(path, '[^/]+');
  return { pattern: new RegExp(`^${body}$`), crossHost };
}

/** Parses `_headers` into rules, keeping the invalid lines apart with the reason. */
export function parseHeadersFile(text: string): { rules: HeaderRule[]; invalid: InvalidLine[] } {
  const rules: HeaderRule[] = [];
  const invalid: InvalidLine[] = [];
  let rule: (HeaderRule & { line: number }) | undefined;
  let skipping = false; // after an invalid pattern line, its header lines are dropped with it
  let full = false;
  const close = () => {
    if (rule && (rule.headers.length || rule.detach.length)) {
      const { line: _line, ...kept } = rule;
      rules.push(kept);
    } else if (rule) invalid.push({ line: rule.line, text: rule.source, message: 'No headers specified' });
    rule = undefined;
  };
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const at = index + 1;
    if (!line || line.startsWith('#')) continue;
    const bad = (message: string) => invalid.push({ line: at, text: line, message });
    if (raw.length > MAX_LINE_LENGTH) {
      bad(`Longer than ${MAX_LINE_LENGTH} characters`);
      continue;
    }
    if (line.startsWith('/') || /^[^\s]+:\/\//.test(line)) {
      close();
      if (rules.length >= MAX_RULES) {
        if (!full) bad(`More than ${MAX_RULES} rules: this one and the rest are ignored`);
        full = true;
      }
      if (full) {
        skipping = true;
        continue;
      }
      const compiled = compilePattern(line);
      if ('error' in compiled) {
        bad(compiled.error);
        skipping = true;
        continue;
      }
      skipping = false;
      rule = { source: line, ...compiled, headers: [], detach: [], line: at };
      continue;
    }
    if (skipping) continue;
    if (!rule) {
      bad('A header line before any path');
      continue;
    }
    const colon = line.indexOf(':');
    if (colon === -1) {
      const name = line.startsWith('! ') ? line.slice(2).trim() : '';
      if (!TOKEN.test(name)) bad('Expected `Name: value` or `! Name`');
      else rule.detach.push(name);
      continue;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!TOKEN.test(name)) bad('Not a valid header name');
    else if (!value) bad('No header value');
    else if (!FIELD_VALUE.test(value)) bad('A header value cannot hold control characters');
    else {
      const same = rule.headers.find(([n]) => n.toLowerCase() === name.toLowerCase());
      if (same) same[1] = `${same[1]}, ${value}`;
      else rule.headers.push([name, value]);
    }
  }
  close();
  return { rules, invalid };
}

/** The rules of `_headers`, without the report of invalid lines. */
export function parseHeaders(text: string): HeaderRule[] {
  return parseHeadersFile(text).rules;
}

/**
 * What `_headers` does to the response for `path` (the decoded request path, base included):
 * the headers to set, in order, and the names (lower-case) to remove from the host's defaults.
 * A placeholder's text is percent-encoded before it goes into a value, so a value stays a
 * valid header whatever the path holds.
 */
export function headersFor(rules: HeaderRule[], path: string, host?: string): { headers: [string, string][]; detached: string[] } {
  const out = new Map<string, [string, string]>();
  const detached = new Set<string>();
  for (const rule of rules) {
    const subject = rule.crossHost ? (host ? `https://${host.toLowerCase()}${path}` : undefined) : path;
    const match = subject === undefined ? null : rule.pattern.exec(subject);
    if (!match) continue;
    const groups = match.groups ?? {};
    for (const name of rule.detach) {
      out.delete(name.toLowerCase());
      detached.add(name.toLowerCase());
    }
    for (const [name, raw] of rule.headers) {
      const value = raw.replace(PLACEHOLDER, (whole, key: string) => (groups[key] === undefined ? whole : encodeURI(groups[key])));
      const previous = out.get(name.toLowerCase());
      out.set(name.toLowerCase(), previous ? [previous[0], `${previous[1]}, ${value}`] : [name, value]);
    }
  }
  return { headers: [...out.values()], detached: [...detached] };
}
