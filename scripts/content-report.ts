/**
 * The content report (see src/lib/content-report.ts): the content model's errors, then
 * warnings an editor should look at — orphans, unsourced text, sources cited nowhere,
 * shared aliases, placeholders, and volatile facts that are old or undated. Exits 1 on
 * errors, 0 on warnings alone; `npm run check` runs it after `astro check`.
 *
 *   node scripts/content-report.ts [--max-age 365] [--today YYYY-MM-DD]
 */
import { parseArgs } from 'node:util';
import { readContentFiles } from '../src/fs/content-model-fs.ts';
import { readCollectionFields } from '../src/fs/schema-docs-fs.ts';
import { buildContentModel } from '../src/lib/build-model.ts';
import { makeContentReport } from '../src/lib/content-report.ts';
import { formatProblem } from '../src/lib/errors.ts';
import { getContentDir, getProjectRoot } from '../src/lib/project.ts';

const { values } = parseArgs({ options: { 'max-age': { type: 'string', default: '365' }, today: { type: 'string' } } });
const maxAgeDays = Number(values['max-age']);
if (!Number.isInteger(maxAgeDays) || maxAgeDays < 0) {
  console.error(`--max-age "${values['max-age']}" is not a number of days.\n  Hint: write a whole number, e.g. --max-age 365.`);
  process.exit(2);
}
const today = values.today ? new Date(`${values.today}T00:00:00Z`) : new Date();
if (Number.isNaN(today.getTime())) {
  console.error(`--today "${values.today}" is not a date.\n  Hint: write it as YYYY-MM-DD, e.g. --today 2026-12-01.`);
  process.exit(2);
}

const root = getProjectRoot();
const contentDir = getContentDir();
const files = readContentFiles(contentDir);
const model = buildContentModel(root, contentDir, files);
const texts = new Map(files.map((f) => [f.path, f.source]));
const report = makeContentReport(model, { maxAgeDays, today, fields: readCollectionFields(root), sourceOf: (e) => texts.get(e.absolutePath) });

if (report.errors.length > 0) {
  const count = report.errors.length === 1 ? '1 error' : `${report.errors.length} errors`;
  console.error(`Content report: ${count}; the build refuses the content until they are fixed.\n\n${report.errors.map(formatProblem).join('\n\n')}\n`);
  process.exit(1);
}

const warnings = report.sections.reduce((n, s) => n + s.items.length, 0);
for (const section of report.sections) {
  if (section.items.length === 0) continue;
  console.log(`${section.title} (${section.items.length}):`);
  for (const item of section.items) console.log(`  ${item.line ? `${item.file}:${item.line}` : item.file}  ${item.message}`);
  console.log(`  Fix: ${section.hint}\n`);
}
const counts = report.sections.map((s) => `${s.items.length} ${s.name}`).join(', ');
console.log(
  `Content report: ${model.entries.size} entries, 0 errors, ${warnings} warning${warnings === 1 ? '' : 's'} (${counts}; as-of age limit ${maxAgeDays} days).`,
);
