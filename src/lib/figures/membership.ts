/**
 * ILRS membership and Artemis Accords signatures as figures need them, from the entries'
 * data alone: the `countries` entries' `ilrs` and `artemisAccords` fields, and the
 * programmes' `participantCounts`. A country added to the content appears in every figure
 * without any component changing.
 */
import type { SiteData, SiteEntry } from '../site-data.ts';
import { entryToKey, entryToUrl, type EntryKey } from '../urls.ts';

export interface IlrsMember {
  key: string;
  title: string;
  href: string;
  iso: string;
  role: 'founder' | 'member';
  /** The day the state signed, when documented. */
  joined?: Date | undefined;
  /** For a member without a documented join date: the day a source first names it. */
  listed?: Date | undefined;
  /** The day it counts from in the membership chart: `joined`, else `listed` (it had joined by then). */
  date: Date;
  instrument?: string | undefined;
  source: EntryKey;
}

export interface ArtemisSignatory {
  key: string;
  title: string;
  href: string;
  iso: string;
  signed: Date;
  source: EntryKey;
}

const byDateThenTitle = (a: { date: Date; title: string }, b: { date: Date; title: string }) =>
  a.date.getTime() - b.date.getTime() || a.title.localeCompare(b.title);

/** The member states of the ILRS in the `countries` collection, in order of joining (or of being listed). */
export function getIlrsMembers(site: Pick<SiteData, 'byCollection'>): IlrsMember[] {
  return site.byCollection.countries
    .flatMap((c): IlrsMember[] => {
      const ilrs = c.data.ilrs;
      const date = ilrs?.joined ?? ilrs?.listed;
      if (!ilrs || !date) return [];
      return [
        {
          key: entryToKey(c),
          title: c.data.title,
          href: entryToUrl(c),
          iso: c.data.iso,
          role: ilrs.role,
          joined: ilrs.joined,
          listed: ilrs.listed,
          date,
          instrument: ilrs.instrument,
          source: ilrs.source,
        },
      ];
    })
    .sort(byDateThenTitle);
}

/** The Artemis Accords signatories that have an entry in `countries`, in order of signing. */
export function getArtemisSignatories(site: Pick<SiteData, 'byCollection'>): ArtemisSignatory[] {
  return site.byCollection.countries
    .flatMap((c): (ArtemisSignatory & { date: Date })[] => {
      const a = c.data.artemisAccords;
      return a ? [{ key: entryToKey(c), title: c.data.title, href: entryToUrl(c), iso: c.data.iso, signed: a.signed, date: a.signed, source: a.source }] : [];
    })
    .sort(byDateThenTitle)
    .map(({ date: _date, ...s }) => s);
}

export interface CountPoint {
  date: Date;
  count: number;
  /** What changed on that date: the members added (ILRS), or the source of the count (programmes). */
  note: string;
  /** True when the point counts members by the day a source listed them, not the day they joined. */
  listedOnly?: boolean;
  source?: EntryKey | undefined;
}

export interface CountSeries {
  key: string;
  label: string;
  href: string;
  /** `steps`: every change is known (each member's date); `reported`: counts known only on the dates sources give. */
  kind: 'steps' | 'reported';
  points: CountPoint[];
}

/** Members by date: one point per date on which the count changed, founders first. */
export function getIlrsSeries(members: readonly IlrsMember[], href: string): CountSeries {
  const points: CountPoint[] = [];
  let count = 0;
  for (const m of members) {
    count++;
    const last = points.at(-1);
    if (last && last.date.getTime() === m.date.getTime()) {
      last.count = count;
      last.note += `, ${m.title}`;
      last.listedOnly &&= !m.joined;
    } else points.push({ date: m.date, count, note: m.title, listedOnly: !m.joined });
  }
  return { key: 'ilrs', label: 'ILRS member states', href, kind: 'steps', points };
}

/** The participant counts the programmes' entries give (the Artemis Accords' signatories), one series each. */
export function getProgrammeSeries(site: Pick<SiteData, 'byCollection'>): CountSeries[] {
  return site.byCollection.programmes
    .filter((p) => p.data.participantCounts.length > 0)
    .map((p: SiteEntry<'programmes'>) => ({
      key: entryToKey(p),
      label: p.data.title,
      href: entryToUrl(p),
      kind: 'reported' as const,
      points: [...p.data.participantCounts]
        .sort((a, b) => a.date.getTime() - b.date.getTime())
        .map((c) => ({ date: c.date, count: c.count, note: `${c.count} as counted by the source`, source: c.source })),
    }));
}
