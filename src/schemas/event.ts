/** Events: dated agreements, statements, launches and meetings. */
import { z } from 'astro/zod';
import { fact, isoDate, pageFields } from './fields.ts';
import { ref } from './references.ts';

export const eventSchema = z.strictObject({
  ...pageFields,
  /** Date it happened (or began), YYYY-MM-DD. */
  date: fact('Date', isoDate()),
  /** Last day, for events lasting several days. */
  endDate: fact('Until', isoDate().optional()),
  /** Where it happened. */
  place: fact('Place', ref('places').optional()),
  /** Countries involved. */
  countries: fact('Countries', z.array(ref('countries')).default([])),
  /** Organizations involved. */
  organizations: fact('Organizations', z.array(ref('organizations')).default([])),
  /** People involved. */
  people: fact('People', z.array(ref('people')).default([])),
});

export type EventData = z.output<typeof eventSchema>;
