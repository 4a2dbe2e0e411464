/**
 * A digest of the schema sources, for the guide's cache key. Apart from src/fs/schema-docs-fs.ts, which reads the same
 * files with the TypeScript compiler: a build that copies the guide from the last one never loads the compiler.
 */
import { getCodeDigest } from './code-digest-fs.ts';

/** Where the schemas are, from the project's root. */
export const SCHEMA_DIR = 'src/schemas';

/** A digest of what `readSchemaDocs` reads: the schema sources (comments included, which bundled code drops). */
export function getSchemaDocsDigest(root: string): string {
  return getCodeDigest(root, [SCHEMA_DIR], []);
}
