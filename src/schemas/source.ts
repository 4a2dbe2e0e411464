/** Sources: one entry per article, report or statement cited. Plain YAML data. */
import { z } from 'astro/zod';
import { aliases, fact, httpsUrl, isoDate } from './fields.ts';

export const sourceSchema = z.strictObject({
  /** Title of the article or document, as published. */
  title: z.string().min(1),
  /** Who published it, e.g. "Radio Free Europe/Radio Liberty". */
  publisher: fact('Publisher', z.string().min(1)),
  /** Address of the original, https only. */
  url: fact('Address', httpsUrl),
  /** Publication date, YYYY-MM-DD. */
  published: fact('Published', isoDate()),
  /** Author or authors, when named. */
  author: fact('Author', z.string().optional()),
  /** What kind of document it is. */
  kind: fact('Kind', z.enum(['news', 'report', 'official', 'reference', 'analysis'])),
  /** "weak" marks an aggregator, mirror or wiki copy: use it only beside a better source. */
  reliability: fact('Reliability', z.enum(['primary', 'secondary', 'weak']).default('secondary')),
  /** One sentence on what the source is and why it is cited. */
  description: z.string().min(1),
  /** Other names that should find this source. */
  aliases,
});

export type SourceData = z.output<typeof sourceSchema>;
