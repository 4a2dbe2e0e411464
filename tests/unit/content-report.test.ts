import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readCollectionFields } from '../../src/fs/schema-docs-fs.ts';
import { makeContentReport, parseDateText, type ContentReport } from '../../src/lib/content-report.ts';
import { CONTENT_DIR, makeContent, page, SOURCE } from './fake-content.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIELDS = readCollectionFields(ROOT);
const TODAY = new Date('2026-12-01T00:00:00Z');

function reportOf(files: Record<string, string>, maxAgeDays = 365): ContentReport {
  const { model } = makeContent(files);
  return makeContentReport(model, {
    maxAgeDays,
    today: TODAY,
    fields: FIELDS,
    sourceOf: (e) => files[e.absolutePath.slice(CONTENT_DIR.length + 1)],
  });
}

function itemsOf(report: ContentReport, name: string): string[] {
  return report.sections.find((s) => s.name === name)!.items.map((i) => `${i.file}${i.line ? `:${i.line}` : ''} ${i.message}`);
}

const person = (extra: string) =>
  `---\ntitle: Ann Lee\ndescription: An analyst.\nrole: Analyst\nsources: [wire]\n${extra}---\n\nAnn Lee writes on [[ilrs/a]].[^1]\n\n[^1]: [[sources/wire]].\n`;

describe('the content report', () => {
  test('lists orphans, sources cited nowhere, sources listed but not cited, and aliases shared by two entries', () => {
    const report = reportOf({
      'sources/wire.yaml': SOURCE,
      'sources/unused.yaml': SOURCE.replace('title: Wire', 'title: Unused'),
      'ilrs/a.mdx': page('Alpha', 'See [[ilrs/b]].[^1]\n\n[^1]: [[sources/wire]].', 'aliases: [Station]\n'),
      'ilrs/b.mdx': page('Beta', 'See [[ilrs/a]].', 'aliases: [station]\n'),
      'ilrs/c.mdx': page('Gamma', 'See [[ilrs/a]].[^1]\n\n[^1]: [[sources/wire]].'),
    });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(itemsOf(report, 'orphans'), ['content/ilrs/c.mdx ilrs/c']);
    assert.deepEqual(itemsOf(report, 'uncited-sources'), ['content/sources/unused.yaml sources/unused']);
    assert.deepEqual(itemsOf(report, 'unsourced'), [
      'content/ilrs/b.mdx ilrs/b cites no source in its text.',
      'content/ilrs/b.mdx:5 lists "wire" but never cites it.',
    ]);
    assert.deepEqual(itemsOf(report, 'shared-aliases'), ['content/ilrs/a.mdx "Station" names ilrs/a and ilrs/b (as "Station", "station").']);
  });

  test('lists "as of" dates older than the age limit, in sentences and footnotes, and none within it', () => {
    const body =
      'Ten states have joined, as of August 2024.\n\nIt has 13 members.[^1] Another claim.[^2]\n\n[^1]: [[sources/wire]], as of 1 June 2026.\n[^2]: [[sources/wire]], as of 2020.';
    const report = reportOf({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('Alpha', body) });
    assert.deepEqual(itemsOf(report, 'stale'), ['content/ilrs/a.mdx:8 "as of August 2024" (822 days).', 'content/ilrs/a.mdx:13 "as of 2020" (2161 days).']);
    assert.deepEqual(itemsOf(reportOf({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('Alpha', body) }, 5000), 'stale'), []);
  });

  test('lists present-tense claims with no date, and takes a date from the sentence or its footnote', () => {
    const body = [
      'The body currently has nine members.',
      'Launches are still continuing.[^1]',
      'It is planned for 2027, as reported in March 2026.',
      'It was still pending in 2025.',
      '',
      '[^1]: [[sources/wire]], 3 May 2026.',
    ].join('\n');
    const report = reportOf({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('Alpha', body) });
    assert.deepEqual(itemsOf(report, 'undated'), ['content/ilrs/a.mdx:8 "currently" in "The body currently has nine members.": no date.']);
    assert.deepEqual(itemsOf(reportOf({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('Alpha', body) }, 200), 'stale'), [
      'content/ilrs/a.mdx:9 "are still" in "Launches are still continuing.[^1]", dated 2026-05-03 (212 days).',
      'content/ilrs/a.mdx:10 "is planned for" in "It is planned for 2027, as reported in March 2026.", dated 2026-03-31 (245 days).',
    ]);
  });

  test('dates volatile frontmatter facts: a current role by its asOf, a planned mission by the page’s updated; a former role is settled', () => {
    const mission = (extra: string) =>
      `---\ntitle: Probe\ndescription: A probe.\nsources: [wire]\noperators: [agency]\nstatus: planned\n${extra}---\n\nSee [[ilrs/a]].[^1]\n\n[^1]: [[sources/wire]].\n`;
    const org = '---\ntitle: Agency\ndescription: An agency.\nkind: space-agency\nsources: [wire]\n---\n\nSee [[ilrs/a]].[^1]\n\n[^1]: [[sources/wire]].\n';
    const affiliations = (asOf: string, former = false) =>
      `affiliations:\n  - organization: agency\n    role: Head\n${asOf ? `    asOf: ${asOf}\n` : ''}${former ? '    former: true\n' : ''}`;
    const files = {
      'sources/wire.yaml': SOURCE,
      'organizations/agency.mdx': org,
      'ilrs/a.mdx': page('Alpha', 'See [[missions/old]], [[missions/new]], [[people/a]], [[people/b]], [[people/c]] and [[organizations/agency]].'),
      'missions/old.mdx': mission('updated: 2024-01-10\n'),
      'missions/new.mdx': mission(''),
      'people/a.mdx': person(affiliations('2023-05-01')),
      'people/b.mdx': person(affiliations('')),
      'people/c.mdx': person(affiliations('2020-01-01', true)),
    };
    const report = reportOf(files);
    assert.deepEqual(itemsOf(report, 'stale'), [
      'content/missions/old.mdx:6 mission status "planned", as of 2024-01-10 (1056 days).',
      'content/people/a.mdx:7 role held "Head", as of 2023-05-01 (1310 days).',
    ]);
    assert.deepEqual(itemsOf(report, 'undated'), [
      'content/missions/new.mdx:6 mission status "planned": no asOf, and the page has no updated date.',
      'content/people/b.mdx:7 role held "Head": no asOf, and the page has no updated date.',
    ]);
  });

  test('lists the TODOs a skeleton leaves', () => {
    const report = reportOf({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('Alpha', 'TODO: write it.[^1]\n\n[^1]: [[sources/wire]].') });
    assert.deepEqual(itemsOf(report, 'placeholders'), ['content/ilrs/a.mdx:8 1 TODO left.']);
  });

  test('reports the model’s problems as errors, and nothing else until they are fixed', () => {
    const report = reportOf({ 'sources/wire.yaml': SOURCE, 'ilrs/a.mdx': page('Alpha', 'See [[ilrs/nowhere]].') });
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0]!.message, /Unknown cross-link target "ilrs\/nowhere"/);
    assert.ok(report.sections.every((s) => s.items.length === 0));
  });
});

describe('dates in the text', () => {
  test('read as the last day they can mean', () => {
    const day = (text: string) => parseDateText(text)?.toISOString().slice(0, 10);
    assert.deepEqual(['29 April 2025', 'April 2025', 'February 2024', '2025', '2025-04-29', 'Spring 2025'].map(day), [
      '2025-04-29',
      '2025-04-30',
      '2024-02-29',
      '2025-12-31',
      '2025-04-29',
      undefined,
    ]);
  });
});

describe('the content report command', () => {
  const run = (contentDir: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/content-report.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });

  test('exits 0 on warnings alone, 1 on errors, 2 on a bad option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-report-'));
    try {
      cpSync(join(ROOT, 'tests/fixtures/minimal-site/content'), dir, { recursive: true });
      const ok = run(dir, '--today', '2026-12-01');
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /Volatile facts older than 365 days \(\d+\):\n {2}.*"as of August 2024" \(\d+ days\)\./);
      assert.match(ok.stdout, /Content report: 8 entries, 0 errors, \d+ warnings/);
      writeFileSync(join(dir, 'ilrs/gamma.mdx'), '---\ntitle: Gamma\n---\n\nSee [[ilrs/alfa]].\n');
      const broken = run(dir);
      assert.equal(broken.status, 1);
      assert.match(
        broken.stderr,
        /ilrs\/gamma\.mdx:5:5 UnknownCrossLinkTarget\n {2}Unknown cross-link target "ilrs\/alfa": no such entry\.\n {2}Hint: Did you mean "ilrs\/alpha"\?/,
      );
      assert.equal(run(dir, '--max-age', 'a year').status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
