/**
 * What Pagefind records for each entry page, derived from the schema fields and the link
 * graph: filters (collection, type, countries, people, year), metadata and a sort key.
 */
import { getCollectionInfo, type CollectionName } from './collections.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { formatDate, toIsoDate } from './format.ts';
import { toNameKey } from './search-name.ts';
import { RANK_FILTER, type SearchTier } from './search-rank.ts';
import { entryToKey } from './urls.ts';

export interface SearchMeta {
  filters: { name: string; value: string }[];
  /** Title and aliases as name keys (`toNameKey`), for the name lookups (the `name` filter). */
  names: string[];
  meta: { name: string; value: string }[];
  /** ISO date used to sort results by date: the entry's own date, else its `updated` date. */
  date?: string | undefined;
}

/** The date an entry is about: when it happened, was published, launched or founded. */
export function getEntryDate(entry: SiteEntry): Date | undefined {
  switch (entry.collection) {
    case 'events':
      return entry.data.date;
    case 'sources':
      return entry.data.published;
    case 'missions':
      return entry.data.launched;
    case 'programmes':
      return entry.data.started;
    case 'organizations':
      return entry.data.founded;
    case 'views':
      return entry.data.quotes[0]?.date;
    default:
      return undefined;
  }
}

function humanize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, ' ');
}

/** Entry type: the schema's `kind` where it has one, else the collection's singular name. */
export function getEntryType(entry: SiteEntry): string {
  return 'kind' in entry.data ? humanize(entry.data.kind) : getCollectionInfo(entry.collection).singular;
}

/** Events and sources give way to topic and entity pages that match as well (see src/lib/search-rank.ts). */
export function getSearchTier(collection: CollectionName): SearchTier {
  return collection === 'sources' ? 'source' : collection === 'events' ? 'event' : 'page';
}

export function getSearchMeta(entry: SiteEntry, site: SiteData): SearchMeta {
  const key = entryToKey(entry);
  const linked = [key, ...(site.graph.outgoing.get(key) ?? [])];
  const titlesIn = (collection: string) =>
    [
      ...new Set(
        linked
          .filter((k) => k.startsWith(`${collection}/`))
          .map((k) => site.byKey.get(k)?.data.title)
          .filter((t): t is string => !!t),
      ),
    ].sort();
  const date = getEntryDate(entry);
  const filters = [
    { name: 'collection', value: getCollectionInfo(entry.collection).label },
    { name: 'type', value: getEntryType(entry) },
    ...titlesIn('countries').map((value) => ({ name: 'country', value })),
    ...titlesIn('people').map((value) => ({ name: 'person', value })),
    ...(date ? [{ name: 'year', value: String(date.getUTCFullYear()) }] : []),
  ];
  const tier = getSearchTier(entry.collection);
  if (tier !== 'page') filters.push({ name: 'rank', value: RANK_FILTER[tier] });
  const meta = [{ name: 'collection', value: getCollectionInfo(entry.collection).label }, ...(date ? [{ name: 'date', value: formatDate(date) }] : [])];
  // Pages without a date of their own sort by when they were last checked, so no page drops out of a sorted search.
  const updated = 'updated' in entry.data ? entry.data.updated : undefined;
  const sortDate = date ?? updated;
  const names = [...new Set([entry.data.title, ...entry.data.aliases].map(toNameKey))].filter(Boolean);
  return { filters, names, meta, date: sortDate && toIsoDate(sortDate) };
}
