/**
 * Frontmatter references. The schema checks their form; whether the target exists is
 * checked against the whole content model (src/lib/build-model.ts), which knows every
 * entry and suggests the nearest id (Astro's `reference()` would only log a missing target).
 */
import { z } from 'astro/zod';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from '../lib/collections.ts';
import { suggest } from '../lib/errors.ts';

/** Every reference field's schema, with the collection it points into (`'any'` for `collection/id` references). */
export const referenceSchemas = z.registry<{ collection: CollectionName | 'any' }>();

/**
 * A reference to one entry of `collection`, written as its id; read as `{ collection, id }`,
 * the shape of Astro's own references (so `getEntry(ref)` takes it), typed exactly.
 */
export function ref<C extends CollectionName>(collection: C) {
  return z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an entry id: lowercase kebab-case, e.g. "juliana-suess"')
    .transform((id): { collection: C; id: string } => ({ collection, id }))
    .register(referenceSchemas, { collection });
}

/** A reference to an entry of any collection, written `collection/id` (used by `related`). */
export const entryRef = z.string().transform((value, ctx) => {
  const [collection = '', id = '', ...rest] = value.split('/');
  if (rest.length > 0 || !collection || !id) {
    ctx.addIssue({ code: 'custom', message: `expected "collection/id", received "${value}".` });
    return z.NEVER;
  }
  if (!isCollectionName(collection)) {
    const near = suggest(collection, COLLECTION_NAMES);
    ctx.addIssue({ code: 'custom', message: `unknown collection "${collection}" in "${value}".${near ? ` Did you mean "${near}/${id}"?` : ''}` });
    return z.NEVER;
  }
  return { collection, id };
});
referenceSchemas.add(entryRef, { collection: 'any' });
