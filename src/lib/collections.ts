/**
 * The site's collections: one folder each under `content/`. Plain data, shared by the
 * content config, the content index, the pages and the tests.
 */

export type CollectionKind = 'topic' | 'entity';

export interface CollectionInfo {
  /** Folder name under `content/`, also the URL segment. */
  name: string;
  /** Plural label shown in navigation and search filters. */
  label: string;
  /** Singular label for one entry of the collection. */
  singular: string;
  /** Topic collections are the site's four main subjects; entities support them. */
  kind: CollectionKind;
  /** One sentence shown on the collection's index page. */
  description: string;
}

export const COLLECTIONS = [
  {
    name: 'ilrs',
    label: 'ILRS',
    singular: 'ILRS article',
    kind: 'topic',
    description: 'The China-led International Lunar Research Station: members, roadmap, governance and its rivalry with Artemis.',
  },
  {
    name: 'baikonur',
    label: 'Baikonur',
    singular: 'Baikonur article',
    kind: 'topic',
    description: 'The Baikonur Cosmodrome: its history, the Russian lease and Kazakhstan’s plans beyond it.',
  },
  {
    name: 'beidou',
    label: 'BeiDou',
    singular: 'BeiDou article',
    kind: 'topic',
    description: 'China’s BeiDou navigation satellite system, its constellation and its spread abroad.',
  },
  {
    name: 'views',
    label: 'Expert views',
    singular: 'Expert view',
    kind: 'topic',
    description: 'Arguments made by the analysts who comment on the space partnerships around Kazakhstan, each with its quotes and sources.',
  },
  { name: 'people', label: 'People', singular: 'Person', kind: 'entity', description: 'Experts, officials and cosmonauts named in the dossier.' },
  {
    name: 'organizations',
    label: 'Organizations',
    singular: 'Organization',
    kind: 'entity',
    description: 'Space agencies, ministries, think tanks, universities and intergovernmental bodies.',
  },
  {
    name: 'countries',
    label: 'Countries',
    singular: 'Country',
    kind: 'entity',
    description: 'States that take part in, lead or compete with the programmes covered here.',
  },
  {
    name: 'programmes',
    label: 'Programmes',
    singular: 'Programme',
    kind: 'entity',
    description: 'Long-running space programmes and frameworks such as Artemis and the Belt and Road space corridor.',
  },
  { name: 'missions', label: 'Missions', singular: 'Mission', kind: 'entity', description: 'Individual launches and spacecraft, from Sputnik 1 to Chang’e-8.' },
  { name: 'events', label: 'Events', singular: 'Event', kind: 'entity', description: 'Dated agreements, statements, summits and launches, in order.' },
  { name: 'places', label: 'Places', singular: 'Place', kind: 'entity', description: 'Spaceports, test sites, regions and cities.' },
  {
    name: 'sources',
    label: 'Sources',
    singular: 'Source',
    kind: 'entity',
    description: 'The articles, reports and statements every fact on this site is traced to.',
  },
] as const satisfies readonly CollectionInfo[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];

export const COLLECTION_NAMES: CollectionName[] = COLLECTIONS.map((c) => c.name);

type TopicInfo = Extract<(typeof COLLECTIONS)[number], { kind: 'topic' }>;

/** The topic collections, whose pages say when they were last checked. */
export const TOPIC_COLLECTIONS = COLLECTIONS.filter((c): c is TopicInfo => c.kind === 'topic').map((c) => c.name);

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as string[]).includes(name);
}

export type CollectionInfoOf = (typeof COLLECTIONS)[number];

export function getCollectionInfo(name: string): CollectionInfoOf {
  const info = COLLECTIONS.find((c) => c.name === name);
  if (!info) throw new Error(`Unknown collection "${name}".`);
  return info;
}
