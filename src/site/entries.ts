/**
 * The site's entries, from Astro's content layer (which the content source filled from
 * the one content model): every collection, sorted, and the link graph. Pages call this;
 * nothing here renders.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { COLLECTION_NAMES, type CollectionName } from '../lib/collections.ts';
import { sortEntries, type SiteData, type SiteEntry } from '../lib/site-data.ts';
import { entryToKey } from '../lib/urls.ts';

export type AnyEntry = CollectionEntry<CollectionName>;

async function load(): Promise<SiteData> {
  const byKey = new Map<string, SiteEntry>();
  const lists = await Promise.all(COLLECTION_NAMES.map(async (name) => sortEntries<SiteEntry>(await getCollection(name))));
  const byCollection = Object.fromEntries(COLLECTION_NAMES.map((name, i) => [name, lists[i]!])) as SiteData['byCollection'];
  for (const list of lists) for (const entry of list) byKey.set(entryToKey(entry), entry);
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const { id, data } of await getCollection('graph')) {
    outgoing.set(id, data.outgoing);
    incoming.set(id, data.incoming);
  }
  return { byCollection, byKey, graph: { outgoing, incoming } };
}

let site: Promise<SiteData> | undefined;

/** The site's data, assembled once per build from the content layer. */
export function getSiteData(): Promise<SiteData> {
  return (site ??= load());
}
