/**
 * Writes the JSON Schema of every collection's frontmatter to `schemas/<collection>.schema.json`,
 * generated from the Zod schemas of `src/schemas/` with their field descriptions, formatted as
 * Prettier would. `tests/unit/json-schemas.test.ts` fails when the committed files are stale.
 *
 *   node scripts/json-schemas.ts [--check]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { readSchemaDocs } from '../src/fs/schema-docs-fs.ts';
import { makeJsonSchemas } from '../src/lib/json-schemas.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, 'schemas');

const wanted = new Map<string, string>();
for (const [collection, schema] of Object.entries(makeJsonSchemas(readSchemaDocs(ROOT)))) {
  const file = join(DIR, `${collection}.schema.json`);
  const options = (await prettier.resolveConfig(file)) ?? {};
  wanted.set(`${collection}.schema.json`, await prettier.format(JSON.stringify(schema), { ...options, filepath: file }));
}

const present = (() => {
  try {
    return readdirSync(DIR).filter((f) => f.endsWith('.schema.json'));
  } catch {
    return [];
  }
})();
const stale = [...new Set([...present, ...wanted.keys()])].filter((name) => {
  const text = wanted.get(name);
  try {
    return text !== readFileSync(join(DIR, name), 'utf8');
  } catch {
    return true;
  }
});

if (values.check) {
  if (stale.length > 0) {
    console.error(`Stale JSON Schemas in schemas/: ${stale.join(', ')}. Fix: run npm run schemas and commit the result.`);
    process.exit(1);
  }
  console.log(`schemas/: ${wanted.size} JSON Schemas, all current.`);
} else {
  mkdirSync(DIR, { recursive: true });
  for (const name of stale) {
    const text = wanted.get(name);
    if (text === undefined) rmSync(join(DIR, name));
    else writeFileSync(join(DIR, name), text);
  }
  console.log(`schemas/: ${wanted.size} JSON Schemas, ${stale.length} written or removed.`);
}
