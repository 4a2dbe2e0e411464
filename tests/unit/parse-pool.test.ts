/**
 * The content files parsed ahead on worker threads give exactly the model that parsing them on
 * the main thread gives, problems included; the work is shared out evenly.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { generateCorpus, toOurContent } from '../../scripts/bench/corpus.ts';
import { readContentModel, readContentModelInParallel } from '../../src/fs/content-model-fs.ts';
import { MIN_PARALLEL_JOBS, shareJobs } from '../../src/fs/parse-pool-fs.ts';

function writeCorpus(pages: number): { root: string; contentDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'od-pool-'));
  const contentDir = join(root, 'content');
  for (const [path, text] of toOurContent(generateCorpus({ pages }))) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
  return { root, contentDir };
}

describe('parsing content on worker threads', () => {
  test('gives the same model as parsing on the main thread, problems included', async () => {
    const { root, contentDir } = writeCorpus(MIN_PARALLEL_JOBS + 20);
    // A broken file among them: its problem must come back from the worker at its line.
    writeFileSync(join(contentDir, 'ilrs/broken.mdx'), '---\ntitle: Broken\n  bad: [\n---\n\nBody.\n');
    const cache = new Map();
    const parallel = await readContentModelInParallel(root, contentDir, cache);
    assert.ok(cache.size >= MIN_PARALLEL_JOBS, 'the files were parsed ahead, into the cache');
    const serial = readContentModel(root, contentDir, new Map());
    assert.deepEqual([...parallel.entries.keys()], [...serial.entries.keys()]);
    assert.deepEqual(parallel.entries, serial.entries);
    assert.deepEqual(parallel.problems, serial.problems);
    assert.ok(parallel.problems.some((p) => p.file === 'content/ilrs/broken.mdx' && p.line !== undefined));
  });

  test('shares the files out by length, keeping each share in file order', () => {
    const jobs = [50, 10, 40, 20, 30, 5].map((n, i) => ({ id: i, source: 'x'.repeat(n) }));
    const shares = shareJobs(jobs, 2, (job) => job.source.length);
    const sizes = shares.map((s) => s.reduce((sum, j) => sum + j.source.length, 0));
    assert.ok(Math.abs(sizes[0]! - sizes[1]!) <= 50, `balanced: ${sizes.join(' / ')}`);
    for (const share of shares)
      assert.deepEqual(
        share.map((j) => j.id),
        [...share.map((j) => j.id)].sort((a, b) => a - b),
      );
    assert.deepEqual(
      shares
        .flat()
        .map((j) => j.id)
        .sort(),
      [0, 1, 2, 3, 4, 5],
    );
    assert.deepEqual(shareJobs(jobs.slice(0, 1), 4, (job) => job.source.length).length, 1, 'no empty share');
  });
});
