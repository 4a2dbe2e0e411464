/**
 * Writes the skeleton of a new entry, with every field its collection requires (see
 * src/lib/skeleton.ts), and checks it with the content model.
 *
 *   npm run new -- <collection> <id>
 *   npm run new -- --list        (or no arguments: the collections)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentModel } from '../src/fs/content-model-fs.ts';
import { readCollectionFields } from '../src/fs/schema-docs-fs.ts';
import { COLLECTIONS, type CollectionName } from '../src/lib/collections.ts';
import type { EntryFormat } from '../src/lib/content-model.ts';
import { formatProblem } from '../src/lib/errors.ts';
import { getContentDir, getProjectRoot } from '../src/lib/project.ts';
import { checkNewEntry, getNewEntryFormat, makeSkeleton } from '../src/lib/skeleton.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { list: { type: 'boolean', default: false } } });
const root = getProjectRoot();
const contentDir = getContentDir();
const model = readContentModel(root, contentDir);
const entries = [...model.entries.values()];
const EXTENSION: Record<EntryFormat, string> = { mdx: '.mdx', md: '.md', yaml: '.yaml' };

function formatOf(collection: CollectionName): EntryFormat {
  return getNewEntryFormat(
    collection,
    entries.filter((e) => e.collection === collection).map((e) => e.format),
  );
}

if (values.list || positionals.length === 0) {
  console.log('Usage: npm run new -- <collection> <id>\n\nCollections:');
  const width = Math.max(...COLLECTIONS.map((c) => c.name.length));
  for (const c of COLLECTIONS) {
    const count = entries.filter((e) => e.collection === c.name).length;
    console.log(`  ${c.name.padEnd(width)}  ${formatOf(c.name).padEnd(4)}  ${String(count).padStart(3)} entries  ${c.description}`);
  }
  console.log('\nIds are lowercase kebab-case: npm run new -- people jane-doe');
  process.exit(0);
}

if (positionals.length !== 2) {
  console.error(`Expected a collection and an id, received ${positionals.length} argument${positionals.length === 1 ? '' : 's'}.`);
  console.error('  Hint: npm run new -- people jane-doe; npm run new -- --list lists the collections.');
  process.exit(1);
}

const [collectionArg, id] = positionals as [string, string];
const check = checkNewEntry(collectionArg, id, new Set(model.entries.keys()));
if (!check.ok) {
  console.error(`${check.message}\n  Hint: ${check.hint}`);
  process.exit(1);
}
const { collection } = check;
const format = formatOf(collection);
const path = join(contentDir, collection, `${id}${EXTENSION[format]}`);
// A file the model did not take as an entry (a broken one, another extension) is no less in the way.
for (const extension of Object.values(EXTENSION)) {
  const other = join(contentDir, collection, `${id}${extension}`);
  if (existsSync(other)) {
    console.error(`A file ${relative(root, other)} already exists.\n  Hint: edit it, or choose another id, e.g. "${id}-2".`);
    process.exit(1);
  }
}

const idsOf = (c: CollectionName) =>
  entries
    .filter((e) => e.collection === c)
    .map((e) => e.id)
    .sort();
const skeleton = makeSkeleton({
  collection,
  id,
  format,
  fields: readCollectionFields(root)[collection],
  idsOf,
  today: new Date().toISOString().slice(0, 10),
});
mkdirSync(join(contentDir, collection), { recursive: true });
writeFileSync(path, skeleton.text, { flag: 'wx' });

const file = relative(root, path);
const problems = readContentModel(root, contentDir).problems.filter((p) => p.file === file);
console.log(`Wrote ${file}. To do:`);
for (const line of skeleton.todo) console.log(`  - ${line}`);
if (problems.length > 0) {
  console.error(`\nThe skeleton does not pass the checks yet:\n\n${problems.map(formatProblem).join('\n\n')}`);
  process.exit(1);
}
console.log(`\nIt passes the checks as it is. See it live with npm run dev; the fields are described on /guide/.`);
