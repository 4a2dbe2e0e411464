/**
 * The shape of what pages read: every entry, typed by its collection's schema, sorted,
 * with the link graph. Pure: `src/site/entries.ts` fills it from Astro's content layer.
 */
import type { CollectionName } from './collections.ts';
import type { EntryData } from './content-model.ts';
import type { LinkGraph } from './link-graph.ts';

/** An entry as pages see it; narrowing `collection` narrows `data`. */
export type SiteEntry<C extends CollectionName = CollectionName> = {
  [K in C]: {
    collection: K;
    id: string;
    data: EntryData<K>;
    body?: string | undefined;
    filePath?: string | undefined;
    /** The body's rendering as the data store holds it; its metadata may carry the body's Markdown (src/markdown/body-markdown.ts). */
    rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
  };
}[C];

export interface SiteData {
  byCollection: { [C in CollectionName]: SiteEntry<C>[] };
  byKey: Map<string, SiteEntry>;
  graph: LinkGraph;
  /** The content digest of each entry's file, by `collection/id`: what incremental builds key pages by. */
  digests: Map<string, string>;
}

function sortKey(entry: SiteEntry): [number, string] {
  if (entry.collection === 'events') return [0, entry.data.date.toISOString()];
  const order = 'order' in entry.data ? entry.data.order : undefined;
  return [order ?? Number.MAX_SAFE_INTEGER, entry.data.title.toLowerCase()];
}

/** Entries of a collection in reading order: by `order`, then title; events by date. */
export function sortEntries<E extends SiteEntry>(entries: readonly E[]): E[] {
  return [...entries].sort((a, b) => {
    const [ao, at] = sortKey(a);
    const [bo, bt] = sortKey(b);
    return ao - bo || at.localeCompare(bt);
  });
}
