/**
 * Every path, slug and base-path join of the site goes through this module.
 * Pages live at `<base><collection>/<id>/` (directory format, trailing slash).
 */

export interface EntryKey {
  collection: string;
  id: string;
}

/** The configured base path, always with a leading and a trailing slash. */
export function getBase(): string {
  const env = (import.meta as { env?: { BASE_URL?: string } }).env;
  return normalizeBase(env?.BASE_URL ?? '/');
}

/** `kb`, `/kb`, `/kb/` → `/kb/`; empty or `/` → `/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Prefixes a site-absolute path (`/ilrs/`) with the base path. */
export function withBase(path: string, base: string = getBase()): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('#')) return path;
  return normalizeBase(base) + path.replace(/^\/+/, '');
}

/** Removes the base path from a pathname; returns undefined when it is outside the base. */
export function withoutBase(pathname: string, base: string = getBase()): string | undefined {
  const b = normalizeBase(base);
  if (b === '/') return pathname;
  if (pathname === b.slice(0, -1)) return '/';
  return pathname.startsWith(b) ? '/' + pathname.slice(b.length) : undefined;
}

/** The page of a collection's index. */
export function collectionToUrl(collection: string, base: string = getBase()): string {
  return withBase(`/${collection}/`, base);
}

/** The page of one entry, optionally with a heading anchor. */
export function entryToUrl(entry: EntryKey, base: string = getBase(), anchor?: string): string {
  return withBase(`/${entry.collection}/${entry.id}/`, base) + (anchor ? `#${anchor}` : '');
}

/** Parses a site pathname (with base) back into an entry key, or undefined for other pages. */
export function urlToEntry(pathname: string, base: string = getBase()): EntryKey | undefined {
  const rest = withoutBase(pathname.split(/[?#]/)[0] ?? '', base);
  const match = rest?.match(/^\/([a-z0-9-]+)\/([a-z0-9-]+)\/?(?:index\.html)?$/);
  return match ? { collection: match[1]!, id: match[2]! } : undefined;
}

/** `collection/id`, the form authors write in cross-links and `related`. */
export function entryToKey(entry: EntryKey): string {
  return `${entry.collection}/${entry.id}`;
}

/** Valid entry ids (file names): lowercase kebab-case. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Turns any file name into the kebab-case id we would expect for it. */
export function toKebabId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Site pages that are not entries or collection indexes; internal links may point at them. */
export const STATIC_PAGES = ['/', '/search/', '/timeline/', '/collections/'] as const;

/** The site path (no base) an internal Markdown link of an entry's body points at, with its query and fragment. */
export function resolveInternalLink(url: string, from: EntryKey): { pathname: string; search: string; hash: string } {
  const resolved = new URL(url, `http://site/${from.collection}/${from.id}/`);
  return { pathname: resolved.pathname.replace(/\/index\.html$/, '/'), search: resolved.search, hash: resolved.hash };
}

/** The href an internal Markdown link of an entry's body gets: a bare fragment stays as it is; anything else is base-prefixed. */
export function internalLinkToHref(url: string, from: EntryKey, base: string = getBase()): string {
  if (url.startsWith('#')) return url;
  const { pathname, search, hash } = resolveInternalLink(url, from);
  return withBase(pathname, base) + search + hash;
}

/** The outcome of checking a configuration value: the value to use, or why it cannot be used and an example of one that can. */
export type ConfigCheck<K extends string> = ({ ok: true } & Record<K, string>) | { ok: false; message: string; hint: string };

const BASE_HINT = 'Use a path such as /kb/: ASCII letters, digits and - . _ ~ between slashes.';

/**
 * Checks that `BASE_PATH` can be the path every URL of the site starts with. Unset, empty and `/` mean the site root;
 * `kb`, `/kb` and `/kb/` all mean `/kb/` (see normalizeBase). Each segment is made of URL-safe ASCII (letters,
 * digits, `- . _ ~`), so the base reads the same encoded or not; refused with the reason: whitespace and control
 * characters, `?`, `#`, `\`, a leading `//` (another host), empty or dot segments (`/docs//kb/`, `/../`),
 * non-ASCII, percent-escapes (under an encoded base such as `/caf%C3%A9/`, Astro 7 fails to render the pages:
 * "Missing parameter") and characters with a meaning in HTML, CSS or headers (`" ' < > ( ) :` and the like).
 */
export function checkBasePath(value: string | undefined): ConfigCheck<'base'> {
  const shown = JSON.stringify(value ?? '');
  const refuse = (why: string) => ({ ok: false as const, message: `BASE_PATH ${shown} cannot be a URL path: ${why}.`, hint: BASE_HINT });
  const trimmed = (value ?? '').trim();
  if (trimmed === '' || trimmed === '/') return { ok: true, base: '/' };
  const found = (pattern: RegExp) => trimmed.match(pattern)?.[0];
  let bad: string | undefined;
  if ((bad = found(/[\s\u0000-\u001f\u007f]/u)))
    return refuse(
      bad === ' ' ? 'it contains a space' : `it contains the control or space character U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    );
  if (trimmed.includes('?')) return refuse('"?" would start a query string');
  if (trimmed.includes('#')) return refuse('"#" would start a fragment');
  if (trimmed.includes('\\')) return refuse('it contains a backslash');
  if (trimmed.startsWith('//')) return refuse('a path starting with "//" is read as another host');
  if ((bad = found(/[^\u0000-\u007f]/u))) return refuse(`"${bad}" is not ASCII, and Astro cannot build under a percent-encoded base`);
  if (trimmed.includes('%')) return refuse('Astro cannot build under a percent-encoded base');
  if ((bad = found(/[^A-Za-z0-9\-._~/]/))) return refuse(`"${bad}" is not allowed in a base path`);
  const segments = trimmed.replace(/^\/|\/$/g, '').split('/');
  if (segments.includes('')) return refuse('it has an empty segment ("//")');
  if ((bad = segments.find((segment) => segment === '.' || segment === '..'))) return refuse(`"${bad}" is a dot segment, which browsers resolve away`);
  return { ok: true, base: normalizeBase(trimmed) };
}

const SITE_HINT = 'Use an origin such as https://example.org (put a sub-path in BASE_PATH, e.g. BASE_PATH=/kb/).';

/**
 * Checks that `SITE_URL` is an absolute http(s) URL with no path other than `/`, no query, fragment or credentials.
 * Unset or empty means `fallback` (the caller's default). Returns the origin (`https://example.org`, no trailing slash).
 */
export function checkSiteUrl(value: string | undefined, fallback = ''): ConfigCheck<'site'> {
  const shown = JSON.stringify(value ?? '');
  const refuse = (why: string) => ({ ok: false as const, message: `SITE_URL ${shown} cannot be the site's address: ${why}.`, hint: SITE_HINT });
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return { ok: true, site: fallback };
  if (/[\s\u0000-\u001f\u007f\\]/u.test(trimmed)) return refuse('it contains a space, a control character or a backslash');
  if (!/^https?:\/\/[^/]/i.test(trimmed)) return refuse('it must start with https:// or http:// and a host name');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse('it is not a well-formed URL');
  }
  if (url.username || url.password) return refuse('it contains a user name or password');
  if (url.pathname !== '/') return refuse(`it has the path ${url.pathname}`);
  if (url.search || trimmed.includes('?')) return refuse('it has a query string');
  if (url.hash || trimmed.includes('#')) return refuse('it has a fragment');
  return { ok: true, site: url.origin };
}

/**
 * The Markdown version of an entry page, `<base><collection>/<id>.md`: beside the page's folder rather than inside it,
 * so its address is the page's with `.md` for the trailing slash, and the file name says what it is wherever it is saved.
 */
export function entryToMarkdownUrl(entry: EntryKey, base: string = getBase()): string {
  return withBase(`/${entry.collection}/${entry.id}.md`, base);
}
