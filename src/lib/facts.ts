/**
 * The facts panel of an entry page: label/value rows drawn from the entry's frontmatter,
 * with references turned into links. Computed here so the component only renders.
 */
import { getCollectionInfo } from './collections.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { formatDate } from './format.ts';
import { entryToKey, entryToUrl, type EntryKey } from './urls.ts';

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

const LABELS: Record<string, string> = {
  role: 'Role',
  affiliation: 'Affiliation at the time',
  person: 'Person',
  about: 'About',
  kind: 'Kind',
  acronym: 'Acronym',
  country: 'Country',
  founded: 'Founded',
  headquarters: 'Headquarters',
  iso: 'ISO code',
  capital: 'Capital',
  leads: 'Led by',
  countries: 'Countries',
  started: 'Started',
  operators: 'Operators',
  status: 'Status',
  launched: 'Launch',
  launchSite: 'Launch site',
  programme: 'Programme',
  date: 'Date',
  endDate: 'Until',
  place: 'Place',
  organizations: 'Organizations',
  people: 'People',
  publisher: 'Publisher',
  author: 'Author',
  published: 'Published',
  reliability: 'Reliability',
  url: 'Address',
  updated: 'Last checked',
};

/** Fields that have a section of their own on the page, not a row in the panel. */
const SKIPPED = new Set(['title', 'description', 'aliases', 'tags', 'related', 'sources', 'quotes', 'order', 'affiliations', 'ilrs', 'artemisAccords', 'coordinates']);

function humanize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, ' ');
}

export function refToValue(ref: EntryKey, site: SiteData): FactValue {
  const target = site.byKey.get(entryToKey(ref));
  return { text: target ? target.data.title : ref.id, href: entryToUrl(ref) };
}

function toValues(value: unknown, site: SiteData): FactValue[] {
  if (value instanceof Date) return [{ text: formatDate(value) }];
  if (Array.isArray(value)) return value.flatMap((v) => toValues(v, site));
  if (value && typeof value === 'object' && 'collection' in value && 'id' in value) return [refToValue(value as EntryKey, site)];
  if (typeof value === 'string') {
    if (/^https?:\/\//.test(value)) return [{ text: new URL(value).hostname, href: value, external: true }];
    return [{ text: /^[a-z]+(-[a-z]+)*$/.test(value) ? humanize(value) : value }];
  }
  if (typeof value === 'number' || typeof value === 'boolean') return [{ text: String(value) }];
  return [];
}

export function getFacts(entry: SiteEntry, site: SiteData): Fact[] {
  const facts: Fact[] = [{ label: 'Collection', values: [{ text: getCollectionInfo(entry.collection).singular }] }];
  const data = entry.data as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (SKIPPED.has(key) || key === 'updated') continue;
    const values = toValues(value, site);
    if (values.length > 0) facts.push({ label: LABELS[key] ?? humanize(key), values });
  }
  const ilrs = data.ilrs as { role: string; joined: Date; instrument?: string } | undefined;
  if (ilrs) {
    facts.push({ label: 'ILRS', values: [{ text: `${humanize(ilrs.role)} since ${formatDate(ilrs.joined)}${ilrs.instrument ? ` (${ilrs.instrument})` : ''}` }] });
  }
  const accords = data.artemisAccords as { signed: Date } | undefined;
  if (accords) facts.push({ label: 'Artemis Accords', values: [{ text: `Signed ${formatDate(accords.signed)}` }] });
  const coordinates = data.coordinates as { lat: number; lon: number } | undefined;
  if (coordinates) {
    const lat = `${Math.abs(coordinates.lat).toFixed(2)}° ${coordinates.lat >= 0 ? 'N' : 'S'}`;
    const lon = `${Math.abs(coordinates.lon).toFixed(2)}° ${coordinates.lon >= 0 ? 'E' : 'W'}`;
    facts.push({ label: 'Coordinates', values: [{ text: `${lat}, ${lon}` }] });
  }
  if (data.updated instanceof Date) facts.push({ label: LABELS.updated!, values: [{ text: formatDate(data.updated) }] });
  return facts;
}
