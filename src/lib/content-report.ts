/**
 * The content report of `npm run check`: what the build accepts but an editor should look
 * at. Errors are the content model's problems (the build refuses them); the rest are
 * warnings: orphans, entries that cite no source, sources cited nowhere, aliases shared by
 * two entries, placeholders left by `npm run new`, and staleness.
 *
 * Staleness. A volatile fact is true when written but may stop being true without anyone
 * editing the page: who holds an office, a count, a schedule, a planned launch. Such facts
 * carry an as-of date, and the report lists those older than `maxAgeDays` and those with
 * none:
 * - in frontmatter, the fields marked `volatile()` in src/schemas/ (a current affiliation,
 *   dated by its `asOf`; a mission's status until it is completed or failed), dated by the
 *   field named in the mark or else by the page's `updated`;
 * - in the text, every "as of <date>" (in a sentence or in the footnote that cites its
 *   source) marks a volatile claim and dates it;
 * - a sentence in the present tense about what can change ("currently", "so far", "is still",
 *   "now has", "is planned for"…) is a volatile claim too: it is dated by a date in the
 *   sentence or in the footnotes it cites, and listed when it has none.
 * Pure: the model and the files' text are handed in.
 */
import type { CollectionName } from './collections.ts';
import type { ContentModel, ModelEntry } from './content-model.ts';
import type { Problem } from './errors.ts';
import { getReferences } from './link-graph.ts';
import { getBodyTargets } from './resolve-links.ts';
import type { FieldInfo } from './schema-fields.ts';
import { toSearchName } from './search-name.ts';
import { entryToKey } from './urls.ts';

export interface ReportItem {
  file: string;
  line?: number | undefined;
  /** What is wrong, quoting the text. */
  message: string;
}

export interface ReportSection {
  /** Stable name, for tests and scripts. */
  name: 'orphans' | 'uncited-sources' | 'unsourced' | 'shared-aliases' | 'placeholders' | 'stale' | 'undated';
  title: string;
  /** The fix, said once for the whole section. */
  hint: string;
  items: ReportItem[];
}

export interface ContentReport {
  errors: Problem[];
  sections: ReportSection[];
}

export interface ReportOptions {
  /** As-of dates older than this many days are stale. */
  maxAgeDays: number;
  today: Date;
  /** Each collection's fields (`getFields`), for the volatile ones. */
  fields: Record<CollectionName, FieldInfo[]>;
  /** The text of each file by absolute path, to give body lines their line in the file. */
  sourceOf: (entry: ModelEntry) => string | undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(?:${MONTHS.join('|')})`;
/** A date as the dossier writes one: 29 April 2025, April 2025, 2025-04-29; "as of" also takes a bare year. */
const DATE_TEXT = `(?:\\d{4}-\\d{2}-\\d{2}|(?:\\d{1,2} )?${MONTH} \\d{4})`;
const AS_OF = new RegExp(`\\bas of (?:(?:early|mid|late|the end of|the start of|the beginning of) )?(${DATE_TEXT}|\\d{4})\\b`, 'gi');
const AS_OF_ONE = new RegExp(AS_OF.source, 'i');
const ANY_DATE = new RegExp(`\\b${DATE_TEXT}\\b`, 'gi');

/**
 * Words that put a changeable fact in the present: "currently", "so far", "is still", "now has",
 * "is planned for". Past-tense narration ("was still pending in 2025") does not match.
 */
export const PRESENT_TENSE =
  /\b(currently|at present|presently|to date|so far|as yet|for now|nowadays|(?:is|are|has|have|remains?) (?:still|now)|still (?:is|are|has|have|holds?|runs?|leads?|serves?)|now (?:has|have|is|are|holds?|runs?|leads?|intends?|serves?)|(?:is|are) (?:planned|scheduled|expected|due) (?:for|to|in))\b/i;

/** The last day a date text can mean: "April 2025" → 30 April 2025, "2025" → 31 December 2025. */
export function parseDateText(text: string): Date | undefined {
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (iso) return new Date(Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!));
  const m = text.toLowerCase().match(new RegExp(`^(?:(\\d{1,2}) )?(?:(${MONTH}) )?(\\d{4})$`));
  if (!m) return undefined;
  const year = +m[3]!;
  const month = m[2] ? MONTHS.indexOf(m[2]) : 11;
  const day = m[1] ? +m[1] : new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, day));
}

function ageInDays(date: Date, today: Date): number {
  return Math.floor((today.getTime() - date.getTime()) / 86_400_000);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function latest(dates: (Date | undefined)[]): Date | undefined {
  return dates.filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
}

interface BodyLine {
  text: string;
  line: number;
}

/** The body's lines with their line in the file, outside fenced code. */
function bodyLines(entry: ModelEntry, source: string | undefined): BodyLine[] {
  const lines = entry.body.split('\n');
  const offset = source ? source.split('\n').length - lines.length : 0;
  const out: BodyLine[] = [];
  let fenced = false;
  lines.forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    else if (!fenced) out.push({ text, line: offset + i + 1 });
  });
  return out;
}

/** Sentences of a line: split after . ! ? (and the footnote marks that follow them). */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?](?:\[\^[^\]\s]+\])*)\s+(?=[A-Z[*])/);
}

function footnoteRefs(sentence: string): string[] {
  return [...sentence.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].map((m) => m[1]!);
}

/** Volatile facts in the frontmatter: each with its date, or none. */
function frontmatterFacts(entry: ModelEntry, fields: FieldInfo[]): { line: number | undefined; what: string; date: Date | undefined }[] {
  const data = entry.data as Record<string, unknown> | undefined;
  if (!data) return [];
  const updated = data.updated instanceof Date ? data.updated : undefined;
  const found: { line: number | undefined; what: string; date: Date | undefined }[] = [];
  for (const field of fields) {
    const meta = field.volatile;
    if (!meta) continue;
    const value = data[field.name];
    const check = (item: unknown, path: string) => {
      if (item === undefined || meta.settled?.includes(item)) return;
      const record = item && typeof item === 'object' && !(item instanceof Date) ? (item as Record<string, unknown>) : undefined;
      if (meta.settledBy && record?.[meta.settledBy] === true) return;
      const own = meta.asOf ? (record ? record[meta.asOf] : data[meta.asOf]) : undefined;
      const date = own instanceof Date ? own : updated;
      const label = `${meta.what} "${shorten(record && typeof record.role === 'string' ? record.role : String(item))}"`;
      found.push({ line: entry.fieldLines.get(path), what: label, date });
    };
    if (Array.isArray(value)) value.forEach((item, i) => check(item, `${field.name}.${i}`));
    else check(value, field.name);
  }
  return found;
}

export function makeContentReport(model: ContentModel, options: ReportOptions): ContentReport {
  const { maxAgeDays, today } = options;
  const entries = [...model.entries.values()];
  const section = (name: ReportSection['name'], title: string, hint: string): ReportSection => ({ name, title, hint, items: [] });
  const orphans = section(
    'orphans',
    'Orphans: no other entry links to them',
    'Link each from a page it belongs with ([[collection/id]]) or list it in one’s related.',
  );
  const uncited = section('uncited-sources', 'Sources cited nowhere', 'Cite each where its facts are used (a footnote [^n]: [[sources/id]]), or remove it.');
  const unsourced = section(
    'unsourced',
    'Entries without sources in their text',
    'Cite each fact with a footnote that links its source, and list every cited source in sources.',
  );
  const aliases = section('shared-aliases', 'Aliases shared by two entries', 'Keep a name on the entry it names best; search can put only one first.');
  const placeholders = section('placeholders', 'Placeholders left from npm run new', 'Replace each TODO with the real text.');
  const stale = section(
    'stale',
    `Volatile facts older than ${maxAgeDays} days`,
    'Check each against a newer source and update its as-of date (the text’s "as of <date>", an affiliation’s asOf, the page’s updated).',
  );
  const undated = section(
    'undated',
    'Volatile facts without a date',
    'Say when it was true: "as of <date>" in the sentence or in its footnote, or asOf/updated in the frontmatter.',
  );
  const sections = [orphans, uncited, unsourced, aliases, placeholders, stale, undated];
  if (model.problems.length > 0) return { errors: model.problems, sections };

  const citedSources = new Set<string>();
  const names = new Map<string, { entry: ModelEntry; alias: string }[]>();
  for (const entry of entries) {
    const key = entryToKey(entry);
    const data = entry.data as Record<string, unknown> | undefined;
    for (const ref of getReferences(entry.data)) if (ref.collection === 'sources') citedSources.add(ref.id);
    const bodyTargets = getBodyTargets(model, entry);
    for (const t of bodyTargets) if (t.collection === 'sources') citedSources.add(t.id);

    if (entry.collection !== 'sources' && (model.graph.incoming.get(key) ?? []).length === 0) orphans.items.push({ file: entry.file, message: key });

    if (entry.collection !== 'sources' && entry.format !== 'yaml') {
      const listed = ((data?.sources as { id: string }[] | undefined) ?? []).map((s) => s.id);
      const quoted = new Set(((data?.quotes as { source: { id: string } }[] | undefined) ?? []).map((q) => q.source.id));
      const cited = new Set(bodyTargets.filter((t) => t.collection === 'sources').map((t) => t.id));
      if (cited.size === 0 && quoted.size === 0) unsourced.items.push({ file: entry.file, message: `${key} cites no source in its text.` });
      for (const id of listed)
        if (!cited.has(id) && !quoted.has(id))
          unsourced.items.push({ file: entry.file, line: entry.fieldLines.get('sources'), message: `lists "${id}" but never cites it.` });
      for (const id of cited) if (!listed.includes(id)) unsourced.items.push({ file: entry.file, message: `cites "${id}" without listing it in sources.` });
    }

    for (const alias of [entry.title, ...((data?.aliases as string[] | undefined) ?? [])]) {
      const name = toSearchName(alias);
      if (!name) continue;
      const list = names.get(name) ?? [];
      if (!list.some((x) => x.entry === entry)) list.push({ entry, alias });
      names.set(name, list);
    }

    const source = options.sourceOf(entry);
    if (source && /\bTODO\b/.test(source)) {
      const line = source.split('\n').findIndex((l) => /\bTODO\b/.test(l)) + 1;
      placeholders.items.push({ file: entry.file, line, message: `${(source.match(/\bTODO\b/g) ?? []).length} TODO left.` });
    }

    for (const fact of frontmatterFacts(entry, options.fields[entry.collection])) {
      if (!fact.date) undated.items.push({ file: entry.file, line: fact.line, message: `${fact.what}: no asOf, and the page has no updated date.` });
      else if (ageInDays(fact.date, today) > maxAgeDays)
        stale.items.push({ file: entry.file, line: fact.line, message: `${fact.what}, as of ${isoDay(fact.date)} (${ageInDays(fact.date, today)} days).` });
    }
    if (entry.format !== 'yaml') checkText(entry, bodyLines(entry, source), { stale, undated, maxAgeDays, today });
  }

  for (const entry of entries)
    if (entry.collection === 'sources' && !citedSources.has(entry.id)) uncited.items.push({ file: entry.file, message: entryToKey(entry) });
  for (const [, list] of names) {
    const others = new Set(list.map((x) => x.entry));
    if (others.size < 2) continue;
    const [first, ...rest] = list;
    aliases.items.push({
      file: first!.entry.file,
      message: `"${first!.alias}" names ${list.map((x) => entryToKey(x.entry)).join(' and ')}${rest.some((x) => x.alias !== first!.alias) ? ` (as ${list.map((x) => `"${x.alias}"`).join(', ')})` : ''}.`,
    });
  }
  return { errors: [], sections };
}

function checkText(entry: ModelEntry, lines: BodyLine[], ctx: { stale: ReportSection; undated: ReportSection; maxAgeDays: number; today: Date }): void {
  const footnotes = new Map<string, string>();
  for (const { text } of lines) {
    const m = text.match(/^\[\^([^\]\s]+)\]:\s*(.*)$/);
    if (m) footnotes.set(m[1]!, m[2]!);
  }
  const tooOld = (date: Date) => ageInDays(date, ctx.today) > ctx.maxAgeDays;
  for (const { text, line } of lines) {
    for (const m of text.matchAll(AS_OF)) {
      const date = parseDateText(m[1]!);
      if (date && tooOld(date)) ctx.stale.items.push({ file: entry.file, line, message: `"${m[0]}" (${ageInDays(date, ctx.today)} days).` });
    }
    if (/^\[\^[^\]\s]+\]:/.test(text)) continue;
    for (const sentence of sentencesOf(text)) {
      const marker = sentence.match(PRESENT_TENSE);
      // A sentence with its own "as of" was dated above.
      if (!marker || AS_OF_ONE.test(sentence)) continue;
      const notes = footnoteRefs(sentence).map((id) => footnotes.get(id) ?? '');
      // Dated by its footnote's "as of": that date is listed above when it is old.
      if (notes.some((n) => AS_OF_ONE.test(n))) continue;
      const date = latest([sentence, ...notes].flatMap((t) => [...t.matchAll(ANY_DATE)].map((d) => parseDateText(d[0]))));
      const quoted = `"${marker[0]}" in "${shorten(sentence)}"`;
      if (!date) ctx.undated.items.push({ file: entry.file, line, message: `${quoted}: no date.` });
      else if (tooOld(date))
        ctx.stale.items.push({ file: entry.file, line, message: `${quoted}, dated ${isoDay(date)} (${ageInDays(date, ctx.today)} days).` });
    }
  }
}

/** Quoted text, cross-links read as their labels, cut to a line. */
function shorten(text: string, max = 90): string {
  const plain = text.replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, '$2').replace(/\[\[([^\]]+)\]\]/g, '$1');
  return plain.length > max ? `${plain.slice(0, max - 3)}…` : plain;
}
