/**
 * The site's entries, loaded once per build: every collection, sorted, with the link graph.
 * Pages call these; nothing here renders.
 */
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName } from './collections.ts';
import { getContentIndex } from './content-index.ts';
import { buildLinkGraph, type LinkGraph } from './link-graph.ts';
import { getContentDir, getProjectRoot } from './project.ts';
import { getBodyTargets } from './resolve-links.ts';
import { entryToKey } from './urls.ts';

export type AnyEntry = CollectionEntry<CollectionKey>;

export interface SiteData {
  byCollection: Map<CollectionName, AnyEntry[]>;
  byKey: Map<string, AnyEntry>;
  graph: LinkGraph;
}

function sortKey(entry: AnyEntry): [number, string] {
  const data = entry.data as { order?: number; date?: Date; title: string };
  if (data.date instanceof Date) return [0, data.date.toISOString()];
  return [data.order ?? Number.MAX_SAFE_INTEGER, data.title.toLowerCase()];
}

/** Entries of a collection in reading order: by `order`, then title; events by date. */
export function sortEntries(entries: AnyEntry[]): AnyEntry[] {
  return [...entries].sort((a, b) => {
    const [ao, at] = sortKey(a);
    const [bo, bt] = sortKey(b);
    return ao - bo || at.localeCompare(bt);
  });
}

let site: Promise<SiteData> | undefined;

export function getSiteData(): Promise<SiteData> {
  site ??= (async () => {
    const byCollection = new Map<CollectionName, AnyEntry[]>();
    const byKey = new Map<string, AnyEntry>();
    for (const name of COLLECTION_NAMES) {
      const entries = sortEntries((await getCollection(name)) as AnyEntry[]);
      byCollection.set(name, entries);
      for (const entry of entries) byKey.set(entryToKey(entry), entry);
    }
    // The content index is read once for the whole site, not once per entry.
    const index = getContentIndex(getProjectRoot(), getContentDir());
    const bodyLinks = (e: AnyEntry) => {
      const indexed = index.entries.get(entryToKey(e));
      return indexed ? getBodyTargets(index, indexed) : [];
    };
    const graph = buildLinkGraph([...byKey.values()].map((e) => ({ collection: e.collection, id: e.id, data: e.data, bodyLinks: bodyLinks(e) })));
    return { byCollection, byKey, graph };
  })();
  return site;
}
