/** Events: dated agreements, statements, launches and meetings. */
import { z } from 'astro/zod';
import { isoDate, pageFields } from './fields.ts';
import { ref } from './references.ts';

export const eventSchema = z.strictObject({
  ...pageFields,
  /** Date it happened (or began), YYYY-MM-DD. */
  date: isoDate,
  /** Last day, for events lasting several days. */
  endDate: isoDate.optional(),
  /** Where it happened. */
  place: ref('places').optional(),
  /** Countries involved. */
  countries: z.array(ref('countries')).default([]),
  /** Organizations involved. */
  organizations: z.array(ref('organizations')).default([]),
  /** People involved. */
  people: z.array(ref('people')).default([]),
});

export type EventData = z.output<typeof eventSchema>;
