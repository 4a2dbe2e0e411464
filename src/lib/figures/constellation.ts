/**
 * Navigation constellations as figures need them: every entry with a `constellation` field
 * (the BeiDou page, the GPS, GLONASS and Galileo programmes), its satellites by orbit type,
 * and the geometry of a unit chart (one mark per satellite) and of a comparison of bars.
 */
import { ORBIT_TYPES, type ConstellationData, type OrbitType } from '../../schemas/constellation.ts';
import type { SiteData, SiteEntry } from '../site-data.ts';
import { entryToKey, entryToUrl, type EntryKey } from '../urls.ts';

export const ORBIT_LABELS: Record<OrbitType, { short: string; long: string }> = {
  meo: { short: 'MEO', long: 'medium Earth orbit' },
  igso: { short: 'IGSO', long: 'inclined geosynchronous orbit' },
  geo: { short: 'GEO', long: 'geostationary orbit' },
};

export interface Constellation {
  key: string;
  title: string;
  href: string;
  system: string;
  satellites: number;
  counted: string;
  asOf: Date;
  /** Satellites per orbit type, in ORBIT_TYPES order; empty when no source splits them. */
  orbits: { orbit: OrbitType; count: number }[];
  source: EntryKey;
  orbitSource?: EntryKey | undefined;
  /** Set when the count's source is marked weak. */
  weak: boolean;
}

export function toConstellation(entry: SiteEntry, data: ConstellationData, site: Pick<SiteData, 'byKey'>): Constellation {
  const source = site.byKey.get(entryToKey(data.source));
  return {
    key: entryToKey(entry),
    title: entry.data.title,
    href: entryToUrl(entry),
    system: data.system,
    satellites: data.satellites,
    counted: data.counted,
    asOf: data.asOf,
    orbits: ORBIT_TYPES.flatMap((orbit) => (data[orbit] !== undefined && data[orbit] > 0 ? [{ orbit, count: data[orbit] }] : [])),
    source: data.source,
    orbitSource: data.orbitSource,
    weak: source?.collection === 'sources' && source.data.reliability === 'weak',
  };
}

/** The constellation an entry's own data describes, if any. */
export function getEntryConstellation(entry: SiteEntry, site: Pick<SiteData, 'byKey'>): Constellation | undefined {
  const data = 'constellation' in entry.data ? entry.data.constellation : undefined;
  return data ? toConstellation(entry, data, site) : undefined;
}

/** Every constellation in the content, largest first (then by name). */
export function getConstellations(site: Pick<SiteData, 'byKey'>): Constellation[] {
  return [...site.byKey.values()]
    .flatMap((e) => getEntryConstellation(e, site) ?? [])
    .sort((a, b) => b.satellites - a.satellites || a.system.localeCompare(b.system));
}

export interface UnitChart {
  width: number;
  height: number;
  /** One row of marks per orbit type. */
  rows: { orbit: OrbitType; label: string; count: number; y: number; marks: { x: number; y: number }[] }[];
  r: number;
}

/** One mark per satellite, a row per orbit type, wrapping after `perRow` marks. */
export function getUnitChart(c: Constellation, { width = 420, perRow = 12 } = {}): UnitChart {
  const left = 120;
  const cell = Math.min(24, (width - left - 8) / perRow);
  const r = Math.round(cell * 0.36 * 10) / 10;
  let y = 8;
  const rows = c.orbits.map(({ orbit, count }) => {
    const lines = Math.ceil(count / perRow);
    const marks = Array.from({ length: count }, (_, i) => ({
      x: Math.round((left + (i % perRow) * cell + cell / 2) * 10) / 10,
      y: Math.round((y + Math.floor(i / perRow) * cell + cell / 2) * 10) / 10,
    }));
    const row = { orbit, label: ORBIT_LABELS[orbit].short, count, y: Math.round((y + cell / 2) * 10) / 10, marks };
    y += lines * cell + 8;
    return row;
  });
  return { width, height: Math.ceil(y), rows, r };
}

export interface BarChart {
  width: number;
  height: number;
  max: number;
  left: number;
  right: number;
  ticks: { value: number; x: number }[];
  bars: {
    key: string;
    system: string;
    y: number;
    h: number;
    total: number;
    weak: boolean;
    segments: { orbit: OrbitType | 'unsplit'; x: number; w: number; count: number }[];
  }[];
}

/** One bar per system, split by orbit type, on one satellite axis. */
export function getComparisonChart(list: readonly Constellation[], { width = 560, bar = 22, gap = 14 } = {}): BarChart {
  const left = 84;
  const right = width - 44;
  const top = 8;
  const maxCount = Math.max(...list.map((c) => c.satellites));
  const max = Math.ceil(maxCount / 10) * 10;
  const x = (n: number) => Math.round((left + (n / max) * (right - left)) * 10) / 10;
  const bars = list.map((c, i) => {
    let at = 0;
    const split: { orbit: OrbitType | 'unsplit'; count: number }[] = c.orbits.length > 0 ? c.orbits : [{ orbit: 'unsplit', count: c.satellites }];
    const segments = split.map((o) => {
      const seg = { orbit: o.orbit, x: x(at), w: Math.round((x(at + o.count) - x(at)) * 10) / 10, count: o.count };
      at += o.count;
      return seg;
    });
    return { key: c.key, system: c.system, y: top + i * (bar + gap), h: bar, total: c.satellites, weak: c.weak, segments };
  });
  const ticks = [];
  for (let n = 0; n <= max; n += 10) ticks.push({ value: n, x: x(n) });
  return { width, height: top + list.length * (bar + gap) - gap + 26, max, left, right, ticks, bars };
}
