/** Expert views: one argument of one person, with the exact quotes that carry it. */
import { z } from 'astro/zod';
import { fact, isoDate, topicFields } from './fields.ts';
import { entryRef, ref } from './references.ts';

export const quoteSchema = z.strictObject({
  /** The words exactly as published, without surrounding quotation marks. */
  text: z.string().min(1),
  /** Where the words were published. */
  source: ref('sources'),
  /** Date the words were published, YYYY-MM-DD; not after the day of the build. */
  date: isoDate({ past: true }),
});

export const viewSchema = z.strictObject({
  ...topicFields,
  /** The person whose argument this is. */
  person: fact('Person', ref('people')),
  /** The person's affiliation when they said it, as the source gives it. */
  affiliation: fact('Affiliation at the time', z.string().min(1)),
  /** The topic entries the argument speaks to, written `collection/id`; at least one. */
  about: fact('About', z.array(entryRef).min(1, 'expected at least one entry the view is about')),
  /** The quotes that carry the argument; at least one. */
  quotes: z.array(quoteSchema).min(1, 'expected at least one quote'),
  /** Position within the collection (lower first). */
  order: z.number().int().optional(),
});

export type ViewData = z.output<typeof viewSchema>;
