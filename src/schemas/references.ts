/**
 * Frontmatter references that fail the build when their target is missing. Astro's
 * `reference()` only logs a missing target; these refine it against the ids read from the
 * file names under `content/`, and suggest the nearest id.
 */
// Astro's own reference(), the one `astro:content` exports, taken from the module that makes it so
// that the schemas also load outside Astro (unit tests).
import { createReference } from 'astro/content/runtime';
import { z } from 'astro/zod';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from '../lib/collections.ts';
import { suggest } from '../lib/errors.ts';

const reference = createReference();

let knownIds: Map<string, string[]> = new Map();

/** Called once by the content config with the ids found on disk. */
export function setKnownIds(ids: Map<string, string[]>): void {
  knownIds = ids;
}

function missingMessage(collection: string, id: string): string {
  const near = suggest(id, knownIds.get(collection) ?? []);
  return `no entry "${id}" in collection "${collection}". ${near ? `Did you mean "${near}"?` : `Add content/${collection}/${id}.mdx or fix the id.`}`;
}

/** A reference to one entry of `collection`, written as its id. */
export function ref<C extends CollectionName>(collection: C) {
  return reference(collection).superRefine((value, ctx) => {
    const id = value && 'id' in value ? value.id : undefined;
    if (id !== undefined && !(knownIds.get(collection) ?? []).includes(id)) {
      ctx.addIssue({ code: 'custom', message: missingMessage(collection, id) });
    }
  });
}

/** A reference to an entry of any collection, written `collection/id` (used by `related`). */
export const entryRef = z
  .string()
  .transform((value, ctx) => {
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
    if (!(knownIds.get(collection) ?? []).includes(id)) {
      ctx.addIssue({ code: 'custom', message: missingMessage(collection, id) });
      return z.NEVER;
    }
    return { collection, id };
  });
