/** Programmes and frameworks: Artemis, the Artemis Accords, the Belt and Road space corridor. */
import { z } from 'astro/zod';
import { fact, isoDate, pageFields } from './fields.ts';
import { ref } from './references.ts';
import { constellationSchema, participantCountSchema } from './constellation.ts';

export const programmeSchema = z.strictObject({
  ...pageFields,
  /** Organizations that lead it. */
  leads: fact('Led by', z.array(ref('organizations')).default([])),
  /** Countries that lead it. */
  countries: fact('Countries', z.array(ref('countries')).default([])),
  /** Date it was launched or announced, YYYY-MM-DD. */
  started: fact('Started', isoDate().optional()),
  /** For a navigation system: its satellites, as one source counts them. */
  constellation: constellationSchema.optional(),
  /** Participants counted over time (e.g. the Artemis Accords' signatories), oldest first, each as its source gives it. */
  participantCounts: z.array(participantCountSchema).default([]),
});

export type ProgrammeData = z.output<typeof programmeSchema>;
