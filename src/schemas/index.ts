/** Each collection's schema, by folder name; used by the content config and the content check. */
import type { CollectionName } from '../lib/collections.ts';
import { countrySchema } from './country.ts';
import { eventSchema } from './event.ts';
import { missionSchema } from './mission.ts';
import { organizationSchema } from './organization.ts';
import { personSchema } from './person.ts';
import { placeSchema } from './place.ts';
import { programmeSchema } from './programme.ts';
import { sourceSchema } from './source.ts';
import { topicSchema } from './topic.ts';
import { viewSchema } from './view.ts';

export const SCHEMAS = {
  ilrs: topicSchema,
  baikonur: topicSchema,
  beidou: topicSchema,
  views: viewSchema,
  people: personSchema,
  organizations: organizationSchema,
  countries: countrySchema,
  programmes: programmeSchema,
  missions: missionSchema,
  events: eventSchema,
  places: placeSchema,
  sources: sourceSchema,
} as const satisfies Record<CollectionName, unknown>;
