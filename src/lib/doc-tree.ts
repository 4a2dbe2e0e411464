/**
 * The field descriptions of a schema as data, and their look-up. Apart from src/lib/schema-docs.ts, which makes them
 * with the TypeScript compiler: the pages that show them (the guide's field tables) do not load the compiler, a third
 * of a second, on the builds that copy the guide from the last one. Pure.
 */

/** Descriptions by field name; `fields` for a field that is an object or a list of objects. */
export type DocTree = Map<string, { doc: string | undefined; fields: DocTree | undefined }>;

/** The description at a path of field names (`['affiliations', 'asOf']`). */
export function getDoc(tree: DocTree | undefined, path: readonly string[]): string | undefined {
  let node = tree;
  let doc: string | undefined;
  for (const name of path) {
    const field = node?.get(name);
    if (!field) return undefined;
    doc = field.doc;
    node = field.fields;
  }
  return doc;
}
