import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { readCollectionFields } from '../../src/fs/schema-docs-fs.ts';
import { COLLECTION_NAMES, type CollectionName } from '../../src/lib/collections.ts';
import { checkNewEntry, getNewEntryFormat, makeSkeleton } from '../../src/lib/skeleton.ts';
import { makeContent, SOURCE } from './fake-content.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIELDS = readCollectionFields(ROOT);
const idFor = (c: CollectionName) => (c === 'events' ? '2026-12-01-example-event' : `example-${c}`);

function skeletonOf(collection: CollectionName, ids: Record<string, string[]>) {
  return makeSkeleton({
    collection,
    id: idFor(collection),
    format: collection === 'sources' ? 'yaml' : 'mdx',
    fields: FIELDS[collection],
    idsOf: (c) => ids[c] ?? [],
    today: '2026-12-01',
  });
}

describe('npm run new', () => {
  test('writes, for every collection, a skeleton the content model accepts as it is', () => {
    const ids: Record<string, string[]> = { sources: ['wire'] };
    for (const c of COLLECTION_NAMES) ids[c] = [...(ids[c] ?? []), idFor(c)].sort();
    const files: Record<string, string> = { 'sources/wire.yaml': SOURCE };
    for (const c of COLLECTION_NAMES) files[`${c}/${idFor(c)}.${c === 'sources' ? 'yaml' : 'mdx'}`] = skeletonOf(c, ids).text;
    const { model } = makeContent(files);
    assert.deepEqual(model.problems, []);
    assert.equal(model.entries.size, COLLECTION_NAMES.length + 1);
  });

  test('writes every required field, under its description, and lists the optional ones', () => {
    const { text, todo } = skeletonOf('missions', { sources: ['wire'], organizations: ['cnsa'] });
    const data = parse(text.split('---\n')[1]!);
    for (const f of FIELDS.missions.filter((f) => f.required)) assert.ok(f.name in data, `missing ${f.name}`);
    assert.match(text, /# Where it stands\. \(one of "planned", "in-flight", "completed", "failed"\)\nstatus: planned\n/);
    assert.match(text, /# Optional fields \(see \/guide\/\):\n(#   .+\n)*#   country: State whose programme flew it/);
    // A mission needs an operator or a country: the schema's own rule fills one in.
    assert.deepEqual(data.operators, ['cnsa']);
    assert.ok(todo.some((t) => t.startsWith('operators: replace "cnsa"')));
    assert.match(text, /\[\^1\]: \[\[sources\/wire\]\], as of 2026-12-01\.\n$/);
  });

  test('refuses an unknown collection, an id that is not kebab-case and an existing id, each with a fix', () => {
    const existing = new Set(['people/jane-doe']);
    assert.deepEqual(checkNewEntry('peple', 'x', existing), {
      ok: false,
      message: 'Unknown collection "peple".',
      hint: 'Did you mean "people"? npm run new -- --list lists them all.',
    });
    const notKebab = checkNewEntry('people', 'Jane Doë', existing);
    assert.equal(notKebab.ok, false);
    assert.equal(!notKebab.ok && notKebab.hint, 'Did you mean "jane-doe"? npm run new -- people jane-doe');
    const taken = checkNewEntry('people', 'jane-doe', existing);
    assert.equal(!taken.ok && taken.message, 'An entry "people/jane-doe" already exists.');
    assert.deepEqual(checkNewEntry('people', 'john-doe', existing), { ok: true, collection: 'people' });
  });

  test('gives a new entry the format most of its collection uses', () => {
    assert.equal(getNewEntryFormat('sources', ['yaml', 'yaml']), 'yaml');
    assert.equal(getNewEntryFormat('ilrs', ['mdx', 'md', 'mdx']), 'mdx');
    assert.equal(getNewEntryFormat('sources', []), 'yaml');
    assert.equal(getNewEntryFormat('people', []), 'mdx');
  });
});

describe('the npm run new command', () => {
  const run = (contentDir: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/new-entry.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });

  test('lists the collections, writes a skeleton that passes the checks, and refuses to write it twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'new-entry-'));
    try {
      cpSync(join(ROOT, 'tests/fixtures/minimal-site/content'), dir, { recursive: true });
      const list = run(dir, '--list');
      assert.equal(list.status, 0);
      assert.match(list.stdout, /^  sources +yaml +1 entries  The articles/m);
      const made = run(dir, 'places', 'test-spaceport');
      assert.equal(made.status, 0, made.stderr);
      assert.match(made.stdout, /Wrote .*places\/test-spaceport\.mdx\. To do:\n  - title: check "Test spaceport"\./);
      assert.match(made.stdout, /It passes the checks as it is\./);
      assert.match(readFileSync(join(dir, 'places/test-spaceport.mdx'), 'utf8'), /^kind: spaceport$/m);
      const again = run(dir, 'places', 'test-spaceport');
      assert.equal(again.status, 1);
      assert.match(again.stderr, /An entry "places\/test-spaceport" already exists\.\n  Hint: Edit that entry, or choose another id/);
      const kebab = run(dir, 'places', 'Test_Spaceport');
      assert.equal(kebab.status, 1);
      assert.match(kebab.stderr, /Hint: Did you mean "test-spaceport"\?/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
