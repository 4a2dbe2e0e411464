/**
 * The fields of a collection's schema as plain data: name, type, whether an author must
 * write it, its default and its description. Read from the Zod schemas themselves (and the
 * registries of `src/schemas/`: dates, references, facts), so the guide, the skeletons of
 * `npm run new` and the content report cannot disagree with what the build checks.
 * Pure.
 */
import { z } from 'astro/zod';
import { dateSchemas, factSchemas, volatileSchemas, type VolatileMeta } from '../schemas/fields.ts';
import { referenceSchemas } from '../schemas/references.ts';
import type { CollectionName } from './collections.ts';
import { getDoc, type DocTree } from './doc-tree.ts';

export type FieldType =
  | { kind: 'text'; minLength: number | undefined; pattern: RegExp | undefined }
  | { kind: 'number'; integer: boolean; min: number | undefined; max: number | undefined }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'url' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'reference'; collection: CollectionName | 'any' }
  | { kind: 'list'; of: FieldType; minItems: number | undefined }
  | { kind: 'object'; fields: FieldInfo[] }
  | { kind: 'other' };

export interface FieldInfo {
  name: string;
  /** Field names from the top of the frontmatter; a list's element adds no name (`quotes.text`). */
  path: string[];
  /** An author must write it: it has neither a default nor `.optional()`. */
  required: boolean;
  /** The value used when the field is left out, for fields with a default. */
  defaultValue: unknown;
  hasDefault: boolean;
  /** The field's one-line JSDoc in `src/schemas/`. */
  doc: string | undefined;
  /** Its row label in the facts panel, for a fact. */
  factLabel: string | undefined;
  /** For a volatile fact (or a list of them): what changes and where its as-of date is. */
  volatile: VolatileMeta | undefined;
  type: FieldType;
}

type AnySchema = z.core.$ZodType;

function defOf(schema: AnySchema): z.core.$ZodTypeDef & Record<string, unknown> {
  return schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
}

/** `.optional()`, `.default()`, `.nullable()` peeled off, with what they said. */
function peel(schema: AnySchema): { inner: AnySchema; optional: boolean; hasDefault: boolean; defaultValue: unknown; layers: AnySchema[] } {
  let inner = schema;
  let optional = false;
  let hasDefault = false;
  let defaultValue: unknown;
  const layers: AnySchema[] = [schema];
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional' || def.type === 'nullable') optional ||= def.type === 'optional';
    else if (def.type === 'default' || def.type === 'prefault') {
      if (!hasDefault) defaultValue = def.defaultValue;
      hasDefault = true;
    } else break;
    inner = def.innerType as AnySchema;
    layers.push(inner);
  }
  return { inner, optional, hasDefault, defaultValue, layers };
}

/** The definitions of a schema's checks (`.min(1)`, `.regex(…)`). */
function checksOf(schema: AnySchema): Record<string, unknown>[] {
  const checks = (defOf(schema).checks ?? []) as z.core.$ZodCheck[];
  return checks.map((c) => c._zod.def as unknown as Record<string, unknown>);
}

function minLengthOf(schema: AnySchema): number | undefined {
  const found = checksOf(schema).filter((c) => c.check === 'min_length');
  return found.length > 0 ? Math.max(...found.map((c) => c.minimum as number)) : undefined;
}

function typeOf(schema: AnySchema, docs: DocTree | undefined, path: string[]): FieldType {
  if (dateSchemas.has(schema)) return { kind: 'date' };
  const reference = referenceSchemas.get(schema);
  if (reference) return { kind: 'reference', collection: reference.collection };
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      if (def.format === 'url') return { kind: 'url' };
      const regex = checksOf(schema).find((c) => c.check === 'string_format' && c.format === 'regex');
      return { kind: 'text', minLength: minLengthOf(schema), pattern: regex?.pattern as RegExp | undefined };
    }
    case 'number': {
      const number = schema as z.ZodNumber;
      // `.int()` bounds a number by the safe integers: no bound an author needs to read.
      const finite = (n: number | null) => (n !== null && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
      return { kind: 'number', integer: number.format === 'safeint' || number.format === 'int32', min: finite(number.minValue), max: finite(number.maxValue) };
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'enum', values: Object.values(def.entries as Record<string, string>) };
    case 'array': {
      const element = peel(def.element as AnySchema).inner;
      return { kind: 'list', of: typeOf(element, docs, path), minItems: minLengthOf(schema) };
    }
    case 'object':
      return { kind: 'object', fields: getFields(schema, docs, path) };
    case 'pipe':
      return typeOf(def.in as AnySchema, docs, path);
    default:
      return { kind: 'other' };
  }
}

/** The fields of an object schema, in the order of the schema, nested objects included. */
export function getFields(schema: AnySchema, docs?: DocTree, path: string[] = []): FieldInfo[] {
  const object = peel(schema).inner;
  const shape = defOf(object).shape as Record<string, AnySchema> | undefined;
  if (!shape) return [];
  return Object.entries(shape).map(([name, field]) => {
    const { inner, optional, hasDefault, defaultValue, layers } = peel(field);
    const fieldPath = [...path, name];
    const fact = layers.map((layer) => factSchemas.get(layer)).find(Boolean);
    const element = defOf(inner).type === 'array' ? peel(defOf(inner).element as AnySchema).layers : [];
    const volatile = [...layers, ...element].map((layer) => volatileSchemas.get(layer)).find(Boolean);
    return {
      name,
      path: fieldPath,
      required: !optional && !hasDefault,
      hasDefault,
      defaultValue,
      doc: getDoc(docs, fieldPath),
      factLabel: fact?.label,
      volatile,
      type: typeOf(inner, docs, fieldPath),
    };
  });
}

/** Every field, nested ones after their parent, as a flat list. */
export function flattenFields(fields: FieldInfo[]): FieldInfo[] {
  return fields.flatMap((f) => [f, ...flattenFields(nestedFields(f.type))]);
}

/** The fields inside an object or a list of objects. */
export function nestedFields(type: FieldType): FieldInfo[] {
  if (type.kind === 'object') return type.fields;
  if (type.kind === 'list') return nestedFields(type.of);
  return [];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The type as an author reads it: "date (YYYY-MM-DD)", "list of source ids, at least 1". */
export function describeType(type: FieldType): string {
  switch (type.kind) {
    case 'text':
      return type.pattern ? `text matching /${type.pattern.source}/` : type.minLength ? 'text, not empty' : 'text';
    case 'number': {
      const range = type.min !== undefined && type.max !== undefined ? ` from ${type.min} to ${type.max}` : '';
      return `${type.integer ? 'whole number' : 'number'}${range}`;
    }
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'date (YYYY-MM-DD)';
    case 'url':
      return 'https:// URL';
    case 'enum':
      return `one of ${type.values.map((v) => `"${v}"`).join(', ')}`;
    case 'reference':
      return type.collection === 'any' ? 'collection/id of an entry' : `id of an entry of ${type.collection}`;
    case 'list': {
      const of =
        type.of.kind === 'object'
          ? 'objects'
          : type.of.kind === 'reference'
            ? type.of.collection === 'any'
              ? 'collection/id of entries'
              : `ids of entries of ${type.of.collection}`
            : type.of.kind === 'text'
              ? 'text items'
              : `${describeType(type.of)} items`;
      return `list of ${of}${type.minItems ? `, at least ${plural(type.minItems, 'item', 'items')}` : ''}`;
    }
    case 'object':
      return 'object';
    default:
      return 'value';
  }
}
