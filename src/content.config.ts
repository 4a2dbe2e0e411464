/**
 * One collection per folder of `content/`, each with its schema from `src/schemas/` (the
 * source of the entries' types). All of them are loaded from one content source, which
 * reads, parses and checks the whole of `content/` once and refuses the build on any
 * problem; a thirteenth collection, `graph`, holds the link graph derived from it.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { CollectionName } from './lib/collections.ts';
import { getContentDir, getProjectRoot } from './lib/project.ts';
import { graphCollection, makeContentSource } from './loaders/content-source.ts';
import { SCHEMAS } from './schemas/index.ts';

const source = makeContentSource({ root: getProjectRoot(), contentDir: getContentDir() });

export const collections = {
  // Listed by name so that each collection keeps its own schema's type; `satisfies` below
  // fails the type check when this list and src/lib/collections.ts disagree.
  ilrs: defineCollection({ loader: source.loader('ilrs'), schema: SCHEMAS.ilrs }),
  baikonur: defineCollection({ loader: source.loader('baikonur'), schema: SCHEMAS.baikonur }),
  beidou: defineCollection({ loader: source.loader('beidou'), schema: SCHEMAS.beidou }),
  views: defineCollection({ loader: source.loader('views'), schema: SCHEMAS.views }),
  people: defineCollection({ loader: source.loader('people'), schema: SCHEMAS.people }),
  organizations: defineCollection({ loader: source.loader('organizations'), schema: SCHEMAS.organizations }),
  countries: defineCollection({ loader: source.loader('countries'), schema: SCHEMAS.countries }),
  programmes: defineCollection({ loader: source.loader('programmes'), schema: SCHEMAS.programmes }),
  missions: defineCollection({ loader: source.loader('missions'), schema: SCHEMAS.missions }),
  events: defineCollection({ loader: source.loader('events'), schema: SCHEMAS.events }),
  places: defineCollection({ loader: source.loader('places'), schema: SCHEMAS.places }),
  sources: defineCollection({ loader: source.loader('sources'), schema: SCHEMAS.sources }),
  [graphCollection]: defineCollection({
    loader: source.graphLoader(),
    schema: z.object({
      /** Keys (`collection/id`) the entry links to, in body order then frontmatter order. */
      outgoing: z.array(z.string()),
      /** Keys of the entries that link to it, sorted. */
      incoming: z.array(z.string()),
    }),
  }),
} satisfies Record<CollectionName | typeof graphCollection, unknown>;
