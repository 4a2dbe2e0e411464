/**
 * The site's link graph, built once: for each entry, what it links to and what links to
 * it, from body links and frontmatter references alike. One pass over all entries; a page
 * reads its backlinks from a map, never by scanning the other pages.
 */
import { entryToKey, type EntryKey } from './urls.ts';

export interface GraphNode extends EntryKey {
  /** The entry's validated frontmatter; every `{ collection, id }` inside is a reference. */
  data: unknown;
  /** Targets of the links in the entry's body. */
  bodyLinks: EntryKey[];
}

export interface LinkGraph {
  /** `collection/id` → keys it links to (deduplicated, in first-seen order). */
  outgoing: Map<string, string[]>;
  /** `collection/id` → keys that link to it (deduplicated, sorted). */
  incoming: Map<string, string[]>;
}

function isEntryKey(value: unknown): value is EntryKey {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EntryKey).collection === 'string' &&
    typeof (value as EntryKey).id === 'string' &&
    Object.keys(value).length === 2
  );
}

/** Every `{ collection, id }` reference found anywhere in frontmatter data. */
export function getReferences(data: unknown, found: EntryKey[] = []): EntryKey[] {
  if (isEntryKey(data)) found.push(data);
  else if (Array.isArray(data)) for (const item of data) getReferences(item, found);
  else if (data && typeof data === 'object' && !(data instanceof Date)) {
    for (const value of Object.values(data)) getReferences(value, found);
  }
  return found;
}

export function buildLinkGraph(nodes: GraphNode[]): LinkGraph {
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, Set<string>>();
  for (const node of nodes) incoming.set(entryToKey(node), new Set());
  for (const node of nodes) {
    const from = entryToKey(node);
    const targets = new Set<string>();
    for (const target of [...node.bodyLinks, ...getReferences(node.data)]) {
      const to = entryToKey(target);
      if (to === from) continue;
      targets.add(to);
      incoming.get(to)?.add(from);
    }
    outgoing.set(from, [...targets]);
  }
  return {
    outgoing,
    incoming: new Map([...incoming].map(([key, set]) => [key, [...set].sort()])),
  };
}
