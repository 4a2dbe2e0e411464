/** Sources: one entry per article, report or statement cited. Plain YAML data. */
import { z } from 'astro/zod';
import { aliases, httpsUrl, isoDate } from './fields.ts';

export const sourceSchema = z.strictObject({
  /** Title of the article or document, as published. */
  title: z.string().min(1),
  /** Who published it, e.g. "Radio Free Europe/Radio Liberty". */
  publisher: z.string().min(1),
  /** Address of the original, https only. */
  url: httpsUrl,
  /** Publication date, YYYY-MM-DD. */
  published: isoDate,
  /** Author or authors, when named. */
  author: z.string().optional(),
  /** What kind of document it is. */
  kind: z.enum(['news', 'report', 'official', 'reference', 'analysis']),
  /** "weak" marks an aggregator, mirror or wiki copy: use it only beside a better source. */
  reliability: z.enum(['primary', 'secondary', 'weak']).default('secondary'),
  /** One sentence on what the source is and why it is cited. */
  description: z.string().min(1),
  /** Other names that should find this source. */
  aliases,
});

export type SourceData = z.output<typeof sourceSchema>;
