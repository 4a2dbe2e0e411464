/**
 * The facts panel of an entry page: label/value rows drawn from the entry's frontmatter,
 * with references turned into links. Which fields are facts, and their labels, come from
 * the schemas (`fact()` in src/schemas/fields.ts); the component only renders.
 */
import { getCollectionInfo } from './collections.ts';
import { formatDate } from './format.ts';
import type { EntryData } from './content-model.ts';
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
}

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

/** Rows for the structured fields that read as a sentence rather than a value. */
function structuredFacts(entry: SiteEntry): Fact[] {
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

export function getFacts(entry: SiteEntry, site: SiteData): Fact[] {
  const facts: Fact[] = [{ label: 'Collection', values: [{ text: getCollectionInfo(entry.collection).singular }] }];
  const values = new Map<string, unknown>(Object.entries(entry.data));
  const fields = FACT_FIELDS.get(entry.collection) ?? [];
  const row = ([key, meta]: [string, FactMeta]): Fact[] => {
    const shown = toValues(values.get(key), site);
    return shown.length > 0 ? [{ label: meta.label, values: shown }] : [];
  };
  facts.push(...fields.filter(([, meta]) => !meta.last).flatMap(row));
  facts.push(...structuredFacts(entry));
  facts.push(...fields.filter(([, meta]) => meta.last).flatMap(row));
  return facts;
}
