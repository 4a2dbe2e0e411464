/** Missions: single launches and spacecraft. */
import { z } from 'astro/zod';
import { isoDate, pageFields } from './fields.ts';
import { ref } from './references.ts';

export const missionSchema = z.strictObject({
  ...pageFields,
  /** Organizations that fly it. */
  operators: z.array(ref('organizations')).min(1, 'expected at least one operator'),
  /** Where it stands. */
  status: z.enum(['planned', 'in-flight', 'completed', 'failed']),
  /** Launch date (planned or actual), YYYY-MM-DD. */
  launched: isoDate.optional(),
  /** Launch site. */
  launchSite: ref('places').optional(),
  /** Programme it belongs to. */
  programme: ref('programmes').optional(),
});

export type MissionData = z.output<typeof missionSchema>;
