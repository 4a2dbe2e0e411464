/** Groups dated items by year, oldest first. */

export interface TimelineItem {
  date: Date;
  title: string;
  description: string;
  href: string;
}

export interface TimelineYear {
  year: number;
  items: TimelineItem[];
}

export function buildTimeline(items: TimelineItem[]): TimelineYear[] {
  const years = new Map<number, TimelineItem[]>();
  for (const item of [...items].sort((a, b) => a.date.getTime() - b.date.getTime() || a.title.localeCompare(b.title))) {
    const year = item.date.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), item]);
  }
  return [...years].map(([year, list]) => ({ year, items: list }));
}
