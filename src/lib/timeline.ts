/**
 * The timeline: every event, grouped by decade and year, with the topics it belongs to, and
 * each entry's own events. Built once from the site data and the link graph; pages read it.
 */
import { getCollectionInfo, TOPIC_COLLECTIONS } from './collections.ts';
import type { SiteData } from './site-data.ts';
import { entryToKey, entryToUrl, withBase } from './urls.ts';

export interface TimelineItem {
  date: Date;
  title: string;
  description: string;
  href: string;
  /** `collection/id` of the event, when it is one. */
  key?: string;
  /** Last day, for events lasting several days. */
  endDate?: Date | undefined;
  /** Topic collections (`ilrs`, `baikonur`, …) the event links to or is linked from. */
  topics?: string[];
}

export interface TimelineYear {
  year: number;
  items: TimelineItem[];
}

export interface TimelineDecade {
  decade: number;
  /** `1950s` */
  label: string;
  /** Anchor of the decade's section. */
  id: string;
  years: TimelineYear[];
  count: number;
}

export interface TimelineTopic {
  name: string;
  label: string;
  href: string;
  count: number;
}

const byDate = (a: TimelineItem, b: TimelineItem) => a.date.getTime() - b.date.getTime() || a.title.localeCompare(b.title);

/** Groups dated items by year, oldest first. */
export function buildTimeline(items: TimelineItem[]): TimelineYear[] {
  const years = new Map<number, TimelineItem[]>();
  for (const item of [...items].sort(byDate)) {
    const year = item.date.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), item]);
  }
  return [...years].map(([year, list]) => ({ year, items: list }));
}

/** Groups dated items by decade, then year, oldest first. */
export function groupByDecade(items: TimelineItem[]): TimelineDecade[] {
  const decades = new Map<number, TimelineYear[]>();
  for (const year of buildTimeline(items)) {
    const decade = Math.floor(year.year / 10) * 10;
    decades.set(decade, [...(decades.get(decade) ?? []), year]);
  }
  return [...decades].map(([decade, years]) => ({
    decade,
    label: `${decade}s`,
    id: `decade-${decade}s`,
    years,
    count: years.reduce((n, y) => n + y.items.length, 0),
  }));
}

/** The address of a topic's timeline page. */
export function topicTimelineUrl(topic: string): string {
  return withBase(`/timeline/${topic}/`);
}

export interface TimelineIndex {
  /** Every event, oldest first. */
  events: TimelineItem[];
  /** The topics that have events, in the site's order. */
  topics: TimelineTopic[];
  /** Each entry's own events (that refer to it, or that it refers to), oldest first, by `collection/id`. */
  byEntry: Map<string, TimelineItem[]>;
}

/** The timeline of the whole site, in one pass over the events and the link graph. */
export function buildTimelineIndex(site: Pick<SiteData, 'byCollection' | 'graph'>): TimelineIndex {
  const topicNames = new Set<string>(TOPIC_COLLECTIONS);
  const byEntry = new Map<string, TimelineItem[]>();
  const attach = (key: string, item: TimelineItem) => {
    const list = byEntry.get(key);
    if (!list) byEntry.set(key, [item]);
    else if (!list.includes(item)) list.push(item);
  };
  const events = site.byCollection.events.map((e): TimelineItem => {
    const key = entryToKey(e);
    const linked = [...(site.graph.outgoing.get(key) ?? []), ...(site.graph.incoming.get(key) ?? [])];
    const topics = [...new Set(linked.map((k) => k.split('/')[0]!).filter((c) => topicNames.has(c)))].sort(
      (a, b) => TOPIC_COLLECTIONS.indexOf(a as never) - TOPIC_COLLECTIONS.indexOf(b as never),
    );
    const item: TimelineItem = {
      key,
      date: e.data.date,
      endDate: e.data.endDate,
      title: e.data.title,
      description: e.data.description,
      href: entryToUrl(e),
      topics,
    };
    for (const k of linked) if (k !== key) attach(k, item);
    return item;
  });
  events.sort(byDate);
  for (const list of byEntry.values()) list.sort(byDate);
  const topics = TOPIC_COLLECTIONS.flatMap((name): TimelineTopic[] => {
    const count = events.filter((e) => e.topics?.includes(name)).length;
    return count > 0 ? [{ name, label: getCollectionInfo(name).label, href: topicTimelineUrl(name), count }] : [];
  });
  return { events, topics, byEntry };
}
