/** Topic pages: `ilrs`, `baikonur`, `beidou`. */
import { z } from 'astro/zod';
import { topicFields } from './fields.ts';

export const topicSchema = z.strictObject({
  ...topicFields,
  /** Position within the collection (lower first); pages without it follow, by title. */
  order: z.number().int().optional(),
});

export type TopicData = z.output<typeof topicSchema>;
