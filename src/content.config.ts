/**
 * One collection per folder of `content/`, each parsed by its schema in `src/schemas/`.
 * Ids are the file names; the content check (src/integrations/content-check.ts) refuses
 * anything that is not lowercase kebab-case, so an id is always its file name.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { listEntryIds } from './lib/content-index.ts';
import { getContentDir } from './lib/project.ts';
import { countrySchema } from './schemas/country.ts';
import { eventSchema } from './schemas/event.ts';
import { missionSchema } from './schemas/mission.ts';
import { organizationSchema } from './schemas/organization.ts';
import { personSchema } from './schemas/person.ts';
import { placeSchema } from './schemas/place.ts';
import { programmeSchema } from './schemas/programme.ts';
import { setKnownIds } from './schemas/references.ts';
import { sourceSchema } from './schemas/source.ts';
import { topicSchema } from './schemas/topic.ts';
import { viewSchema } from './schemas/view.ts';

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
  ilrs: defineCollection({ loader: folder('ilrs'), schema: topicSchema }),
  baikonur: defineCollection({ loader: folder('baikonur'), schema: topicSchema }),
  beidou: defineCollection({ loader: folder('beidou'), schema: topicSchema }),
  views: defineCollection({ loader: folder('views'), schema: viewSchema }),
  people: defineCollection({ loader: folder('people'), schema: personSchema }),
  organizations: defineCollection({ loader: folder('organizations'), schema: organizationSchema }),
  countries: defineCollection({ loader: folder('countries'), schema: countrySchema }),
  programmes: defineCollection({ loader: folder('programmes'), schema: programmeSchema }),
  missions: defineCollection({ loader: folder('missions'), schema: missionSchema }),
  events: defineCollection({ loader: folder('events'), schema: eventSchema }),
  places: defineCollection({ loader: folder('places'), schema: placeSchema }),
  sources: defineCollection({ loader: folder('sources', '*.{yaml,yml}'), schema: sourceSchema }),
};
