/**
 * What an entry page is made of, for incremental builds: the page renders from its own
 * entry (its data and rendered body: the store's digest) and from the data of the entries one
 * link away (titles of its cross-links and references, its sources, backlinks and neighbours:
 * a digest of their data, not of their bodies, which no other page shows). Any change to one of
 * them, or to which entries they are, re-renders it; the page's code is tracked by Astro itself.
 * So a retitled entry re-renders the pages that link to it or that it links to, and stops there:
 * their bodies render again with the new label, which changes their own pages, not their
 * neighbours'. A body that imports a component (the figures that gather many entries, such as
 * the ILRS members map) may show any entry, so such a page depends on every entry.
 *
 * The sidebar shows titles of entries further away (its collection, or a window of it), so the
 * key also holds exactly the sidebar's data: a retitled, added or regrouped entry re-renders
 * the pages whose sidebar lists it, and a body edit re-renders none of them.
 */
import { createHash } from 'node:crypto';
import { getSidebar } from './sidebar.ts';
import type { SiteData, SiteEntry } from './site-data.ts';
import { entryToKey } from './urls.ts';

/** An MDX `import` of one of the project's components. */
const IMPORTS_COMPONENT = /^import\s[^\n]*\bsrc\/components\//m;

const dataDigests = new WeakMap<SiteEntry, string>();

/** A digest of an entry's data (its validated frontmatter), once per entry object. */
function dataDigest(entry: SiteEntry): string {
  let digest = dataDigests.get(entry);
  if (digest === undefined) dataDigests.set(entry, (digest = createHash('sha256').update(JSON.stringify(entry.data)).digest('hex').slice(0, 16)));
  return digest;
}

/** The keys and digests of everything an entry page shows, in a stable order. */
export function getPageInputs(entry: SiteEntry, site: SiteData): string[] {
  const key = entryToKey(entry);
  const siblings: SiteEntry[] = site.byCollection[entry.collection];
  const position = siblings.findIndex((e) => e.id === entry.id);
  const neighbours = [siblings[position - 1], siblings[position + 1]].map((e) => (e ? entryToKey(e) : '-'));
  const linked = [...new Set([...(site.graph.outgoing.get(key) ?? []), ...(site.graph.incoming.get(key) ?? [])])].sort();
  const digest = (k: string) => `${k}@${site.digests.get(k) ?? 'missing'}`;
  const shown = (k: string) => {
    const other = site.byKey.get(k);
    return `${k}:${other ? dataDigest(other) : 'missing'}`;
  };
  const inputs = [
    digest(key),
    `neighbours:${neighbours.join(',')}`,
    ...neighbours.filter((k) => k !== '-').map(shown),
    ...linked.map(shown),
    `sidebar:${JSON.stringify(getSidebar(entry.collection, entry.id, site))}`,
  ];
  if (entry.body !== undefined && IMPORTS_COMPONENT.test(entry.body)) inputs.push(...[...site.digests.keys()].sort().map(digest));
  return inputs;
}
