/** Field schemas shared by several collections. */
import { z } from 'astro/zod';
import { ref, entryRef } from './references.ts';

/** Strict calendar date `YYYY-MM-DD`; YAML dates arrive as Date objects and are checked again by the content check. */
export const isoDate = z.union([
  z.date(),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').pipe(z.coerce.date()),
]).refine((d) => !Number.isNaN(d.getTime()), 'expected a real calendar date as YYYY-MM-DD');

/** An https URL. Other schemes are refused, plain http too: the site links out over https only. */
export const httpsUrl = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: (issue) =>
    typeof issue.input === 'string' && /^http:\/\//i.test(issue.input)
      ? `expected an https:// URL, not plain http; link to "https://${issue.input.slice('http://'.length)}"`
      : 'expected an https:// URL',
});

/** Other names the entry is known by: acronyms, transliterations, other spellings. Indexed for search with high weight. */
export const aliases = z.array(z.string().min(1)).default([]);

/** The base every page shares. */
export const pageFields = {
  /** Title shown as the page heading, in links and in search results. */
  title: z.string().min(1),
  /** One or two sentences summarising the page; used in lists, search and meta tags. */
  description: z.string().min(1),
  /** Other names, acronyms or spellings that should find this page. */
  aliases,
  /** Free-form tags used for grouping. */
  tags: z.array(z.string().min(1)).default([]),
  /** Other entries worth reading next, written `collection/id`. */
  related: z.array(entryRef).default([]),
  /** Sources the page's facts are traced to; at least one. */
  sources: z.array(ref('sources')).min(1, 'expected at least one source: every page cites where its facts come from'),
  /** Date the page's facts were last checked, YYYY-MM-DD. */
  updated: isoDate.optional(),
};

/** Topic pages must say when they were last checked. */
export const topicFields = {
  ...pageFields,
  /** Date the page's facts were last checked, YYYY-MM-DD. */
  updated: isoDate,
};
