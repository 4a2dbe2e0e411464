/** People: experts, officials, cosmonauts. */
import { z } from 'astro/zod';
import { fact, isoDate, pageFields, volatile } from './fields.ts';
import { ref } from './references.ts';

/** A current role is a volatile fact, dated by its `asOf`; a former one is settled. */
export const affiliationSchema = volatile(
  z.strictObject({
    /** The organization. */
    organization: ref('organizations'),
    /** The role held there. */
    role: z.string().min(1),
    /** Date the role was known to be held, YYYY-MM-DD; shows how current the fact is; not after the day of the build. */
    asOf: isoDate({ past: true }).optional(),
    /** Set when the role has ended. */
    former: z.boolean().default(false),
    /** Where the role is documented. */
    source: ref('sources').optional(),
  }),
  { what: 'role held', asOf: 'asOf', settledBy: 'former' },
);

export const personSchema = z.strictObject({
  ...pageFields,
  /** A short role line shown under the name, e.g. "Space policy analyst". */
  role: fact('Role', z.string().min(1)),
  /** Roles at organizations, current and former. */
  affiliations: z.array(affiliationSchema).default([]),
  /** Country of nationality or work. */
  country: fact('Country', ref('countries').optional()),
});

export type PersonData = z.output<typeof personSchema>;
