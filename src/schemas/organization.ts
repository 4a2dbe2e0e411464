/** Organizations: agencies, ministries, companies, think tanks, universities, international bodies. */
import { z } from 'astro/zod';
import { fact, isoDate, pageFields } from './fields.ts';
import { ref } from './references.ts';

export const ORGANIZATION_KINDS = [
  'space-agency',
  'ministry',
  'company',
  'think-tank',
  'university',
  'research-institute',
  'intergovernmental',
  'military',
] as const;

export const organizationSchema = z.strictObject({
  ...pageFields,
  /** What kind of body it is. */
  kind: fact('Kind', z.enum(ORGANIZATION_KINDS)),
  /** Short form, e.g. "CNSA". */
  acronym: fact('Acronym', z.string().optional()),
  /** Country it belongs to; omit for international bodies. */
  country: fact('Country', ref('countries').optional()),
  /** Date it was founded, YYYY-MM-DD. */
  founded: fact('Founded', isoDate().optional()),
  /** City of its headquarters. */
  headquarters: fact('Headquarters', z.string().optional()),
});

export type OrganizationData = z.output<typeof organizationSchema>;
