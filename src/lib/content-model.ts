/**
 * The content model: every entry of `content/`, read, parsed and checked once
 * (by `src/fs/content-model-fs.ts`), with what the rest of the engine derives from it.
 * Pure: no file system, no Astro virtual modules. The loader hands it to Astro's content
 * layer; the checks, the link graph and the tests read it directly.
 */
import type { z } from 'astro/zod';
import type { CollectionName } from './collections.ts';
import type { Problem } from './errors.ts';
import type { LinkGraph } from './link-graph.ts';
import type { EntryKey } from './urls.ts';
import type { SCHEMAS } from '../schemas/index.ts';

/** The validated frontmatter of an entry of collection `C`, as its schema outputs it. */
export type EntryData<C extends CollectionName = CollectionName> = z.output<(typeof SCHEMAS)[C]>;

/** A `[[collection/id#anchor|label]]` cross-link or a link found in a body (Markdown, raw HTML or JSX). */
export interface BodyLink {
  kind: 'cross-link' | 'unclosed-cross-link' | 'markdown-link' | 'external-link';
  /** The text as written: `[[ilrs/overview|the ILRS]]` or the link's URL. */
  raw: string;
  line: number;
  column: number;
}

export type EntryFormat = 'mdx' | 'md' | 'yaml';

export interface ModelEntry<C extends CollectionName = CollectionName> extends EntryKey {
  collection: C;
  /** Path relative to the project root, e.g. `content/ilrs/overview.mdx`. */
  file: string;
  absolutePath: string;
  format: EntryFormat;
  /** Hash of the file's bytes: what caches are keyed by. */
  digest: string;
  /** The frontmatter as written (YAML parsed, not yet validated). */
  raw: Record<string, unknown>;
  /** The frontmatter as the schema outputs it; undefined when it failed the schema. */
  data: EntryData<C> | undefined;
  /** The title as written, or the id when there is none. */
  title: string;
  /** The Markdown body after the frontmatter ('' for YAML entries). */
  body: string;
  /** Ids of the headings of the body, in order, as they are rendered. */
  headings: string[];
  links: BodyLink[];
  /** An MDX body with imports, JSX, expressions or comments: rendered by Astro's MDX compiler, not as Markdown. */
  usesMdx: boolean;
  /** Line of each frontmatter field, by dotted path (`quotes.0.text`), for error messages. */
  fieldLines: Map<string, number>;
}

/** An entry whose frontmatter passed its schema. */
export type ValidEntry<C extends CollectionName = CollectionName> = ModelEntry<C> & { data: EntryData<C> };

export interface ContentModel {
  root: string;
  contentDir: string;
  /** Entries by `collection/id`. */
  entries: Map<string, ModelEntry>;
  /** Entries by absolute file path. */
  byPath: Map<string, ModelEntry>;
  /** Every problem found: reading, schemas, references, links. The build refuses any. */
  problems: Problem[];
  /** Links between entries, from body links and frontmatter references; empty when there are problems. */
  graph: LinkGraph;
}

/** Matches one cross-link; the inner text is parsed by `parseCrossLink`. */
export const CROSS_LINK = /\[\[([^\[\]\n]+?)\]\]/g;

export interface ParsedCrossLink {
  collection: string;
  id: string;
  anchor?: string | undefined;
  label?: string | undefined;
}

/** Parses the inside of `[[…]]`; undefined when it is not `collection/id[#anchor][|label]`. */
export function parseCrossLink(inner: string): ParsedCrossLink | undefined {
  const m = inner.match(/^\s*([^/#|\s]+)\/([^/#|\s]+)(?:#([^|\s]+))?\s*(?:\|([^|]*))?$/);
  if (!m) return undefined;
  const label = m[4]?.trim();
  return { collection: m[1]!, id: m[2]!, anchor: m[3], label: label || undefined };
}

/** The line of a field, or of its nearest ancestor that has one. */
export function getFieldLine(entry: Pick<ModelEntry, 'fieldLines'>, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const line = entry.fieldLines.get(path.slice(0, n).map(String).join('.'));
    if (line) return line;
  }
  return undefined;
}

export function isValidEntry<C extends CollectionName>(entry: ModelEntry<C>): entry is ValidEntry<C> {
  return entry.data !== undefined;
}
