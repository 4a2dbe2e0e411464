/**
 * One collection per folder of `content/`, each parsed by its schema in `src/schemas/`.
 * Ids are the file names; the content check (src/integrations/content-check.ts) refuses
 * anything that is not lowercase kebab-case, so an id is always its file name.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { listEntryIds } from './lib/content-index.ts';
import { getContentDir } from './lib/project.ts';
import { SCHEMAS } from './schemas/index.ts';
import { setKnownIds } from './schemas/references.ts';

const contentDir = getContentDir();
setKnownIds(listEntryIds(contentDir));

function folder(name: string, pattern = '*.{md,mdx}') {
  return glob({
    pattern,
    base: `${contentDir}/${name}`,
    generateId: ({ entry }) => entry.replace(/\.[^.]+$/, ''),
  });
}

export const collections = {
  ilrs: defineCollection({ loader: folder('ilrs'), schema: SCHEMAS.ilrs }),
  baikonur: defineCollection({ loader: folder('baikonur'), schema: SCHEMAS.baikonur }),
  beidou: defineCollection({ loader: folder('beidou'), schema: SCHEMAS.beidou }),
  views: defineCollection({ loader: folder('views'), schema: SCHEMAS.views }),
  people: defineCollection({ loader: folder('people'), schema: SCHEMAS.people }),
  organizations: defineCollection({ loader: folder('organizations'), schema: SCHEMAS.organizations }),
  countries: defineCollection({ loader: folder('countries'), schema: SCHEMAS.countries }),
  programmes: defineCollection({ loader: folder('programmes'), schema: SCHEMAS.programmes }),
  missions: defineCollection({ loader: folder('missions'), schema: SCHEMAS.missions }),
  events: defineCollection({ loader: folder('events'), schema: SCHEMAS.events }),
  places: defineCollection({ loader: folder('places'), schema: SCHEMAS.places }),
  sources: defineCollection({ loader: folder('sources', '*.{yaml,yml}'), schema: SCHEMAS.sources }),
};
