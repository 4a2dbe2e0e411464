import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readCollectionFields, readSchemaDocs } from '../../src/fs/schema-docs-fs.ts';
import { COLLECTION_NAMES } from '../../src/lib/collections.ts';
import { makeJsonSchemas } from '../../src/lib/json-schemas.ts';

const ROOT = join(import.meta.dirname, '../..');
const generated = makeJsonSchemas(readSchemaDocs(ROOT));

describe('the JSON Schemas of schemas/', () => {
  test('are current: regenerate them with npm run schemas when this fails', () => {
    const files = readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json'));
    assert.deepEqual(files.sort(), COLLECTION_NAMES.map((c) => `${c}.schema.json`).sort());
    for (const collection of COLLECTION_NAMES) {
      const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', `${collection}.schema.json`), 'utf8'));
      assert.deepEqual(committed, generated[collection], `schemas/${collection}.schema.json is stale`);
    }
  });

  test('require exactly the fields an author must write, refuse unknown ones and describe every field', () => {
    const fields = readCollectionFields(ROOT);
    for (const collection of COLLECTION_NAMES) {
      const schema = generated[collection] as { required: string[]; additionalProperties: boolean; properties: Record<string, { description?: string }> };
      assert.deepEqual(
        schema.required.sort(),
        fields[collection]
          .filter((f) => f.required)
          .map((f) => f.name)
          .sort(),
        collection,
      );
      assert.equal(schema.additionalProperties, false, collection);
      for (const [name, property] of Object.entries(schema.properties)) assert.ok(property.description, `${collection}.${name} has no description`);
    }
  });

  test('write dates as YYYY-MM-DD strings and cross-collection references as collection/id', () => {
    const people = generated.people as { properties: Record<string, { type?: string; format?: string; items?: { pattern?: string } }> };
    assert.deepEqual([people.properties.updated!.type, people.properties.updated!.format], ['string', 'date']);
    assert.match('ilrs/overview', new RegExp(people.properties.related!.items!.pattern!));
    assert.doesNotMatch('overview', new RegExp(people.properties.related!.items!.pattern!));
  });
});
