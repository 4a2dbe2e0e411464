/** Organizations: agencies, ministries, companies, think tanks, universities, international bodies. */
import { z } from 'astro/zod';
import { isoDate, pageFields } from './fields.ts';
import { ref } from './references.ts';

export const ORGANIZATION_KINDS = ['space-agency', 'ministry', 'company', 'think-tank', 'university', 'research-institute', 'intergovernmental', 'military'] as const;

export const organizationSchema = z.strictObject({
  ...pageFields,
  /** What kind of body it is. */
  kind: z.enum(ORGANIZATION_KINDS),
  /** Short form, e.g. "CNSA". */
  acronym: z.string().optional(),
  /** Country it belongs to; omit for international bodies. */
  country: ref('countries').optional(),
  /** Date it was founded, YYYY-MM-DD. */
  founded: isoDate.optional(),
  /** City of its headquarters. */
  headquarters: z.string().optional(),
});

export type OrganizationData = z.output<typeof organizationSchema>;
