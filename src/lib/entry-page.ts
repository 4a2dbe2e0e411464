/**
 * Everything an entry page shows besides its body, prepared in one place: facts, sources,
 * related entries, backlinks, neighbours, breadcrumbs.
 */
import { getCollectionInfo } from './collections.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { getFacts, type Fact } from './facts.ts';
import { formatDate } from './format.ts';
import { collectionToUrl, entryToKey, entryToUrl, withBase, type EntryKey } from './urls.ts';

export interface EntryLink {
  href: string;
  title: string;
  collection: string;
  description: string;
}

export interface SourceItem {
  id: string;
  href: string;
  title: string;
  publisher: string;
  published: string;
  url: string;
  weak: boolean;
}

export interface QuoteItem {
  text: string;
  source: SourceItem;
  date: string;
}

export interface EntryPageData {
  breadcrumbs: { href: string; label: string }[];
  facts: Fact[];
  sources: SourceItem[];
  quotes: QuoteItem[];
  related: EntryLink[];
  backlinks: EntryLink[];
  previous?: EntryLink | undefined;
  next?: EntryLink | undefined;
}

export function toEntryLink(entry: SiteEntry): EntryLink {
  return {
    href: entryToUrl(entry),
    title: entry.data.title,
    collection: getCollectionInfo(entry.collection).singular,
    description: entry.data.description,
  };
}

function toSource(ref: EntryKey, site: SiteData): SourceItem {
  const source = site.byKey.get(entryToKey(ref));
  if (!source || source.collection !== 'sources') throw new Error(`Source "${ref.id}" is missing: the content check should have refused it.`);
  const data = source.data;
  return {
    id: source.id,
    href: entryToUrl(source),
    title: data.title,
    publisher: data.publisher,
    published: formatDate(data.published),
    url: data.url,
    weak: data.reliability === 'weak',
  };
}

function lookup(refs: EntryKey[], site: SiteData): EntryLink[] {
  const seen = new Set<string>();
  const links: EntryLink[] = [];
  for (const ref of refs) {
    const key = entryToKey(ref);
    const target = site.byKey.get(key);
    if (!target || seen.has(key)) continue;
    seen.add(key);
    links.push(toEntryLink(target));
  }
  return links;
}

export function getEntryPageData(entry: SiteEntry, site: SiteData): EntryPageData {
  const quoteList = entry.collection === 'views' ? entry.data.quotes : [];
  const quotes = quoteList.map((q) => ({ text: q.text, source: toSource(q.source, site), date: formatDate(q.date) }));
  const sourceRefs = [...('sources' in entry.data ? entry.data.sources : []), ...quoteList.map((q) => q.source)];
  const sources = [...new Map(sourceRefs.map((r) => [r.id, r])).values()].map((r) => toSource(r, site));
  const siblings: SiteEntry[] = site.byCollection[entry.collection];
  const position = siblings.findIndex((e) => e.id === entry.id);
  const previous = position > 0 ? siblings[position - 1] : undefined;
  const next = position >= 0 && position < siblings.length - 1 ? siblings[position + 1] : undefined;
  const backlinks = (site.graph.incoming.get(entryToKey(entry)) ?? []).flatMap((key) => site.byKey.get(key) ?? []);
  const about = entry.collection === 'views' ? entry.data.about : [];
  return {
    breadcrumbs: [
      { href: withBase('/'), label: 'Home' },
      { href: collectionToUrl(entry.collection), label: getCollectionInfo(entry.collection).label },
    ],
    facts: getFacts(entry, site),
    sources,
    quotes,
    related: lookup([...about, ...('related' in entry.data ? entry.data.related : [])], site),
    backlinks: lookup(backlinks, site),
    previous: previous && toEntryLink(previous),
    next: next && toEntryLink(next),
  };
}
