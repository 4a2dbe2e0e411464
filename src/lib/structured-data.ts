/** JSON-LD for entry pages (schema.org): people, organizations, articles, events, places. */
import type { SiteData, SiteEntry } from './site-data.ts';
import { toIsoDate } from './format.ts';
import { entryToKey } from './urls.ts';

type Json = Record<string, unknown>;

export function getJsonLd(entry: SiteEntry, site: SiteData, url: string): Json {
  const data = entry.data as Record<string, unknown> & { title: string; description: string };
  const base: Json = { '@context': 'https://schema.org', name: data.title, description: data.description, url };
  const titleOf = (ref: unknown) => {
    const key = ref && typeof ref === 'object' ? entryToKey(ref as { collection: string; id: string }) : '';
    return site.byKey.get(key)?.data.title;
  };
  const sameAs = (data.aliases as string[] | undefined)?.length ? { alternateName: data.aliases } : {};
  switch (entry.collection) {
    case 'people': {
      const affiliations = (data.affiliations as { organization: unknown; role: string; former: boolean }[]) ?? [];
      const current = affiliations.filter((a) => !a.former);
      return {
        ...base,
        '@type': 'Person',
        jobTitle: data.role,
        ...(current.length ? { affiliation: current.map((a) => ({ '@type': 'Organization', name: titleOf(a.organization) })) } : {}),
        ...sameAs,
      };
    }
    case 'organizations':
      return {
        ...base,
        '@type': data.kind === 'ministry' || data.kind === 'space-agency' ? 'GovernmentOrganization' : 'Organization',
        ...(data.founded instanceof Date ? { foundingDate: toIsoDate(data.founded) } : {}),
        ...sameAs,
      };
    case 'events':
      return {
        ...base,
        '@type': 'Event',
        startDate: toIsoDate(data.date as Date),
        ...(data.endDate instanceof Date ? { endDate: toIsoDate(data.endDate) } : {}),
        ...(data.place ? { location: { '@type': 'Place', name: titleOf(data.place) } } : {}),
        eventStatus: 'https://schema.org/EventScheduled',
      };
    case 'places': {
      const c = data.coordinates as { lat: number; lon: number } | undefined;
      return { ...base, '@type': 'Place', ...(c ? { geo: { '@type': 'GeoCoordinates', latitude: c.lat, longitude: c.lon } } : {}), ...sameAs };
    }
    case 'countries':
      return { ...base, '@type': 'Country', ...sameAs };
    case 'sources':
      return {
        ...base,
        '@type': data.kind === 'news' ? 'NewsArticle' : 'CreativeWork',
        headline: data.title,
        publisher: { '@type': 'Organization', name: data.publisher },
        datePublished: toIsoDate(data.published as Date),
        sameAs: data.url,
      };
    default:
      return {
        ...base,
        '@type': 'Article',
        headline: data.title,
        ...(data.updated instanceof Date ? { dateModified: toIsoDate(data.updated) } : {}),
        ...(entry.collection === 'views' && data.person ? { author: { '@type': 'Person', name: titleOf(data.person) } } : {}),
        ...sameAs,
      };
  }
}
