/**
 * Typed relations between entries, computed once for the whole site: for each entry, the
 * entries that refer to it and that it refers to, grouped by the kind of relation. The kind
 * comes from the field the reference sits in (`missions.operators` → "operated by" /
 * "operates"); a link in a body with no frontmatter reference behind it is a mention.
 * One pass over all entries; a page reads its own groups from a map.
 */
import { COLLECTION_NAMES, type CollectionName } from './collections.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { entryToKey, type EntryKey } from './urls.ts';

export interface RelationKind {
  /** Stable id, e.g. `operated`. */
  id: string;
  /** Heading on the referring entry's page, over the entries it refers to, e.g. "Operated by". */
  outgoing: string;
  /** Heading on the referred entry's page, over the entries that refer to it, e.g. "Operates". */
  incoming: string;
  /** Outgoing references of this kind are already listed elsewhere on the page (sources, related). */
  shownElsewhere?: boolean;
}

const kind = (id: string, outgoing: string, incoming: string, shownElsewhere = false): RelationKind => ({ id, outgoing, incoming, shownElsewhere });

/**
 * Field paths (collection, then the dotted path without array indices) → kind of relation.
 * A path not listed falls back on its last field: `source`/`sources` cite, anything else is
 * named after the field.
 */
export const RELATION_KINDS: Record<string, RelationKind> = {
  'views.person': kind('quoted', 'Argument of', 'Quoted in'),
  'views.about': kind('about', 'About', 'Discussed in'),
  'missions.operators': kind('operated', 'Operated by', 'Operates'),
  'missions.country': kind('flown-by', 'Flown by', 'Flew'),
  'missions.launchSite': kind('launch-site', 'Launched from', 'Launch site of'),
  'missions.programme': kind('part-of', 'Part of', 'Missions'),
  'events.place': kind('took-place', 'Took place at', 'Scene of'),
  'events.countries': kind('took-part', 'Countries involved', 'Took part in'),
  'events.organizations': kind('took-part', 'Organizations involved', 'Took part in'),
  'events.people': kind('took-part', 'People involved', 'Took part in'),
  'people.country': kind('country', 'Country', 'People'),
  'people.affiliations.organization': kind('affiliated', 'Affiliated with', 'People affiliated'),
  'organizations.country': kind('country', 'Country', 'Organizations based here'),
  'places.country': kind('located', 'Lies in', 'Places'),
  'programmes.leads': kind('leads', 'Led by', 'Leads'),
  'programmes.countries': kind('leads', 'Countries', 'Leads'),
  related: kind('related', 'Related', 'Listed as related by', true),
  sources: kind('cited', 'Sources', 'Cited by', true),
};

const CITED = RELATION_KINDS.sources!;
export const MENTIONED: RelationKind = kind('mentioned', 'Mentions', 'Mentioned in');

function humanize(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The kind of relation a reference at `path` (dotted, without indices) of a `collection` entry stands for. */
export function getRelationKind(collection: CollectionName, path: string): RelationKind {
  const known = RELATION_KINDS[`${collection}.${path}`] ?? RELATION_KINDS[path];
  if (known) return known;
  const last = path.split('.').at(-1)!;
  if (last === 'source' || last === 'sources' || last.endsWith('Source')) return CITED;
  return kind(path, humanize(last), `Referred to as ${humanize(last).toLowerCase()} by`);
}

function isRef(value: unknown): value is EntryKey {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Date) &&
    Object.keys(value).length === 2 &&
    typeof (value as EntryKey).collection === 'string' &&
    typeof (value as EntryKey).id === 'string'
  );
}

/** Every reference in frontmatter data, with the dotted path of the field it sits in (array indices left out). */
export function getTypedReferences(data: unknown, path: string[] = [], found: { path: string; target: EntryKey }[] = []) {
  if (isRef(data)) found.push({ path: path.join('.'), target: data });
  else if (Array.isArray(data)) for (const item of data) getTypedReferences(item, path, found);
  else if (data && typeof data === 'object' && !(data instanceof Date)) {
    for (const [key, value] of Object.entries(data)) getTypedReferences(value, [...path, key], found);
  }
  return found;
}

export interface RelationGroup {
  kind: RelationKind;
  heading: string;
  /** `collection/id` keys, sorted by collection order then title. */
  keys: string[];
}

export interface EntryRelations {
  incoming: RelationGroup[];
  outgoing: RelationGroup[];
}

/** Every entry's relations, by `collection/id`. Body links come from the link graph; frontmatter from the data. */
export function buildRelations(site: Pick<SiteData, 'byKey' | 'graph'>): Map<string, EntryRelations> {
  type Acc = Map<string, { kind: RelationKind; heading: string; keys: Set<string> }>;
  const incoming = new Map<string, Acc>();
  const outgoing = new Map<string, Acc>();
  const add = (index: Map<string, Acc>, at: string, k: RelationKind, heading: string, key: string) => {
    let groups = index.get(at);
    if (!groups) index.set(at, (groups = new Map()));
    const id = `${k.id}|${heading}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { kind: k, heading, keys: new Set() }));
    group.keys.add(key);
  };
  for (const entry of site.byKey.values()) {
    const from = entryToKey(entry);
    const typed = new Set<string>();
    for (const { path, target } of getTypedReferences(entry.data)) {
      const to = entryToKey(target);
      if (to === from || !site.byKey.has(to)) continue;
      typed.add(to);
      const k = getRelationKind(entry.collection, path);
      add(outgoing, from, k, k.outgoing, to);
      add(incoming, to, k, k.incoming, from);
    }
    for (const to of site.graph.outgoing.get(from) ?? []) {
      if (typed.has(to) || to === from || !site.byKey.has(to)) continue;
      add(outgoing, from, MENTIONED, MENTIONED.outgoing, to);
      add(incoming, to, MENTIONED, MENTIONED.incoming, from);
    }
  }
  const order = (key: string) => {
    const e = site.byKey.get(key)!;
    return [COLLECTION_ORDER.get(e.collection) ?? 99, sortTitle(e)] as const;
  };
  const finish = (acc: Acc | undefined): RelationGroup[] =>
    [...(acc?.values() ?? [])]
      .map((g) => ({
        kind: g.kind,
        heading: g.heading,
        keys: [...g.keys].sort((a, b) => {
          const [ca, ta] = order(a);
          const [cb, tb] = order(b);
          return ca - cb || ta.localeCompare(tb);
        }),
      }))
      .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || a.heading.localeCompare(b.heading));
  const relations = new Map<string, EntryRelations>();
  for (const key of site.byKey.keys()) relations.set(key, { incoming: finish(incoming.get(key)), outgoing: finish(outgoing.get(key)) });
  return relations;
}

const COLLECTION_ORDER = new Map<string, number>(COLLECTION_NAMES.map((c, i) => [c, i]));

/** Events sort by date (their ids begin with it); others by title. */
function sortTitle(entry: SiteEntry): string {
  return entry.collection === 'events' ? entry.id : entry.data.title.toLowerCase();
}

/** Specific relations first, then mentions, then citations. */
function kindRank(k: RelationKind): number {
  if (k.id === 'cited') return 3;
  if (k.id === 'mentioned') return 2;
  if (k.id === 'related') return 1;
  return 0;
}
