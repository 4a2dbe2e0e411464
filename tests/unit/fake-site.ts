/** Site data for unit tests, made from an inline content model as src/site/entries.ts makes it from Astro's store. */
import assert from 'node:assert/strict';
import { COLLECTION_NAMES } from '../../src/lib/collections.ts';
import type { ContentModel } from '../../src/lib/content-model.ts';
import { sortEntries, type SiteData, type SiteEntry } from '../../src/lib/site-data.ts';
import { entryToKey } from '../../src/lib/urls.ts';

/** The site data pages would read, made from a content model as src/site/entries.ts makes it from Astro's store. */
export function toSiteData(model: ContentModel): SiteData {
  assert.deepEqual(model.problems, [], 'the inline content is valid');
  const entries = [...model.entries.values()].map((e) => ({ collection: e.collection, id: e.id, data: e.data, body: e.body, filePath: e.file }) as SiteEntry);
  const byCollection = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, sortEntries(entries.filter((e) => e.collection === c))])) as SiteData['byCollection'];
  const digests = new Map([...model.entries.values()].map((e) => [entryToKey(e), e.digest]));
  return { byCollection, byKey: new Map(entries.map((e) => [entryToKey(e), e])), graph: model.graph, digests };
}
