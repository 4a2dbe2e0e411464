/**
 * Reads the schema sources of `src/schemas/` for their field descriptions (see
 * src/lib/schema-docs.ts), and pairs them with each collection's runtime schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionName } from '../lib/collections.ts';
import type { DocTree } from '../lib/doc-tree.ts';
import { getSchemaDocs } from '../lib/schema-docs.ts';
import { SCHEMA_DIR } from './schema-digest-fs.ts';
import { getFields, type FieldInfo } from '../lib/schema-fields.ts';
import { SCHEMAS } from '../schemas/index.ts';

/** Each collection's field descriptions, read from `<root>/src/schemas/*.ts`. */
export function readSchemaDocs(root: string): Record<string, DocTree> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(root, SCHEMA_DIR))) {
    if (name.endsWith('.ts')) files[`${SCHEMA_DIR}/${name}`] = readFileSync(join(root, SCHEMA_DIR, name), 'utf8');
  }
  return getSchemaDocs(files, { file: `${SCHEMA_DIR}/index.ts`, name: 'SCHEMAS' });
}

/** Each collection's fields, with their descriptions. */
export function readCollectionFields(root: string): Record<CollectionName, FieldInfo[]> {
  const docs = readSchemaDocs(root);
  return Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, getFields(schema, docs[name])])) as Record<CollectionName, FieldInfo[]>;
}
