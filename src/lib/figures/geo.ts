/**
 * Country shapes for the maps: Natural Earth's 1:110m countries (world-atlas), as GeoJSON,
 * keyed by ISO 3166-1 numeric code, and the alpha-2 ↔ numeric mapping the content's `iso`
 * fields need. Static data read once at import; no state.
 */
import isoCountries from 'i18n-iso-countries/index.js';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };

export type CountryShape = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
/** Antarctica: left off the world map, where it would take a fifth of the height for no member. */
const ANTARCTICA = '010';

const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;

/** Every country shape that has an ISO numeric id (a few disputed territories have none), by that id. */
export const COUNTRY_SHAPES: ReadonlyMap<string, CountryShape> = new Map(
  collection.features.flatMap((f): [string, CountryShape][] =>
    typeof f.id === 'string' && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') ? [[f.id, f as CountryShape]] : [],
  ),
);

/** ISO 3166-1 alpha-2 (`KZ`) → the numeric id world-atlas uses (`398`); undefined for a code with no current ISO number (`SU`). */
export function alpha2ToNumeric(alpha2: string): string | undefined {
  return isoCountries.alpha2ToNumeric(alpha2);
}

/** The shape of the country with ISO code `alpha2`, if the atlas has one. */
export function getCountryShape(alpha2: string): CountryShape | undefined {
  const numeric = alpha2ToNumeric(alpha2);
  return numeric === undefined ? undefined : COUNTRY_SHAPES.get(numeric);
}

/** All land but the countries whose numeric ids are given (and Antarctica), as one merged shape: the map's background. */
export function getLandExcept(numericIds: ReadonlySet<string>): Feature<MultiPolygon> {
  const rest = topology.objects.countries.geometries.filter((g) => g.id !== ANTARCTICA && !numericIds.has(String(g.id)));
  return { type: 'Feature', properties: {}, geometry: merge(topology, rest as Parameters<typeof merge>[1]) };
}

/** The countries drawn on a world map: every shape but Antarctica. */
export function getWorldShapes(): CountryShape[] {
  return [...COUNTRY_SHAPES.values()].filter((s) => s.id !== ANTARCTICA);
}
