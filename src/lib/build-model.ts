/**
 * Builds the content model from the files of `content/` (read by src/fs/content-model-fs.ts):
 * parses each file (or takes it from the cache, keyed by the file's digest), validates its
 * frontmatter with its collection's schema, then checks the site as a whole: ids,
 * references, cross-links, anchors and links. Pure: no file system.
 */
import { basename, dirname, extname, join, relative } from 'node:path/posix';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from './collections.ts';
import { ContentErrors, type Problem, suggest } from './errors.ts';
import { buildLinkGraph, type LinkGraph } from './link-graph.ts';
import type { ContentModel, EntryData, EntryFormat, ModelEntry } from './content-model.ts';
import { getFieldLine, isValidEntry, parseCrossLink } from './content-model.ts';
import { headingsToSlugs, parseEntry, type ParsedEntry } from './parse-entry.ts';
import { checkBodyLinks, getBodyTargets } from './resolve-links.ts';
import { issueToProblem, type SchemaIssue } from './schema-errors.ts';
import { entryToKey, ID_PATTERN, toKebabId, type EntryKey } from './urls.ts';
import { getDateFields, getPastDates } from '../schemas/fields.ts';
import { SCHEMAS } from '../schemas/index.ts';

/** The keys of the frontmatter that hold dates, from the schemas. */
export const DATE_FIELDS = getDateFields(Object.values(SCHEMAS));

export const ENTRY_EXTENSIONS: Record<string, EntryFormat> = { '.mdx': 'mdx', '.md': 'md', '.yaml': 'yaml', '.yml': 'yaml' };

/** One file under `content/<collection>/`, as listed and read by the file-system layer. */
export interface ContentFile {
  /** The folder under `content/`. */
  collection: string;
  /** Absolute path, with forward slashes. */
  path: string;
  /** The text; undefined for a folder where a file was expected, or a file that could not be read. */
  source: string | undefined;
  digest: string;
  /** Why the file could not be read (a dangling symbolic link, no permission), if so. */
  unreadable?: string | undefined;
  /** The first line whose bytes are not UTF-8, if any (the text then holds replacement characters): see `decodeUtf8`. */
  invalidUtf8Line?: number | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a file's bytes, and the first line that is not valid UTF-8 if one is not (a
 * decoder that is not strict would replace the bytes with U+FFFD without a word).
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; invalidLine?: number } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    // A newline byte is never part of another character, so each line can be tried alone.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line += 1;
      start = i + 1;
    }
    return { text: new TextDecoder('utf-8').decode(bytes), invalidLine: line };
  }
}

/** What the model is built for. */
export interface ModelOptions {
  /** The day of the build, YYYY-MM-DD: dates of things done may not be after it. By default, see `getBuildDay`. */
  today?: string | undefined;
}

/**
 * Today's date where it is latest: in UTC+14, the first time zone to reach a date. So a date
 * an author writes as their own today is never refused as "in the future", wherever the build runs.
 */
export function getBuildDay(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** Parsed files by digest: a build hands the previous build's cache to skip unchanged files. */
export type ParseCache = Map<string, ParsedEntry>;

/** One file to parse: what `parseFile` needs, and the digest its result is cached under. */
export interface ParseJob {
  digest: string;
  source: string;
  format: EntryFormat;
}

/** Parses one file's text as the model does (the schemas say which fields are dates). */
export function parseFile(job: Omit<ParseJob, 'digest'>): ParsedEntry {
  return parseEntry(job.source, job.format, DATE_FIELDS);
}

/**
 * The readable entry files that `buildContentModel` would parse, not being in the cache: the file-system
 * layer parses them ahead, on several threads, and fills the cache, so that the model takes every file from it.
 */
export function getParseJobs(files: readonly ContentFile[], cache: ParseCache): ParseJob[] {
  const jobs = new Map<string, ParseJob>();
  for (const f of files) {
    const format = ENTRY_EXTENSIONS[extname(f.path)];
    if (!format || f.source === undefined || f.unreadable !== undefined || f.invalidUtf8Line !== undefined) continue;
    if (!cache.has(f.digest) && !jobs.has(f.digest)) jobs.set(f.digest, { digest: f.digest, source: f.source, format });
  }
  return [...jobs.values()];
}

function parseData<C extends CollectionName>(collection: C, raw: unknown): { data?: EntryData<C>; issues: SchemaIssue[] } {
  const result = SCHEMAS[collection].safeParse(raw);
  return result.success ? { data: result.data as EntryData<C>, issues: [] } : { issues: result.error.issues as SchemaIssue[] };
}

/** Every `{ collection, id }` reference in validated data, with the path of the field that holds it. */
function referencesWithPaths(data: unknown, path: (string | number)[] = [], found: { path: (string | number)[]; ref: EntryKey }[] = []) {
  if (Array.isArray(data)) data.forEach((item, i) => referencesWithPaths(item, [...path, i], found));
  else if (data && typeof data === 'object' && !(data instanceof Date)) {
    const keys = Object.keys(data);
    const value = data as Record<string, unknown>;
    if (keys.length === 2 && typeof value.collection === 'string' && typeof value.id === 'string') {
      found.push({ path, ref: { collection: value.collection, id: value.id } });
    } else for (const key of keys) referencesWithPaths(value[key], [...path, key], found);
  }
  return found;
}

function checkReferences(entry: ModelEntry, entries: Map<string, ModelEntry>, idsOf: (c: string) => string[]): Problem[] {
  const problems: Problem[] = [];
  for (const { path, ref } of referencesWithPaths(entry.data)) {
    const place = { file: entry.file, line: getFieldLine(entry, path) };
    if (entryToKey(ref) === entryToKey(entry)) {
      problems.push({ ...place, ...ContentErrors.selfReference(path.join('.'), entryToKey(ref)) });
      continue;
    }
    if (entries.has(entryToKey(ref))) continue;
    problems.push({ ...place, ...ContentErrors.missingReference(path.join('.'), ref.id, ref.collection, suggest(ref.id, idsOf(ref.collection))) });
  }
  return problems;
}

/** Dates of things done (checked, published, said) after the day of the build: they would top the feed until then. */
function checkFutureDates(entry: ModelEntry, today: string): Problem[] {
  if (!entry.data) return [];
  return getPastDates(SCHEMAS[entry.collection], entry.data)
    .map(({ path, date }) => ({ path, day: date.toISOString().slice(0, 10) }))
    .filter(({ day }) => day > today)
    .map(({ path, day }) => ({ file: entry.file, line: getFieldLine(entry, path), ...ContentErrors.futureDate(path.join('.'), day, today) }));
}

/** Each import of an MDX body must be a component of the project: `src/components/*.astro`, by relative path. */
function checkImports(root: string, entry: ModelEntry, parsed: ParsedEntry): Problem[] {
  const components = `${root}/src/components/`;
  return parsed.imports
    .filter(({ source }) => !(/^\.\.?\//.test(source) && source.endsWith('.astro') && join(dirname(entry.absolutePath), source).startsWith(components)))
    .map(({ source, line, column }) => ({ file: entry.file, line, column, ...ContentErrors.blockedImport(source) }));
}

function checkHeadings(entry: ModelEntry, parsed: ParsedEntry): Problem[] {
  return parsed.headings.flatMap((h) =>
    h.crossLinks
      .filter((inner) => !parseCrossLink(inner)?.label)
      .map((inner) => ({
        file: entry.file,
        ...ContentErrors.unlabelledCrossLinkInHeading(`[[${inner}]]`),
        line: parsed.links.find((l) => l.raw === `[[${inner}]]`)?.line,
      })),
  );
}

export function buildContentModel(
  root: string,
  contentDir: string,
  files: readonly ContentFile[],
  cache: ParseCache = new Map(),
  options: ModelOptions = {},
): ContentModel {
  const today = options.today ?? getBuildDay();
  const problems: Problem[] = [];
  const rel = (path: string) => relative(root, path);
  const entries = new Map<string, ModelEntry>();
  const byPath = new Map<string, ModelEntry>();
  const parsedOf = new Map<ModelEntry, ParsedEntry>();
  const sameKey = new Map<string, string[]>();
  const unknownFolders = new Set<string>();

  for (const f of files) {
    const file = rel(f.path);
    if (!isCollectionName(f.collection)) {
      if (!unknownFolders.has(f.collection)) {
        unknownFolders.add(f.collection);
        problems.push({ file: rel(`${contentDir}/${f.collection}`), ...ContentErrors.unknownFolder(f.collection, suggest(f.collection, COLLECTION_NAMES)) });
      }
      continue;
    }
    if (f.unreadable !== undefined) {
      problems.push({ file, ...ContentErrors.unreadableFile(file, f.unreadable) });
      continue;
    }
    if (f.source === undefined) {
      problems.push({ file, ...ContentErrors.nestedFolder(file, f.collection) });
      continue;
    }
    const ext = extname(f.path);
    const format = ENTRY_EXTENSIONS[ext];
    if (!format) {
      if (ENTRY_EXTENSIONS[ext.toLowerCase()]) problems.push({ file, ...ContentErrors.upperCaseExtension(basename(f.path), ext) });
      else if (!basename(f.path).startsWith('.')) {
        problems.push({ file, ...ContentErrors.unexpectedFileType(ext || basename(f.path), Object.keys(ENTRY_EXTENSIONS)) });
      }
      continue;
    }
    if (f.invalidUtf8Line !== undefined) {
      problems.push({ file, line: f.invalidUtf8Line, ...ContentErrors.invalidUtf8(file) });
      continue;
    }
    const id = basename(f.path, ext);
    if (!ID_PATTERN.test(id)) {
      problems.push({ file, ...ContentErrors.invalidId(basename(f.path), toKebabId(id) + ext) });
      continue;
    }
    let parsed = cache.get(f.digest);
    if (!parsed) {
      parsed = parseFile({ source: f.source, format });
      cache.set(f.digest, parsed);
    }
    for (const p of parsed.problems) problems.push({ file, ...p });
    const entry: ModelEntry = {
      collection: f.collection,
      id,
      file,
      absolutePath: f.path,
      format,
      digest: f.digest,
      raw: parsed.raw,
      data: undefined,
      title: typeof parsed.raw.title === 'string' ? parsed.raw.title : id,
      body: parsed.body,
      headings: headingsToSlugs(parsed.headings),
      links: parsed.links,
      usesMdx: parsed.usesMdx,
      fieldLines: parsed.fieldLines,
    };
    const key = entryToKey(entry);
    sameKey.set(key, [...(sameKey.get(key) ?? []), file]);
    if (!entries.has(key)) entries.set(key, entry);
    byPath.set(entry.absolutePath, entry);
    parsedOf.set(entry, parsed);
  }
  for (const [key, same] of sameKey) {
    if (same.length < 2) continue;
    const [collection, id] = key.split('/') as [string, string];
    for (const file of same)
      problems.push({
        file,
        ...ContentErrors.duplicateId(
          collection,
          id,
          same.filter((f) => f !== file),
        ),
      });
  }

  const ids = new Map<string, string[]>();
  for (const e of entries.values()) ids.set(e.collection, [...(ids.get(e.collection) ?? []), e.id]);
  const idsOf = (c: string) => ids.get(c) ?? [];
  for (const entry of entries.values()) {
    const parsed = parsedOf.get(entry)!;
    problems.push(...checkImports(root, entry, parsed), ...checkHeadings(entry, parsed));
    // Unreadable frontmatter is reported as such; the schema would only add that every field is missing.
    if (!parsed.frontmatterRead) continue;
    const { data, issues } = parseData(entry.collection, entry.raw);
    entry.data = data;
    const fields = Object.keys(SCHEMAS[entry.collection].shape);
    for (const issue of issues) problems.push(issueToProblem(entry, issue, fields));
    problems.push(...checkReferences(entry, entries, idsOf), ...checkFutureDates(entry, today));
  }
  const model: ContentModel = { root, contentDir, entries, byPath, problems, graph: { outgoing: new Map(), incoming: new Map() } };
  problems.push(...checkBodyLinks(model));
  if (problems.length === 0) model.graph = makeGraph(model);
  return model;
}

function makeGraph(model: ContentModel): LinkGraph {
  return buildLinkGraph(
    [...model.entries.values()].filter(isValidEntry).map((e) => ({ collection: e.collection, id: e.id, data: e.data, bodyLinks: getBodyTargets(model, e) })),
  );
}
