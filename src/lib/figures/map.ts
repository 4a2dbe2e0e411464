/**
 * The maps, computed at build time with d3-geo: the world map of ILRS members shaded by
 * join year, with Artemis Accords signatories and the dossier's places, and the small
 * locator map of a country or place. The output is plain data (path strings, points,
 * classes) that a component writes out as inline SVG; nothing here runs in a browser.
 */
import { geoAzimuthalEqualArea, geoCentroid, geoDistance, geoEqualEarth, geoGraticule, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { SiteData } from '../site-data.ts';
import { entryToKey, entryToUrl } from '../urls.ts';
import { alpha2ToNumeric, getCountryShape, getLandExcept, getWorldShapes } from './geo.ts';
import type { ArtemisSignatory, IlrsMember } from './membership.ts';

/** Colour steps the stylesheet defines for join years (`fig-seq-1` … `fig-seq-5`). */
export const YEAR_STEPS = 5;

export interface YearClass {
  /** The years in this class, oldest first (one year unless there are more years than steps). */
  years: number[];
  label: string;
  className: string;
}

export interface MapCountry {
  key: string;
  title: string;
  iso: string;
  d: string;
  className: string;
  artemis: boolean;
}

export interface MapMarker {
  key: string;
  title: string;
  href: string;
  x: number;
  y: number;
  /** Where the label goes, when it fits without covering another: 'end' is right of the dot. */
  label?: { x: number; y: number; anchor: 'start' | 'end' } | undefined;
}

export interface WorldMap {
  width: number;
  height: number;
  /** All other land, one merged shape. */
  land: string;
  /** Member states and Artemis signatories, each its own shape. */
  countries: MapCountry[];
  /** Outlines of the Artemis signatories, drawn over the fills. */
  artemis: { key: string; d: string }[];
  markers: MapMarker[];
  years: YearClass[];
  /** Members whose ISO code has no shape in the atlas (listed in the table, not drawn). */
  unmapped: string[];
  /** Class of members without a documented join date. */
  undatedClass: string;
}

/** Join years → colour classes: one per year while there are few years, else equal bins of years. */
export function getYearClasses(years: readonly number[]): YearClass[] {
  const distinct = [...new Set(years)].sort((a, b) => a - b);
  if (distinct.length === 0) return [];
  const bins: number[][] = [];
  if (distinct.length <= YEAR_STEPS) for (const y of distinct) bins.push([y]);
  else {
    const first = distinct[0]!;
    const span = distinct.at(-1)! - first + 1;
    for (const y of distinct) {
      const i = Math.min(YEAR_STEPS - 1, Math.floor(((y - first) * YEAR_STEPS) / span));
      (bins[i] ??= []).push(y);
    }
  }
  const used = bins.filter((b) => b.length > 0);
  // Fewer classes than steps: spread them over the scale, so neighbouring years differ most.
  const step = (i: number) => (used.length === 1 ? 1 : Math.round((i * (YEAR_STEPS - 1)) / (used.length - 1)) + 1);
  return used.map((b, i) => ({ years: b, label: b.length === 1 ? String(b[0]) : `${b[0]}–${b.at(-1)}`, className: `fig-seq-${step(i)}` }));
}

const round = (n: number) => Math.round(n * 10) / 10;

function pathOf(projection: GeoProjection, digits = 1) {
  return geoPath(projection).digits(digits);
}

/**
 * Drops the points of an SVG path (as d3-geo writes it: `M…L…Z`) that lie within `tolerance`
 * of the last point kept, and the rings left with fewer than three points: at the size a map
 * is drawn, they are invisible, and they are most of its bytes.
 */
export function compactPath(d: string, tolerance: number): string {
  const rings = d.match(/M[^M]*/g) ?? [];
  const out: string[] = [];
  for (const ring of rings) {
    const closed = ring.endsWith('Z');
    const points = [...ring.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const kept: (readonly [number, number])[] = [];
    for (const p of points) {
      const last = kept.at(-1);
      if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= tolerance) kept.push(p);
    }
    if (kept.length < (closed ? 3 : 2)) continue;
    out.push(`M${kept.map((p) => `${p[0]},${p[1]}`).join('L')}${closed ? 'Z' : ''}`);
  }
  return out.join('');
}

/** Places on Earth with coordinates (lunar regions and places without coordinates are left out). */
export function getEarthPlaces(site: Pick<SiteData, 'byCollection'>) {
  return site.byCollection.places.flatMap((p) =>
    p.data.coordinates && p.data.kind !== 'lunar-region'
      ? [{ key: entryToKey(p), title: p.data.title, href: entryToUrl(p), kind: p.data.kind, ...p.data.coordinates }]
      : [],
  );
}

type Box = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Labels for markers: right of the dot, else left, else none (the table lists every place).
 * Spaceports and test sites are labelled first; widths are estimated from the text length.
 */
export function placeLabels<M extends { title: string; x: number; y: number; kind: string }>(
  markers: M[],
  width: number,
  fontSize: number,
): (M & { label?: MapMarker['label'] })[] {
  const priority = (k: string) => ['spaceport', 'test-site', 'city', 'lake', 'region'].indexOf(k);
  const taken: Box[] = markers.map((m) => ({ x0: m.x - 3, y0: m.y - 3, x1: m.x + 3, y1: m.y + 3 }));
  const out = markers.map((m) => ({ ...m }) as M & { label?: MapMarker['label'] });
  for (const m of [...out].sort((a, b) => priority(a.kind) - priority(b.kind) || a.title.localeCompare(b.title))) {
    const w = m.title.length * fontSize * 0.55;
    const h = fontSize;
    const options: { box: Box; label: NonNullable<MapMarker['label']> }[] = [
      { box: { x0: m.x + 5, y0: m.y - h / 2, x1: m.x + 5 + w, y1: m.y + h / 2 }, label: { x: round(m.x + 5), y: round(m.y + h * 0.35), anchor: 'start' } },
      { box: { x0: m.x - 5 - w, y0: m.y - h / 2, x1: m.x - 5, y1: m.y + h / 2 }, label: { x: round(m.x - 5), y: round(m.y + h * 0.35), anchor: 'end' } },
    ];
    const fit = options.find((o) => o.box.x0 >= 0 && o.box.x1 <= width && !taken.some((t) => overlaps(t, o.box)));
    if (fit) {
      taken.push(fit.box);
      m.label = fit.label;
    }
  }
  return out;
}

/** The world map of the members page. */
export function getWorldMap(
  members: readonly IlrsMember[],
  signatories: readonly ArtemisSignatory[],
  places: ReturnType<typeof getEarthPlaces>,
  width = 800,
): WorldMap {
  const world: FeatureCollection = { type: 'FeatureCollection', features: getWorldShapes() };
  const projection = geoEqualEarth().fitWidth(width, world);
  const path = pathOf(projection);
  const [[, y0], [, y1]] = path.bounds(world);
  const height = Math.ceil(y1 - y0);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0]);

  const years = getYearClasses(members.filter((m) => m.joined).map((m) => m.joined!.getUTCFullYear()));
  const undatedClass = 'fig-undated';
  const classOf = (m: IlrsMember) => (m.joined ? years.find((y) => y.years.includes(m.joined!.getUTCFullYear()))!.className : undatedClass);
  const artemisIsos = new Set(signatories.map((s) => s.iso));
  const drawn = new Map<string, MapCountry>();
  const unmapped: string[] = [];
  for (const m of members) {
    const shape = getCountryShape(m.iso);
    if (!shape) {
      unmapped.push(m.key);
      continue;
    }
    drawn.set(shape.id, { key: m.key, title: m.title, iso: m.iso, d: path(shape) ?? '', className: classOf(m), artemis: artemisIsos.has(m.iso) });
  }
  const artemis: WorldMap['artemis'] = [];
  for (const s of signatories) {
    const shape = getCountryShape(s.iso);
    if (!shape) continue;
    if (!drawn.has(shape.id)) drawn.set(shape.id, { key: s.key, title: s.title, iso: s.iso, d: path(shape) ?? '', className: 'fig-land', artemis: true });
    artemis.push({ key: s.key, d: drawn.get(shape.id)!.d });
  }
  const markers = placeLabels(
    places.map((p) => {
      const [x, y] = projection([p.lon, p.lat])!;
      return { key: p.key, title: p.title, href: p.href, kind: p.kind, x: round(x), y: round(y) };
    }),
    width,
    12,
  ).map(({ kind: _kind, ...m }) => m);
  return {
    width,
    height,
    land: compactPath(path(getLandExcept(new Set(drawn.keys()))) ?? '', 1.2),
    countries: [...drawn.values()],
    artemis,
    markers,
    years,
    unmapped,
    undatedClass,
  };
}

export interface LocatorMap {
  width: number;
  height: number;
  /** The neighbouring land, one path. */
  land: string;
  /** The country itself, when the map is of a country. */
  shape?: string | undefined;
  /** A ring around the subject: a small country, or a place. */
  ring?: { x: number; y: number; r: number } | undefined;
  graticule: string;
}

const LOCATOR = { width: 240, height: 160 };

/** Degrees of arc a locator shows around `centre` so that `subject` fits with room for its neighbours. */
function viewRadius(subject: Feature | undefined, centre: [number, number]): number {
  if (!subject) return 14;
  let far = 0;
  const walk = (coords: unknown): void => {
    if (Array.isArray(coords) && typeof coords[0] === 'number') far = Math.max(far, geoDistance(centre, coords as [number, number]));
    else if (Array.isArray(coords)) for (const c of coords) walk(c);
  };
  walk((subject.geometry as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates);
  const degrees = (far * 180) / Math.PI;
  return Math.min(75, Math.max(12, degrees * 1.8));
}

function locator(centre: [number, number], subject: Feature | undefined, exclude: string | undefined, place?: [number, number]): LocatorMap {
  const radius = viewRadius(subject, centre);
  const projection = geoAzimuthalEqualArea()
    .rotate([-centre[0], -centre[1]])
    // Clipped beyond the frame's corners, so the clip circle never shows.
    .clipAngle(Math.min(170, radius * 2.5));
  // Fit the circle of `radius` degrees around the centre into the frame.
  const r = 2 * Math.sin((radius * Math.PI) / 180 / 2);
  const scale = Math.min(LOCATOR.width, LOCATOR.height) / 2 / r;
  projection
    .scale(scale)
    .translate([LOCATOR.width / 2, LOCATOR.height / 2])
    .clipExtent([
      [0, 0],
      [LOCATOR.width, LOCATOR.height],
    ]);
  const path = pathOf(projection, 0);
  const land = compactPath(path(getLandExcept(exclude ? new Set([exclude]) : new Set())) ?? '', 2);
  const shape = subject ? (path(subject) ?? undefined) : undefined;
  let ring: LocatorMap['ring'];
  if (place) {
    const [x, y] = projection(place)!;
    ring = { x: round(x), y: round(y), r: 6 };
  } else if (subject) {
    const [[x0, y0], [x1, y1]] = path.bounds(subject);
    const size = Math.max(x1 - x0, y1 - y0);
    if (size < 12) ring = { x: round((x0 + x1) / 2), y: round((y0 + y1) / 2), r: 10 };
  } else {
    const [x, y] = projection(centre)!;
    ring = { x: round(x), y: round(y), r: 6 };
  }
  return { ...LOCATOR, land, shape, ring, graticule: compactPath(path(geoGraticule().step([20, 20])()) ?? '', 2) };
}

/** The locator map of a country, or undefined when the atlas has no shape for its ISO code (e.g. the Soviet Union, `SU`). */
export function getCountryLocator(iso: string): LocatorMap | undefined {
  const shape = getCountryShape(iso);
  if (!shape) return undefined;
  return locator(geoCentroid(shape) as [number, number], shape, alpha2ToNumeric(iso));
}

/** The locator map of a place on Earth: within its country, when the country's shape is known, else on its own. */
export function getPlaceLocator(coordinates: { lat: number; lon: number }, countryIso?: string): LocatorMap {
  const point: [number, number] = [coordinates.lon, coordinates.lat];
  const shape = countryIso ? getCountryShape(countryIso) : undefined;
  if (!shape) return locator(point, undefined, undefined);
  const map = locator(geoCentroid(shape) as [number, number], shape, alpha2ToNumeric(countryIso!), point);
  return map;
}
