import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { z } from 'astro/zod';
import { getSchemaDocsDigest } from '../../src/fs/schema-digest-fs.ts';
import { readCollectionFields } from '../../src/fs/schema-docs-fs.ts';
import { getProjectRoot } from '../../src/lib/project.ts';
import { getDoc } from '../../src/lib/doc-tree.ts';
import { getSchemaDocs } from '../../src/lib/schema-docs.ts';
import { describeType, flattenFields, getFields } from '../../src/lib/schema-fields.ts';
import { isoDate } from '../../src/schemas/fields.ts';
import { entryRef, ref } from '../../src/schemas/references.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('field descriptions', () => {
  test('every field of every collection has its one-line JSDoc, read from src/schemas/', () => {
    const missing = Object.entries(readCollectionFields(ROOT)).flatMap(([collection, fields]) =>
      flattenFields(fields)
        .filter((f) => !f.doc)
        .map((f) => `${collection}: ${f.path.join('.')}`),
    );
    assert.deepEqual(missing, []);
  });

  test('follow spreads, imports, fact(), z.array() and chained calls, and a redefined field takes its new text', () => {
    const files = {
      's/base.ts': `export const base = {\n  /** The title. */\n  title: z.string(),\n  /** Old text. */\n  updated: isoDate().optional(),\n};`,
      's/thing.ts': [
        `import { base } from './base.ts';`,
        `const part = z.strictObject({\n  /** A part's name. */\n  name: z.string(),\n});`,
        `export const thingSchema = z.strictObject({`,
        `  ...base,`,
        `  /** New text. */`,
        `  updated: fact('Checked', isoDate()),`,
        `  /** The parts. */`,
        `  parts: fact('Parts', z.array(part).default([])),`,
        `  /** Where. */`,
        `  place: z.object({\n    /** North. */\n    lat: z.number(),\n  }).optional(),`,
        `}).refine(() => true);`,
      ].join('\n'),
      's/index.ts': `import { thingSchema } from './thing.ts';\nexport const SCHEMAS = { things: thingSchema } as const;`,
    };
    const docs = getSchemaDocs(files, { file: 's/index.ts', name: 'SCHEMAS' }).things!;
    assert.deepEqual([...docs.keys()], ['title', 'updated', 'parts', 'place']);
    assert.equal(getDoc(docs, ['updated']), 'New text.');
    assert.equal(getDoc(docs, ['parts', 'name']), "A part's name.");
    assert.equal(getDoc(docs, ['place', 'lat']), 'North.');
    assert.equal(getDoc(docs, ['title']), 'The title.');
  });
});

describe('field types', () => {
  const schema = z.strictObject({
    title: z.string().min(1),
    sources: z.array(ref('sources')).min(1),
    related: z.array(entryRef).default([]),
    date: isoDate().optional(),
    kind: z.enum(['a', 'b']),
    flag: z.boolean().default(false),
    at: z.object({ lat: z.number().min(-90).max(90) }).optional(),
  });

  test('say what an author writes, whether it is required and its default', () => {
    const fields = getFields(schema);
    assert.deepEqual(
      flattenFields(fields).map((f) => [f.path.join('.'), describeType(f.type), f.required, f.hasDefault ? f.defaultValue : '-']),
      [
        ['title', 'text, not empty', true, '-'],
        ['sources', 'list of ids of entries of sources, at least 1 item', true, '-'],
        ['related', 'list of collection/id of entries', false, []],
        ['date', 'date (YYYY-MM-DD)', false, '-'],
        ['kind', 'one of "a", "b"', true, '-'],
        ['flag', 'true or false', false, false],
        ['at', 'object', false, '-'],
        ['at.lat', 'number from -90 to 90', true, '-'],
      ],
    );
  });
});

describe('the guide’s cache key', () => {
  test('changes when a field’s JSDoc changes, which the bundled code does not show', () => {
    const root = mkdtempSync(join(tmpdir(), 'od-schema-docs-'));
    cpSync(join(getProjectRoot(), 'src/schemas'), join(root, 'src/schemas'), { recursive: true });
    const before = getSchemaDocsDigest(root);
    assert.equal(getSchemaDocsDigest(root), before, 'the same sources, the same key');
    const file = join(root, 'src/schemas/person.ts');
    const text = readFileSync(file, 'utf8');
    assert.match(text, /\/\*\* /);
    writeFileSync(file, text.replace('/** ', '/** Changed: '));
    assert.notEqual(getSchemaDocsDigest(root), before);
  });
});
