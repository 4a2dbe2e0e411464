/**
 * The sidebar of entry pages and collection indexes: the current collection, grouped by a
 * field of its schema (people by the kind of body they work for, events by year, missions
 * by status…), in the collection's reading order within each group (topic pages by
 * `order`, events by date, the others by title).
 *
 * Its size is bounded, whatever the size of the collection: a page lists every entry of a
 * collection of up to `maxItems` entries; in a larger one it lists a window of its own group
 * around itself, and the other groups as links (with counts) to their sections of the
 * collection's index page, which lists everything. The data is also what the page's cache
 * key holds (src/lib/page-inputs.ts), so it must be exactly what the sidebar shows.
 */
import { getCollectionInfo, type CollectionName } from './collections.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { collectionToUrl, entryToKey, entryToUrl } from './urls.ts';
import { ORGANIZATION_KINDS } from '../schemas/organization.ts';

export interface EntryGroup {
  /** Stable within the collection: kebab-case, digits or a collection name. */
  key: string;
  label: string;
  entries: SiteEntry[];
}

export interface SidebarItem {
  title: string;
  href: string;
  current: boolean;
}

export interface SidebarGroup {
  label: string;
  /** Entries in the group. */
  count: number;
  /** The group's section of the collection index: `#group-…`, or the index itself for a collection of one group. */
  href: string;
  /** Whether the group starts expanded: it holds the current page. */
  open: boolean;
  /** The entries listed; fewer than `count` when the group is too large (then the list is a window around the current page). */
  items: SidebarItem[];
}

export interface Sidebar {
  label: string;
  href: string;
  /** Entries in the collection. */
  total: number;
  /** Set on the collection's own index page. */
  isIndex: boolean;
  groups: SidebarGroup[];
  /** Groups not shown at all (a collection of very many small groups); the index lists them. */
  omittedGroups: number;
}

export interface SidebarLimits {
  /** A collection of at most this many entries is listed in full. */
  maxItems: number;
  /** In a larger collection, how many entries of the current group are listed around the current page. */
  window: number;
  /** In a larger collection, at most this many other groups are linked. */
  maxGroups: number;
}

/** About 40 links: a few kilobytes of HTML, gzipped, on every page (measured in docs/architecture.md). */
export const SIDEBAR_LIMITS: SidebarLimits = { maxItems: 40, window: 15, maxGroups: 30 };

const ORGANIZATION_KIND_LABELS: Record<(typeof ORGANIZATION_KINDS)[number], string> = {
  'space-agency': 'Space agencies',
  ministry: 'Ministries',
  company: 'Companies',
  'think-tank': 'Think tanks',
  university: 'Universities',
  'research-institute': 'Research institutes',
  intergovernmental: 'Intergovernmental bodies',
  military: 'Military',
};

const MISSION_STATUS = { planned: 'Planned', 'in-flight': 'In flight', completed: 'Completed', failed: 'Failed' } as const;
const PLACE_KINDS = {
  spaceport: 'Spaceports',
  'test-site': 'Test sites',
  region: 'Regions',
  city: 'Cities',
  lake: 'Lakes',
  'lunar-region': 'Lunar regions',
} as const;
const SOURCE_KINDS = { official: 'Official', report: 'Reports', analysis: 'Analysis', news: 'News', reference: 'Reference works' } as const;
const COUNTRY_GROUPS = { both: 'ILRS and Artemis Accords', ilrs: 'ILRS', artemis: 'Artemis Accords', neither: 'Neither' } as const;

/** A group of an entry: its key and label, and where the group sorts among the others. */
type Grouping = { key: string; label: string; rank: number | string };

function fromTable<K extends string>(table: Record<K, string>, key: K): Grouping {
  return { key, label: table[key], rank: Object.keys(table).indexOf(key) };
}

/** The kind of body a person works for: their first current affiliation, else their first one. */
function personGroup(entry: SiteEntry<'people'>, site: SiteData): Grouping {
  const affiliation = entry.data.affiliations.find((a) => !a.former) ?? entry.data.affiliations[0];
  const organization = affiliation && site.byKey.get(entryToKey(affiliation.organization));
  if (!organization || organization.collection !== 'organizations') return { key: 'other', label: 'Other', rank: ORGANIZATION_KINDS.length };
  return fromTable(ORGANIZATION_KIND_LABELS, organization.data.kind);
}

function groupOf(entry: SiteEntry, site: SiteData): Grouping {
  switch (entry.collection) {
    case 'people':
      return personGroup(entry, site);
    case 'organizations':
      return fromTable(ORGANIZATION_KIND_LABELS, entry.data.kind);
    case 'countries': {
      const { ilrs, artemisAccords } = entry.data;
      return fromTable(COUNTRY_GROUPS, ilrs && artemisAccords ? 'both' : ilrs ? 'ilrs' : artemisAccords ? 'artemis' : 'neither');
    }
    case 'programmes':
      return entry.data.constellation ? { key: 'navigation', label: 'Navigation systems', rank: 1 } : { key: 'programmes', label: 'Programmes', rank: 0 };
    case 'missions':
      return fromTable(MISSION_STATUS, entry.data.status);
    case 'events': {
      const year = String(entry.data.date.getUTCFullYear());
      return { key: year, label: year, rank: year };
    }
    case 'places':
      return fromTable(PLACE_KINDS, entry.data.kind);
    case 'sources':
      return fromTable(SOURCE_KINDS, entry.data.kind);
    case 'views': {
      // The topic the argument speaks to first: a handful of groups however many views there are.
      const about = entry.data.about[0];
      const info = about && getCollectionInfo(about.collection);
      return info ? { key: info.name, label: `On ${info.label}`, rank: info.name } : { key: 'other', label: 'Other', rank: '~' };
    }
    default:
      return { key: 'pages', label: getCollectionInfo(entry.collection).label, rank: 0 };
  }
}

/** The entries of a collection in groups, each in the collection's reading order; groups in their own order. */
export function groupCollection(collection: CollectionName, site: SiteData): EntryGroup[] {
  const groups = new Map<string, EntryGroup & { rank: number | string }>();
  const entries: SiteEntry[] = site.byCollection[collection];
  for (const entry of entries) {
    const { key, label, rank } = groupOf(entry, site);
    const group = groups.get(key) ?? { key, label, rank, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  const byRank = (a: { rank: number | string }, b: { rank: number | string }) =>
    typeof a.rank === 'number' && typeof b.rank === 'number' ? a.rank - b.rank : String(a.rank).localeCompare(String(b.rank));
  return [...groups.values()].sort(byRank).map(({ key, label, entries }) => ({ key, label, entries }));
}

/** The id of a group's section on the collection index page. */
export function groupToAnchor(key: string): string {
  return `group-${key}`;
}

/** `count` items of `list` around index `at`, as many after as before where the list allows. */
function windowAround<T>(list: T[], at: number, count: number): T[] {
  const start = Math.max(0, Math.min(at - Math.floor(count / 2), list.length - count));
  return list.slice(start, start + count);
}

/**
 * The sidebar of a page of `collection`: of the entry `currentId`, or of the collection's index
 * page when it is undefined.
 */
export function getSidebar(collection: CollectionName, currentId: string | undefined, site: SiteData, limits: SidebarLimits = SIDEBAR_LIMITS): Sidebar {
  const info = getCollectionInfo(collection);
  const groups = groupCollection(collection, site);
  const total = groups.reduce((sum, g) => sum + g.entries.length, 0);
  const index = collectionToUrl(collection);
  const full = total <= limits.maxItems;
  const toItem = (e: SiteEntry): SidebarItem => ({ title: e.data.title, href: entryToUrl(e), current: e.id === currentId });
  const shown: SidebarGroup[] = [];
  let omittedGroups = 0;
  for (const group of groups) {
    const at = currentId === undefined ? -1 : group.entries.findIndex((e) => e.id === currentId);
    const open = at >= 0 || (currentId === undefined && groups.length === 1 && full);
    const href = groups.length === 1 ? index : `${index}#${groupToAnchor(group.key)}`;
    if (!full && at < 0 && shown.length - (shown.some((g) => g.open) ? 1 : 0) >= limits.maxGroups) {
      omittedGroups++;
      continue;
    }
    const entries = full ? group.entries : at >= 0 ? windowAround(group.entries, at, limits.window) : [];
    shown.push({ label: group.label, count: group.entries.length, href, open, items: entries.map(toItem) });
  }
  return { label: info.label, href: index, total, isIndex: currentId === undefined, groups: shown, omittedGroups };
}
