/** Places: spaceports, test sites, regions, cities, lunar regions. */
import { z } from 'astro/zod';
import { fact, pageFields } from './fields.ts';
import { ref } from './references.ts';

export const placeSchema = z.strictObject({
  ...pageFields,
  /** What kind of place it is. */
  kind: fact('Kind', z.enum(['spaceport', 'test-site', 'region', 'city', 'lake', 'lunar-region'])),
  /** Country it lies in; omit for places beyond Earth. */
  country: fact('Country', ref('countries').optional()),
  /** Latitude and longitude in decimal degrees (WGS 84). */
  coordinates: z
    .strictObject({
      /** Latitude, north positive. */
      lat: z.number().min(-90).max(90),
      /** Longitude, east positive. */
      lon: z.number().min(-180).max(180),
    })
    .optional(),
});

export type PlaceData = z.output<typeof placeSchema>;
