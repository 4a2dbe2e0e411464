/**
 * The skeleton of a new entry (`npm run new -- <collection> <id>`): every field an author
 * must write, with a value that passes the checks, each under its description; the other
 * fields listed in a comment. Derived from the collection's schema, so a new field or
 * rule reaches the skeletons without anyone editing them. Pure.
 */
import { Document, isMap, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from './collections.ts';
import type { EntryFormat } from './content-model.ts';
import { suggest } from './errors.ts';
import { describeType, type FieldInfo, type FieldType } from './schema-fields.ts';
import { ID_PATTERN, toKebabId } from './urls.ts';
import { SCHEMAS } from '../schemas/index.ts';

export interface SkeletonInput {
  collection: CollectionName;
  id: string;
  format: EntryFormat;
  /** The collection's fields, with their descriptions (see `getFields`). */
  fields: FieldInfo[];
  /** Existing entry ids of a collection, sorted: references point at the first one. */
  idsOf: (collection: CollectionName) => readonly string[];
  /** Today, YYYY-MM-DD: dates default to it. */
  today: string;
}

export interface Skeleton {
  /** The file's text. */
  text: string;
  /** What the author has to replace, one line each. */
  todo: string[];
}

type Refusal = { ok: false; message: string; hint: string };

/** Whether `collection` and `id` can name a new entry; `existing` holds `collection/id` of every entry. */
export function checkNewEntry(collection: string, id: string, existing: ReadonlySet<string>): { ok: true; collection: CollectionName } | Refusal {
  if (!isCollectionName(collection)) {
    const near = suggest(collection, COLLECTION_NAMES);
    return {
      ok: false,
      message: `Unknown collection "${collection}".`,
      hint: near ? `Did you mean "${near}"? npm run new -- --list lists them all.` : `Use one of: ${COLLECTION_NAMES.join(', ')}.`,
    };
  }
  if (!ID_PATTERN.test(id)) {
    const kebab = toKebabId(id);
    return {
      ok: false,
      message: `Unexpected id "${id}", expected a lowercase kebab-case id (letters a-z, digits, single hyphens).`,
      hint: kebab ? `Did you mean "${kebab}"? npm run new -- ${collection} ${kebab}` : 'Write the id in Latin letters and digits, e.g. "jane-doe".',
    };
  }
  if (existing.has(`${collection}/${id}`)) {
    return {
      ok: false,
      message: `An entry "${collection}/${id}" already exists.`,
      hint: `Edit that entry, or choose another id, e.g. "${id}-2".`,
    };
  }
  return { ok: true, collection };
}

/** `2026-12-01-gateway-agreement` → `Gateway agreement`; events begin with their date. */
function idToTitle(id: string): string {
  const words = id.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface Context {
  input: SkeletonInput;
  todo: string[];
}

/** The first existing entry of `collection`, or a placeholder id to be created (noted in `todo`). */
function pickId(collection: CollectionName, field: FieldInfo, ctx: Context): string {
  const first = ctx.input.idsOf(collection)[0];
  ctx.todo.push(
    first
      ? `${field.path.join('.')}: replace "${first}" with the right entry of ${collection}.`
      : `${field.path.join('.')}: create content/${collection}/todo-${collection}.mdx or name an existing entry.`,
  );
  return first ?? `todo-${collection}`;
}

/** The first existing entry of any collection, as `collection/id`. */
function pickKey(field: FieldInfo, ctx: Context): string {
  for (const collection of COLLECTION_NAMES) {
    const first = ctx.input.idsOf(collection)[0];
    if (first && !(collection === ctx.input.collection && first === ctx.input.id)) {
      ctx.todo.push(`${field.path.join('.')}: replace "${collection}/${first}" with the right entries.`);
      return `${collection}/${first}`;
    }
  }
  return `${ctx.input.collection}/${ctx.input.id}`;
}

/** A value of `type` that the schema accepts, for the field `field`. */
function valueOf(type: FieldType, field: FieldInfo, ctx: Context, attempt: number): unknown {
  switch (type.kind) {
    case 'text': {
      if (field.name === 'title') {
        ctx.todo.push(`title: check "${idToTitle(ctx.input.id)}".`);
        return idToTitle(ctx.input.id);
      }
      // A pattern ("two capital letters") refuses the TODO text: its next try is a neutral value of the usual shapes.
      const tries = [`TODO: ${field.doc?.replace(/\.$/, '') ?? field.name}`, 'XX', 'todo'];
      ctx.todo.push(`${field.path.join('.')}: ${attempt === 0 ? 'write it' : `replace "${tries[Math.min(attempt, tries.length - 1)]}"`}.`);
      return tries[Math.min(attempt, tries.length - 1)];
    }
    case 'number':
      return type.min !== undefined && type.min > 0 ? type.min : 0;
    case 'boolean':
      return false;
    case 'date':
      return ctx.input.today;
    case 'url':
      ctx.todo.push(`${field.path.join('.')}: the address of the original.`);
      return 'https://example.org/';
    case 'enum':
      ctx.todo.push(`${field.path.join('.')}: one of ${type.values.join(', ')}.`);
      return type.values[0];
    case 'reference':
      return type.collection === 'any' ? pickKey(field, ctx) : pickId(type.collection, field, ctx);
    case 'list':
      return Array.from({ length: Math.max(1, type.minItems ?? 1) }, () => valueOf(type.of, field, ctx, attempt));
    case 'object':
      return objectOf(type.fields, ctx, new Map());
    default:
      return null;
  }
}

function objectOf(fields: FieldInfo[], ctx: Context, attempts: Map<string, number>, extra: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const key = field.path.join('.');
    if (field.required || extra.has(key)) data[field.name] = valueOf(field.type, field, ctx, attempts.get(key) ?? 0);
  }
  return data;
}

/** The top-level field an issue's path points into. */
function fieldAt(fields: FieldInfo[], path: readonly PropertyKey[]): FieldInfo | undefined {
  return fields.find((f) => f.name === path[0]);
}

/** The frontmatter data: required fields, plus what the schema's own rules ask for (a mission's operator). */
function makeData(input: SkeletonInput, todo: string[]): Record<string, unknown> {
  const attempts = new Map<string, number>();
  const extra = new Set<string>();
  // The page's last-checked date is worth writing even where it may be left out: the staleness report reads it.
  if (input.fields.some((f) => f.name === 'updated')) extra.add('updated');
  for (let round = 0; round < 8; round++) {
    const ctx: Context = { input, todo: [] };
    const data = objectOf(input.fields, ctx, attempts, extra);
    const result = SCHEMAS[input.collection].safeParse(data);
    if (result.success) {
      todo.push(...new Set(ctx.todo));
      return data;
    }
    for (const issue of result.error.issues) {
      const field = fieldAt(input.fields, issue.path);
      if (!field) continue;
      const key = field.path.join('.');
      if (!(field.name in data)) extra.add(key);
      else attempts.set(key, (attempts.get(key) ?? 0) + 1);
    }
  }
  throw new Error(`No valid skeleton for ${input.collection}: ${JSON.stringify(SCHEMAS[input.collection].safeParse({}).error?.issues)}`);
}

/** `# ` comments in YAML: one line each, so a long description wraps in no editor's way. */
function comment(text: string): string {
  return ` ${text}`;
}

function describeField(field: FieldInfo): string {
  return `${field.doc ?? field.name} (${describeType(field.type)}${field.required ? '' : ', optional'})`;
}

/** Puts each field's description above it, nested fields included. */
function annotate(node: YAMLMap | YAMLSeq | unknown, fields: FieldInfo[]): void {
  if (isSeq(node)) {
    for (const item of node.items) annotate(item, fields);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items as Pair[]) {
    const name = String((pair.key as { value?: unknown }).value ?? pair.key);
    const field = fields.find((f) => f.name === name);
    if (!field) continue;
    (pair.key as { commentBefore?: string }).commentBefore = comment(describeField(field));
    const inner = field.type.kind === 'object' ? field.type.fields : field.type.kind === 'list' && field.type.of.kind === 'object' ? field.type.of.fields : [];
    if (inner.length > 0) annotate(pair.value, inner);
  }
}

/** The new entry's file. */
export function makeSkeleton(input: SkeletonInput): Skeleton {
  const todo: string[] = [];
  const data = makeData(input, todo);
  const doc = new Document(data);
  annotate(doc.contents, input.fields);
  const left = input.fields.filter((f) => !(f.name in data));
  if (left.length > 0) {
    doc.comment = ['Optional fields (see /guide/):', ...left.map((f) => `  ${f.name}: ${describeField(f)}`)].map(comment).join('\n');
  }
  const yaml = doc.toString({ lineWidth: 0 });
  if (input.format === 'yaml') return { text: yaml, todo };
  const source = (data.sources as string[] | undefined)?.[0];
  const body = [
    'TODO: write the entry in your own words, linking the entries it names with cross-links and citing every fact with a footnote.' + (source ? '[^1]' : ''),
    ...(source ? ['', `[^1]: [[sources/${source}]], as of ${input.today}.`] : []),
  ];
  todo.push('the body: write it.');
  return { text: `---\n${yaml}---\n\n${body.join('\n')}\n`, todo };
}

/** The format new entries of a collection get: that of most of its entries, else MDX (YAML for data collections). */
export function getNewEntryFormat(collection: CollectionName, formats: readonly EntryFormat[]): EntryFormat {
  const counts = new Map<EntryFormat, number>();
  for (const f of formats) counts.set(f, (counts.get(f) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (best) return best[0];
  return 'title' in SCHEMAS[collection].shape && !('sources' in SCHEMAS[collection].shape) ? 'yaml' : 'mdx';
}
