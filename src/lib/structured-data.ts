/** JSON-LD for entry pages (schema.org): people, organizations, articles, events, places. */
import { toIsoDate } from './format.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { entryToKey, type EntryKey } from './urls.ts';

type Json = Record<string, unknown>;

export function getJsonLd(entry: SiteEntry, site: SiteData, url: string): Json {
  const { data } = entry;
  const base: Json = { '@context': 'https://schema.org', name: data.title, description: data.description, url };
  const titleOf = (ref: EntryKey) => site.byKey.get(entryToKey(ref))?.data.title;
  const sameAs = data.aliases.length ? { alternateName: data.aliases } : {};
  switch (entry.collection) {
    case 'people': {
      const current = entry.data.affiliations.filter((a) => !a.former);
      return {
        ...base,
        '@type': 'Person',
        jobTitle: entry.data.role,
        ...(current.length ? { affiliation: current.map((a) => ({ '@type': 'Organization', name: titleOf(a.organization) })) } : {}),
        ...sameAs,
      };
    }
    case 'organizations':
      return {
        ...base,
        '@type': entry.data.kind === 'ministry' || entry.data.kind === 'space-agency' ? 'GovernmentOrganization' : 'Organization',
        ...(entry.data.founded ? { foundingDate: toIsoDate(entry.data.founded) } : {}),
        ...sameAs,
      };
    case 'events':
      return {
        ...base,
        '@type': 'Event',
        startDate: toIsoDate(entry.data.date),
        ...(entry.data.endDate ? { endDate: toIsoDate(entry.data.endDate) } : {}),
        ...(entry.data.place ? { location: { '@type': 'Place', name: titleOf(entry.data.place) } } : {}),
        eventStatus: 'https://schema.org/EventScheduled',
      };
    case 'places': {
      const c = entry.data.coordinates;
      return { ...base, '@type': 'Place', ...(c ? { geo: { '@type': 'GeoCoordinates', latitude: c.lat, longitude: c.lon } } : {}), ...sameAs };
    }
    case 'countries':
      return { ...base, '@type': 'Country', ...sameAs };
    case 'sources':
      return {
        ...base,
        '@type': entry.data.kind === 'news' ? 'NewsArticle' : 'CreativeWork',
        headline: data.title,
        publisher: { '@type': 'Organization', name: entry.data.publisher },
        datePublished: toIsoDate(entry.data.published),
        sameAs: entry.data.url,
      };
    default:
      return {
        ...base,
        '@type': 'Article',
        headline: data.title,
        ...(entry.data.updated ? { dateModified: toIsoDate(entry.data.updated) } : {}),
        ...(entry.collection === 'views' ? { author: { '@type': 'Person', name: titleOf(entry.data.person) } } : {}),
        ...sameAs,
      };
  }
}
