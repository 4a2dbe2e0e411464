/**
 * The facts panel of an entry page: label/value rows drawn from the entry's frontmatter,
 * with references turned into links. Which fields are facts, and their labels, come from
 * the schemas (`fact()` in src/schemas/fields.ts); the component only renders.
 *
 * A topic page has few fact fields of its own (it is prose), so its panel is filled from what
 * it links to: the dated events it cites, and the programmes, organizations, countries,
 * places, missions and people it names, in the order it first names them. Those are entries
 * one link away, which the page's cache key already holds (src/lib/page-inputs.ts).
 */
import type { CollectionName } from './collections.ts';
import { formatDate } from './format.ts';
import type { EntryData } from './content-model.ts';
import type { ConstellationData } from '../schemas/constellation.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { entryToKey, entryToUrl, type EntryKey } from './urls.ts';
import { factSchemas, type FactMeta } from '../schemas/fields.ts';
import { SCHEMAS } from '../schemas/index.ts';

export interface FactValue {
  text: string;
  href?: string | undefined;
  /** Set on external links. */
  external?: boolean;
}

export interface Fact {
  label: string;
  values: FactValue[];
  /** Values long enough to read one per line (dated events) rather than as a comma-separated run. */
  list?: boolean;
}

/** How many names a row of linked entries shows before "and N more". */
const MAX_NAMES = 4;
/** How many linked events a topic page lists as key dates. */
const MAX_DATES = 3;
/** The linked entities a topic page's panel names, in this order, with their row labels. */
const LINKED_ROWS: [CollectionName, string][] = [
  ['programmes', 'Programmes'],
  ['organizations', 'Organizations'],
  ['countries', 'Countries'],
  ['places', 'Places'],
  ['missions', 'Missions'],
  ['people', 'People'],
];

function humanize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, ' ');
}

function isEntryKey(value: object): value is EntryKey {
  return 'collection' in value && 'id' in value && typeof value.collection === 'string' && typeof value.id === 'string';
}

export function refToValue(ref: EntryKey, site: SiteData): FactValue {
  const target = site.byKey.get(entryToKey(ref));
  return { text: target ? target.data.title : ref.id, href: entryToUrl(ref) };
}

function toValues(value: unknown, site: SiteData): FactValue[] {
  if (value instanceof Date) return [{ text: formatDate(value) }];
  if (Array.isArray(value)) return value.flatMap((v) => toValues(v, site));
  if (value && typeof value === 'object' && isEntryKey(value)) return [refToValue(value, site)];
  if (typeof value === 'string') {
    if (/^https?:\/\//.test(value)) return [{ text: new URL(value).hostname, href: value, external: true }];
    return [{ text: /^[a-z]+(-[a-z]+)*$/.test(value) ? humanize(value) : value }];
  }
  if (typeof value === 'number' || typeof value === 'boolean') return [{ text: String(value) }];
  return [];
}

/** The fact fields of each collection, in schema order, with their labels. */
const FACT_FIELDS = new Map(
  Object.entries(SCHEMAS).map(([collection, schema]) => [
    collection,
    Object.entries(schema.shape).flatMap(([key, field]): [string, FactMeta][] => {
      const meta = factSchemas.get(field);
      return meta ? [[key, meta]] : [];
    }),
  ]),
);

function ilrsSince(ilrs: NonNullable<EntryData<'countries'>['ilrs']>): string {
  if (ilrs.joined) return `${humanize(ilrs.role)} since ${formatDate(ilrs.joined)}`;
  return `${humanize(ilrs.role)}; join date not documented, named a participant on ${ilrs.listed ? formatDate(ilrs.listed) : 'an unknown date'}`;
}

function constellationFact(constellation: ConstellationData): Fact {
  return { label: 'Satellites', values: [{ text: `${constellation.satellites} ${constellation.counted}, as of ${formatDate(constellation.asOf)}` }] };
}

/** Rows for the structured fields that read as a sentence rather than a value. */
function structuredFacts(entry: SiteEntry, site: SiteData): Fact[] {
  if ((entry.collection === 'programmes' || isTopic(entry)) && entry.data.constellation) return [constellationFact(entry.data.constellation)];
  if (entry.collection === 'people') {
    const current = entry.data.affiliations.filter((a) => !a.former);
    return current.length > 0 ? [{ label: 'Works at', values: current.map((a) => refToValue(a.organization, site)) }] : [];
  }
  if (entry.collection === 'countries') {
    const { ilrs, artemisAccords } = entry.data;
    return [
      ...(ilrs ? [{ label: 'ILRS', values: [{ text: `${ilrsSince(ilrs)}${ilrs.instrument ? ` (${ilrs.instrument})` : ''}` }] }] : []),
      ...(artemisAccords ? [{ label: 'Artemis Accords', values: [{ text: `Signed ${formatDate(artemisAccords.signed)}` }] }] : []),
    ];
  }
  if (entry.collection === 'places' && entry.data.coordinates) {
    const { lat, lon } = entry.data.coordinates;
    const text = `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? 'E' : 'W'}`;
    return [{ label: 'Coordinates', values: [{ text }] }];
  }
  return [];
}

function isTopic(entry: SiteEntry): entry is SiteEntry<'ilrs' | 'baikonur' | 'beidou'> {
  return entry.collection === 'ilrs' || entry.collection === 'baikonur' || entry.collection === 'beidou';
}

/** Names of linked entries, the first few as links and the rest counted. */
function namesOf(targets: SiteEntry[]): FactValue[] {
  const shown: FactValue[] = targets.slice(0, MAX_NAMES).map((t) => ({ text: t.data.title, href: entryToUrl(t) }));
  const rest = targets.length - shown.length;
  return rest > 0 ? [...shown, { text: `and ${rest} more` }] : shown;
}

/** A topic page's rows drawn from the entries it links to. */
function linkedFacts(entry: SiteEntry, site: SiteData): Fact[] {
  const linked = (site.graph.outgoing.get(entryToKey(entry)) ?? []).flatMap((key) => site.byKey.get(key) ?? []);
  const events = linked
    .flatMap((e) => (e.collection === 'events' ? [e] : []))
    .sort((a, b) => a.data.date.getTime() - b.data.date.getTime())
    .slice(0, MAX_DATES);
  const facts: Fact[] = [];
  if (events.length > 0)
    facts.push({ label: 'Key dates', list: true, values: events.map((e) => ({ text: `${formatDate(e.data.date)}: ${e.data.title}`, href: entryToUrl(e) })) });
  for (const [collection, label] of LINKED_ROWS) {
    const targets = linked.filter((e) => e.collection === collection);
    if (targets.length > 0) facts.push({ label, values: namesOf(targets) });
  }
  return facts;
}

export function getFacts(entry: SiteEntry, site: SiteData): Fact[] {
  // The collection is named above the title; the panel keeps to the entry's own facts.
  const facts: Fact[] = [];
  const values = new Map<string, unknown>(Object.entries(entry.data));
  const fields = FACT_FIELDS.get(entry.collection) ?? [];
  const row = ([key, meta]: [string, FactMeta]): Fact[] => {
    const shown = toValues(values.get(key), site);
    return shown.length > 0 ? [{ label: meta.label, values: shown }] : [];
  };
  facts.push(...fields.filter(([, meta]) => !meta.last).flatMap(row));
  facts.push(...structuredFacts(entry, site));
  if (isTopic(entry)) facts.push(...linkedFacts(entry, site));
  facts.push(...fields.filter(([, meta]) => meta.last).flatMap(row));
  return facts;
}
