/**
 * The site's entries, from Astro's content layer (which the content source filled from
 * the one content model): every collection, sorted, and the link graph. Pages call this;
 * nothing here renders.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { getPageInputs } from '../lib/page-inputs.ts';
import { COLLECTION_NAMES, type CollectionName } from '../lib/collections.ts';
import { sortEntries, type SiteData, type SiteEntry } from '../lib/site-data.ts';
import { entryToKey } from '../lib/urls.ts';

export type AnyEntry = CollectionEntry<CollectionName>;

async function load(): Promise<SiteData> {
  const byKey = new Map<string, SiteEntry>();
  const digests = new Map<string, string>();
  const lists = await Promise.all(
    COLLECTION_NAMES.map(async (name) => {
      const entries = await getCollection(name);
      for (const entry of entries) digests.set(entryToKey(entry), String(entry.digest ?? ''));
      return sortEntries<SiteEntry>(entries);
    }),
  );
  // Object.fromEntries cannot know that the keys are exactly the collection names.
  const byCollection = Object.fromEntries(COLLECTION_NAMES.map((name, i) => [name, lists[i]!])) as SiteData['byCollection'];
  for (const list of lists) for (const entry of list) byKey.set(entryToKey(entry), entry);
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const { id, data } of await getCollection('graph')) {
    outgoing.set(id, data.outgoing);
    incoming.set(id, data.incoming);
  }
  return { byCollection, byKey, graph: { outgoing, incoming }, digests };
}

/** The cache key of an entry page for Astro's incremental build: a digest of its inputs (src/lib/page-inputs.ts). */
export function getPageCacheKey(entry: SiteEntry, site: SiteData): string {
  // Once per entry and site data: the page, its Markdown and its part of /llms-full.txt all ask.
  let keys = cacheKeys.get(site);
  if (!keys) cacheKeys.set(site, (keys = new Map()));
  const id = entryToKey(entry);
  let key = keys.get(id);
  if (key === undefined) keys.set(id, (key = createHash('sha256').update(getPageInputs(entry, site).join('\n')).digest('hex')));
  return key;
}

const cacheKeys = new WeakMap<SiteData, Map<string, string>>();

let site: Promise<SiteData> | undefined;

/** The site's data, assembled once per build from the content layer. */
export function getSiteData(): Promise<SiteData> {
  return (site ??= load());
}
