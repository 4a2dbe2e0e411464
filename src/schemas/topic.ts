/** Topic pages: `ilrs`, `baikonur`, `beidou`. */
import { z } from 'astro/zod';
import { constellationSchema } from './constellation.ts';
import { topicFields } from './fields.ts';

export const topicSchema = z.strictObject({
  ...topicFields,
  /** Position within the collection (lower first); pages without it follow, by title. */
  order: z.number().int().optional(),
  /** For a page on a navigation system's constellation: its satellites, as one source counts them. */
  constellation: constellationSchema.optional(),
});

export type TopicData = z.output<typeof topicSchema>;
