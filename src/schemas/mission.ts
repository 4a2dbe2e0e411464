/** Missions: single launches and spacecraft. */
import { z } from 'astro/zod';
import { fact, isoDate, pageFields, volatile } from './fields.ts';
import { ref } from './references.ts';

export const missionSchema = z
  .strictObject({
    ...pageFields,
    /** Organizations that fly it; give `country` instead where the operator has no entry (early Soviet flights). */
    operators: fact('Operators', z.array(ref('organizations')).default([])),
    /** State whose programme flew it, for a mission whose operator has no entry of its own. */
    country: fact('Country', ref('countries').optional()),
    /** Where it stands. */
    status: fact('Status', volatile(z.enum(['planned', 'in-flight', 'completed', 'failed']), { what: 'mission status', settled: ['completed', 'failed'] })),
    /** Launch date (planned or actual), YYYY-MM-DD. */
    launched: fact('Launch', isoDate().optional()),
    /** Launch site. */
    launchSite: fact('Launch site', ref('places').optional()),
    /** Programme it belongs to. */
    programme: fact('Programme', ref('programmes').optional()),
  })
  .refine((mission) => mission.operators.length > 0 || mission.country !== undefined, {
    message: 'expected at least one operator, or the country that flew it where the operator has no entry',
    path: ['operators'],
  });

export type MissionData = z.output<typeof missionSchema>;
