/**
 * JSON Schema for the frontmatter of each collection, from its Zod schema (`z.toJSONSchema`,
 * the input side: what an author writes, before defaults and transforms). Editors read it
 * to complete field names, flag unknown fields and wrong values, and show each field's
 * description on hover. Written to `schemas/` by `npm run schemas`; pure.
 */
import { z } from 'astro/zod';
import { COLLECTION_NAMES, getCollectionInfo, type CollectionName } from './collections.ts';
import type { DocTree } from './doc-tree.ts';
import { getFields, nestedFields, type FieldInfo } from './schema-fields.ts';
import { ID_PATTERN } from './urls.ts';
import { dateSchemas } from '../schemas/fields.ts';
import { referenceSchemas } from '../schemas/references.ts';
import { SCHEMAS } from '../schemas/index.ts';

type JsonSchema = Record<string, unknown>;

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Adds each field's description (and, for references, what they point to) to the generated schema. */
function describe(node: JsonSchema, fields: FieldInfo[]): void {
  const properties = node.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return;
  for (const field of fields) {
    const property = properties[field.name];
    if (!property) continue;
    // An id alone does not say which folder it names: the description does.
    const target = field.type.kind === 'list' ? field.type.of : field.type;
    const points = target.kind === 'reference' && target.collection !== 'any' ? ` An id of content/${target.collection}/.` : '';
    if (field.doc) property.description = field.doc + points;
    const inner = nestedFields(field.type);
    if (inner.length === 0) continue;
    describe(field.type.kind === 'list' ? (property.items as JsonSchema) : property, inner);
  }
}

/** The JSON Schema of one collection's frontmatter. */
export function makeJsonSchema(collection: CollectionName, docs: DocTree | undefined): JsonSchema {
  const schema = SCHEMAS[collection];
  const json = z.toJSONSchema(schema, {
    io: 'input',
    // Draft 7: the draft every YAML language server and editor plugin reads.
    target: 'draft-7',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const replace = (next: JsonSchema) => {
        for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
        Object.assign(jsonSchema, next);
      };
      // A date is written as YYYY-MM-DD; YAML's own Date objects have no JSON form.
      if (dateSchemas.has(zodSchema)) replace({ type: 'string', format: 'date', pattern: DATE_PATTERN });
      const reference = referenceSchemas.get(zodSchema);
      if (reference?.collection === 'any') replace({ type: 'string', pattern: `^(${COLLECTION_NAMES.join('|')})/${ID_PATTERN.source.slice(1, -1)}$` });
    },
  }) as JsonSchema;
  const info = getCollectionInfo(collection);
  describe(json, getFields(schema, docs));
  return {
    $schema: json.$schema,
    $id: `https://orbital-dossier.example/schemas/${collection}.schema.json`,
    title: `${info.label}: frontmatter of content/${collection}/`,
    description: `${info.description} Generated from src/schemas/ by npm run schemas; do not edit.`,
    ...Object.fromEntries(Object.entries(json).filter(([key]) => key !== '$schema')),
  };
}

/** Every collection's JSON Schema, by collection name. */
export function makeJsonSchemas(docs: Record<string, DocTree>): Record<CollectionName, JsonSchema> {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, makeJsonSchema(name, docs[name])])) as Record<CollectionName, JsonSchema>;
}
