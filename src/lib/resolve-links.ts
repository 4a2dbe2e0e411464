/**
 * Resolves cross-links and internal Markdown links against the content model, and checks
 * every body link of the site at once, before anything renders. The link graph reads the
 * targets from here too, so the checks and the backlinks follow the same rules.
 */
import { COLLECTION_NAMES, isCollectionName } from './collections.ts';
import type { ContentModel, ModelEntry } from './content-model.ts';
import { parseCrossLink } from './content-model.ts';
import { ContentErrors, type Problem, type Raised, suggest } from './errors.ts';
import { externalUrlProblem } from './external-url.ts';
import { collectionToUrl, entryToKey, entryToUrl, internalLinkToHref, resolveInternalLink, STATIC_PAGES, urlToEntry, type EntryKey } from './urls.ts';

export type Resolution = { ok: true; href: string; label: string; target?: EntryKey | undefined } | ({ ok: false } & Raised);

function checkAnchor(target: ModelEntry, anchor: string | undefined): Resolution | undefined {
  if (!anchor || target.headings.includes(anchor)) return undefined;
  return { ok: false, ...ContentErrors.unknownAnchor(entryToKey(target), anchor, suggest(anchor, target.headings)) };
}

/** Resolves the inside of `[[…]]` to an href (with base) and a label. */
export function resolveCrossLink(model: ContentModel, inner: string, base: string): Resolution {
  const link = parseCrossLink(inner);
  if (!link) return { ok: false, ...ContentErrors.malformedCrossLink(`[[${inner}]]`) };
  if (!isCollectionName(link.collection)) {
    return { ok: false, ...ContentErrors.unknownCollection(link.collection, suggest(link.collection, COLLECTION_NAMES)) };
  }
  const key = `${link.collection}/${link.id}`;
  const target = model.entries.get(key);
  if (!target) return { ok: false, ...ContentErrors.unknownEntry(key, suggest(key, model.entries.keys())) };
  const bad = checkAnchor(target, link.anchor);
  if (bad) return bad;
  return { ok: true, href: entryToUrl(target, base, link.anchor), label: link.label ?? target.title, target };
}

/** Resolves a Markdown link's URL: root-relative and relative links must name a page. */
export function resolveInternalUrl(model: ContentModel, url: string, from: ModelEntry, base: string): Resolution {
  const { pathname, hash } = resolveInternalLink(url, from);
  const anchor = hash ? decodeURIComponent(hash.slice(1)) : undefined;
  const entryKey = urlToEntry(pathname, '/');
  const target = entryKey && model.entries.get(entryToKey(entryKey));
  const href = internalLinkToHref(url, from, base);
  if (target) {
    const bad = checkAnchor(target, anchor);
    if (bad) return bad;
    return { ok: true, href, label: target.title, target };
  }
  const collectionPages = COLLECTION_NAMES.map((c) => collectionToUrl(c, '/'));
  if ((STATIC_PAGES as readonly string[]).includes(pathname) || collectionPages.includes(pathname)) {
    return { ok: true, href, label: pathname };
  }
  const known = [...STATIC_PAGES, ...collectionPages, ...[...model.entries.values()].map((e) => entryToUrl(e, '/'))];
  return { ok: false, ...ContentErrors.unknownInternalLink(url, suggest(pathname, known)) };
}

/** The entries an entry's body links to (cross-links and internal Markdown links that resolve). */
export function getBodyTargets(model: ContentModel, entry: ModelEntry): EntryKey[] {
  return entry.links.flatMap((link) => {
    if (link.kind === 'external-link' || link.kind === 'unclosed-cross-link') return [];
    const result = link.kind === 'cross-link' ? resolveCrossLink(model, link.raw.slice(2, -2), '/') : resolveInternalUrl(model, link.raw, entry, '/');
    return result.ok && result.target ? [result.target] : [];
  });
}

/** Each unresolvable body link of the site, each cross-link left unclosed, each external link that is not https. */
export function checkBodyLinks(model: ContentModel): Problem[] {
  const problems: Problem[] = [];
  for (const entry of model.entries.values()) {
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
      const result = link.kind === 'cross-link' ? resolveCrossLink(model, link.raw.slice(2, -2), '/') : resolveInternalUrl(model, link.raw, entry, '/');
      if (!result.ok) problems.push({ file: entry.file, line: link.line, column: link.column, name: result.name, message: result.message, hint: result.hint });
    }
  }
  return problems;
}
