/** Sources: one entry per article, report or statement cited. Plain YAML data. */
import { z } from 'astro/zod';
import { aliases, fact, httpsUrl, isoDate } from './fields.ts';

export const sourceSchema = z.strictObject({
  /** Title of the article or document, as published; at most 300 characters. */
  title: z
    .string()
    .min(1)
    .max(300, 'a source title is shown in every source list that cites it; shorten a very long one and keep the rest for the description'),
  /** Who published it, e.g. "Radio Free Europe/Radio Liberty". */
  publisher: fact('Publisher', z.string().min(1)),
  /** Address of the original, https only. */
  url: fact('Address', httpsUrl),
  /** Publication date, YYYY-MM-DD; not after the day of the build. */
  published: fact('Published', isoDate({ past: true })),
  /** Author or authors, when named. */
  author: fact('Author', z.string().optional()),
  /** What kind of document it is. */
  kind: fact('Kind', z.enum(['news', 'report', 'official', 'reference', 'analysis'])),
  /** "weak" marks an aggregator, mirror or wiki copy: use it only beside a better source. */
  reliability: fact('Reliability', z.enum(['primary', 'secondary', 'weak']).default('secondary')),
  /** One sentence on what the source is and why it is cited; at most 600 characters. */
  description: z.string().min(1).max(600, 'a source description is one or two sentences on what the source is and why it is cited'),
  /** Other names that should find this source. */
  aliases,
});

export type SourceData = z.output<typeof sourceSchema>;
