/** Atom feed of the dossier's events and of its topic pages by their last check; titles and summaries as plain text (src/lib/atom-feed.ts). */
import type { APIRoute } from 'astro';
import { makeAtomFeed } from '../lib/atom-feed.ts';
import { TOPIC_COLLECTIONS } from '../lib/collections.ts';
import type { SiteEntry } from '../lib/site-data.ts';
import { getSiteData } from '../site/entries.ts';
import { entryToUrl, withBase } from '../lib/urls.ts';

interface Item {
  entry: SiteEntry;
  date: Date;
}

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSiteData();
  const absolute = (path: string) => new URL(path, siteUrl).href;
  const items = [
    ...site.byCollection.events.map((e): Item => ({ entry: e, date: e.data.date })),
    ...TOPIC_COLLECTIONS.flatMap((name) => site.byCollection[name].map((e): Item => ({ entry: e, date: e.data.updated }))),
  ]
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.entry.id.localeCompare(b.entry.id))
    .slice(0, 60);
  const atom = makeAtomFeed(
    {
      title: 'Orbital Dossier',
      description: 'Events and updates of the dossier on the space partnerships around Kazakhstan.',
      id: absolute(withBase('/')),
      link: absolute(withBase('/')),
      language: 'en',
      copyright: 'Orbital Dossier',
      // The newest item's date, not the build's: two builds of one commit give the same feed.
      updated: items[0]?.date ?? new Date(0),
      generator: 'Orbital Dossier',
      feedLinks: { atom: absolute(withBase('/feed.xml')) },
    },
    items.map(({ entry, date }) => ({ title: entry.data.title, link: absolute(entryToUrl(entry)), description: entry.data.description, date })),
  );
  return new Response(atom, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
