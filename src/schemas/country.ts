/** Countries. */
import { z } from 'astro/zod';
import { fact, isoDate, pageFields } from './fields.ts';
import { ref } from './references.ts';

export const countrySchema = z.strictObject({
  ...pageFields,
  /** ISO 3166-1 alpha-2 code, e.g. "KZ". */
  iso: fact('ISO code', z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter ISO 3166-1 code in capitals, e.g. "KZ"')),
  /** Capital city. */
  capital: fact('Capital', z.string().optional()),
  /** Participation in the ILRS, when any. */
  ilrs: z
    .object({
      /** "founder" for China and Russia, "member" for states that joined later. */
      role: z.enum(['founder', 'member']),
      /** Date the agreement was signed, YYYY-MM-DD; omit it when no source gives the day, and give `listed` instead. */
      joined: isoDate().optional(),
      /** For a member whose join date is not documented: date of the earliest source found that names it a participant, YYYY-MM-DD. */
      listed: isoDate().optional(),
      /** The instrument signed, e.g. "Memorandum of understanding". */
      instrument: z.string().optional(),
      /** Where the date is documented. */
      source: ref('sources'),
    })
    .refine((ilrs) => ilrs.joined !== undefined || ilrs.listed !== undefined, {
      message: 'expected `joined` (the date signed) or, when no source gives that day, `listed` (the date a source first names the state a participant)',
      path: ['joined'],
    })
    .optional(),
  /** Signature of the Artemis Accords, when any. */
  artemisAccords: z
    .strictObject({
      /** Date the Accords were signed, YYYY-MM-DD. */
      signed: isoDate(),
      /** Where the signature is documented. */
      source: ref('sources'),
    })
    .optional(),
});

export type CountryData = z.output<typeof countrySchema>;
