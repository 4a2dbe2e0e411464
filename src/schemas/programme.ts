/** Programmes and frameworks: Artemis, the Artemis Accords, the Belt and Road space corridor. */
import { z } from 'astro/zod';
import { fact, isoDate, pageFields } from './fields.ts';
import { ref } from './references.ts';

export const programmeSchema = z.strictObject({
  ...pageFields,
  /** Organizations that lead it. */
  leads: fact('Led by', z.array(ref('organizations')).default([])),
  /** Countries that lead it. */
  countries: fact('Countries', z.array(ref('countries')).default([])),
  /** Date it was launched or announced, YYYY-MM-DD. */
  started: fact('Started', isoDate().optional()),
});

export type ProgrammeData = z.output<typeof programmeSchema>;
