/**
 * Resolves cross-links and internal Markdown links against the content index, and checks
 * the whole index at once. Shared by the remark plugin (which renders links) and the
 * build-time check (which reports every problem before anything renders).
 */
import { COLLECTION_NAMES, isCollectionName } from './collections.ts';
import type { ContentIndex, IndexedEntry } from './content-index.ts';
import { parseCrossLink } from './content-index.ts';
import { ContentErrors, type Problem, suggest } from './errors.ts';
import { externalUrlProblem } from './external-url.ts';
import { collectionToUrl, entryToKey, entryToUrl, STATIC_PAGES, urlToEntry, withBase, type EntryKey } from './urls.ts';

export type Resolution =
  | { ok: true; href: string; label: string; target?: EntryKey | undefined }
  | { ok: false; message: string; hint: string };

function checkAnchor(target: IndexedEntry, anchor: string | undefined): Resolution | undefined {
  if (!anchor || target.headings.includes(anchor)) return undefined;
  return { ok: false, ...ContentErrors.unknownAnchor(entryToKey(target), anchor, suggest(anchor, target.headings)) };
}

/** Resolves the inside of `[[…]]` to an href (with base) and a label. */
export function resolveCrossLink(index: ContentIndex, inner: string, base: string): Resolution {
  const link = parseCrossLink(inner);
  if (!link) return { ok: false, ...ContentErrors.malformedCrossLink(`[[${inner}]]`) };
  if (!isCollectionName(link.collection)) {
    return { ok: false, ...ContentErrors.unknownCollection(link.collection, suggest(link.collection, COLLECTION_NAMES)) };
  }
  const key = `${link.collection}/${link.id}`;
  const target = index.entries.get(key);
  if (!target) return { ok: false, ...ContentErrors.unknownEntry(key, suggest(key, index.entries.keys())) };
  const bad = checkAnchor(target, link.anchor);
  if (bad) return bad;
  return { ok: true, href: entryToUrl(target, base, link.anchor), label: link.label ?? target.title, target };
}

/** Resolves a Markdown link's URL: root-relative and relative links must name a page. */
export function resolveInternalUrl(index: ContentIndex, url: string, from: IndexedEntry, base: string): Resolution {
  const fromPath = `/${from.collection}/${from.id}/`;
  const resolved = new URL(url, `http://site${fromPath}`);
  const pathname = resolved.pathname.replace(/\/index\.html$/, '/');
  const anchor = resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : undefined;
  const entryKey = urlToEntry(pathname, '/');
  const target = entryKey && index.entries.get(entryToKey(entryKey));
  const href = (path: string) => withBase(path, base) + resolved.search + resolved.hash;
  if (target) {
    const bad = checkAnchor(target, anchor);
    if (bad) return bad;
    // A link to the page itself stays a bare fragment.
    if (url.startsWith('#')) return { ok: true, href: url, label: target.title, target };
    return { ok: true, href: href(pathname), label: target.title, target };
  }
  const collectionPages = COLLECTION_NAMES.map((c) => collectionToUrl(c, '/'));
  if ((STATIC_PAGES as readonly string[]).includes(pathname) || collectionPages.includes(pathname)) {
    return { ok: true, href: href(pathname), label: pathname };
  }
  const known = [...STATIC_PAGES, ...collectionPages, ...[...index.entries.values()].map((e) => entryToUrl(e, '/'))];
  return { ok: false, ...ContentErrors.unknownInternalLink(url, suggest(pathname, known)) };
}

/** The entries an indexed entry's body links to (cross-links and internal Markdown links that resolve). */
export function getBodyTargets(index: ContentIndex, entry: IndexedEntry): EntryKey[] {
  return entry.links.flatMap((link) => {
    if (link.kind === 'external-link' || link.kind === 'unclosed-cross-link') return [];
    const result =
      link.kind === 'cross-link' ? resolveCrossLink(index, link.raw.slice(2, -2), '/') : resolveInternalUrl(index, link.raw, entry, '/');
    return result.ok && result.target ? [result.target] : [];
  });
}

/** Every problem of the content: reading problems, each unresolvable body link, each external link that is not https. */
export function checkContentIndex(index: ContentIndex): Problem[] {
  const problems = [...index.problems];
  for (const entry of index.entries.values()) {
    for (const link of entry.links) {
      if (link.kind === 'unclosed-cross-link') {
        problems.push({ file: entry.file, line: link.line, column: link.column, ...ContentErrors.unclosedCrossLink(link.raw) });
        continue;
      }
      if (link.kind === 'external-link') {
        const problem = externalUrlProblem(link.raw);
        if (problem) problems.push({ file: entry.file, line: link.line, column: link.column, ...problem });
        continue;
      }
      const result =
        link.kind === 'cross-link'
          ? resolveCrossLink(index, link.raw.slice(2, -2), '/')
          : resolveInternalUrl(index, link.raw, entry, '/');
      if (!result.ok) problems.push({ file: entry.file, line: link.line, column: link.column, message: result.message, hint: result.hint });
    }
  }
  return problems;
}
