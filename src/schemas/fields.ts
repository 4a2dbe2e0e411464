/** Field schemas shared by several collections. */
import { z } from 'astro/zod';
import { ref, entryRef } from './references.ts';

export interface DateMeta {
  /** The date of something done (checked, published, said): the content model refuses a date after the day of the build. */
  past?: boolean;
}

/** Every date field's schema: the content model checks the text of these fields as written (see `getDateFields`). */
export const dateSchemas = z.registry<DateMeta>();

/**
 * Strict calendar date `YYYY-MM-DD`; YAML dates arrive as Date objects and are checked again by the content model.
 * `past`: the date something was done, never after the build day (see `getPastDates`); other dates (an event, a
 * launch) may be planned.
 */
export function isoDate(meta: DateMeta = {}) {
  return z
    .union([
      z.date(),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
        .pipe(z.coerce.date()),
    ])
    .refine((d) => !Number.isNaN(d.getTime()), 'expected a real calendar date as YYYY-MM-DD')
    .register(dateSchemas, meta);
}

export interface FactMeta {
  /** The row's label in the facts panel. */
  label: string;
  /** Shown after the other facts (the date the page was last checked). */
  last?: boolean;
}

/** The fields shown in an entry's facts panel, each with its label. */
export const factSchemas = z.registry<FactMeta>();

/** Marks a field as a fact: the facts panel shows it under `label`, in the order of the schema. */
export function fact<T extends z.ZodType>(label: string, schema: T, options: Omit<FactMeta, 'label'> = {}): T {
  const field: z.ZodType = schema;
  factSchemas.add(field, { label, ...options });
  return schema;
}

export interface VolatileMeta {
  /** What can change, as the content report names it: "role held", "mission status". */
  what: string;
  /** The field beside it that holds its as-of date; without one (or when it is empty), the page's `updated`. */
  asOf?: string;
  /** Values that will not change any more: a completed mission's status. */
  settled?: readonly unknown[];
  /** A true/false field beside it that, when true, says it will not change any more (`former: true`). */
  settledBy?: string;
}

/**
 * Volatile facts: true when written, but liable to change without anyone editing the page (who
 * holds an office, a planned launch). Each needs an as-of date; the content report lists those
 * without one and those older than its --max-age.
 */
export const volatileSchemas = z.registry<VolatileMeta>();

/** Marks a field (or each object of a list) as a volatile fact. */
export function volatile<T extends z.ZodType>(schema: T, meta: VolatileMeta): T {
  const field: z.ZodType = schema;
  volatileSchemas.add(field, meta);
  return schema;
}

/** The schema inside `.optional()`, `.default()` and `.nullable()`. */
export function unwrapField(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** The names of the date fields of the schemas, wherever they are nested (objects, arrays of objects). */
export function getDateFields(schemas: Iterable<z.ZodType>): Set<string> {
  const names = new Set<string>();
  const walk = (schema: z.ZodType): void => {
    const inner = unwrapField(schema);
    if (inner instanceof z.ZodArray) walk(inner.element as z.ZodType);
    else if (inner instanceof z.ZodObject) {
      for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
        if (dateSchemas.has(unwrapField(field))) names.add(key);
        else walk(field);
      }
    }
  };
  for (const schema of schemas) walk(schema);
  return names;
}

/**
 * Every date of `data` whose schema is a `past` date, with its path: `data` is what `schema` output, walked
 * beside it (objects, arrays of objects), so a `date` of a quote and a `date` of an event are told apart.
 */
export function getPastDates(schema: z.ZodType, data: unknown, path: (string | number)[] = []): { path: (string | number)[]; date: Date }[] {
  const inner = unwrapField(schema);
  if (data instanceof Date) return dateSchemas.get(inner)?.past ? [{ path, date: data }] : [];
  if (inner instanceof z.ZodArray && Array.isArray(data)) return data.flatMap((item, i) => getPastDates(inner.element as z.ZodType, item, [...path, i]));
  if (inner instanceof z.ZodObject && data && typeof data === 'object') {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) =>
      getPastDates(field, (data as Record<string, unknown>)[key], [...path, key]),
    );
  }
  return [];
}

/** Longest title of a page: it is shown in links, lists, tabs and search results. */
export const TITLE_MAX = 120;
/** Longest description of a page: it is shown in lists, search results and link previews. */
export const DESCRIPTION_MAX = 300;

/** A page's title: one line, short enough for a link, a tab and a search result. */
export const title = z.string().min(1).max(TITLE_MAX, 'a title is shown in links, lists, tabs and search results; keep the detail for the body');
/** A page's summary: one or two sentences. */
export const description = z.string().min(1).max(DESCRIPTION_MAX, 'a description is one or two sentences, shown in lists, search results and link previews');

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
export const aliases = z.array(z.string().min(1).max(TITLE_MAX, 'an alias is another name for the entry, as short as a title')).default([]);

/** The base every page shares. */
export const pageFields = {
  /** Title shown as the page heading, in links and in search results; at most 120 characters. */
  title,
  /** One or two sentences summarising the page; used in lists, search and meta tags; at most 300 characters. */
  description,
  /** Other names, acronyms or spellings that should find this page. */
  aliases,
  /** Free-form tags used for grouping. */
  tags: z.array(z.string().min(1)).default([]),
  /** Other entries worth reading next, written `collection/id`. */
  related: z.array(entryRef).default([]),
  /** Sources the page's facts are traced to; at least one. */
  sources: z.array(ref('sources')).min(1, 'expected at least one source: every page cites where its facts come from'),
  /** Date the page's facts were last checked, YYYY-MM-DD; not after the day of the build. */
  updated: fact('Last checked', isoDate({ past: true }).optional(), { last: true }),
};

/** Topic pages must say when they were last checked. */
export const topicFields = {
  ...pageFields,
  /** Date the page's facts were last checked, YYYY-MM-DD; not after the day of the build. */
  updated: fact('Last checked', isoDate({ past: true }), { last: true }),
};
