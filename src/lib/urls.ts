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
