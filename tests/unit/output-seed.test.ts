import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { listFiles } from '../../src/fs/list-files-fs.ts';
import { copySeed, moveSeedIntoOutput, removeUnbuiltSeededFiles, startOutputSeed } from '../../src/fs/output-seed-fs.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'od-output-seed-'));

function folder(files: Record<string, string>, dir = temp()): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const kept = { 'ilrs/alpha/index.html': 'alpha page', 'ilrs/alpha.md': 'alpha md', 'people/jane/index.html': 'jane page', 'guide/index.html': 'guide' };

describe('copying the last build ahead into the output', () => {
  test('copies the kept pages on a worker thread and lists them, replacing what an earlier copy left', async () => {
    const from = folder(kept);
    const seed = folder({ 'stale/index.html': 'from an interrupted build' });
    const files = await startOutputSeed(from, seed);
    assert.deepEqual(files, Object.keys(kept).sort());
    assert.deepEqual(listFiles(seed), files);
    assert.equal(readFileSync(join(seed, 'people/jane/index.html'), 'utf8'), 'jane page');
  });

  test('copies nothing on a cold build, when no page was kept', () => {
    const seed = join(temp(), 'seed');
    assert.deepEqual(copySeed(join(temp(), 'missing'), seed), []);
    assert.equal(existsSync(seed), false);
  });

  test('moves the copy into an output that Vite has written, keeping a file the build wrote already', () => {
    const seed = folder(kept);
    const outDir = folder({ '_astro/site.css': 'css', 'guide/index.html': 'written by this build' });
    const moved = moveSeedIntoOutput(seed, Object.keys(kept).sort(), outDir);
    assert.deepEqual(moved, ['ilrs/alpha.md', 'ilrs/alpha/index.html', 'people/jane/index.html'], 'the file the build wrote is not counted as seeded');
    assert.deepEqual(listFiles(outDir), ['_astro/site.css', 'guide/index.html', ...moved].sort());
    assert.equal(readFileSync(join(outDir, 'guide/index.html'), 'utf8'), 'written by this build');
    assert.equal(existsSync(seed), false, 'the copy is gone');
  });

  test('deletes the seeded files the build did not emit, and the folders that leaves empty, and nothing else', () => {
    const outDir = folder({ ...kept, 'index.html': 'home' });
    const removed = removeUnbuiltSeededFiles(outDir, Object.keys(kept), new Set(['ilrs/alpha/index.html', 'ilrs/alpha.md', 'guide/index.html']));
    assert.equal(removed, 1);
    assert.deepEqual(listFiles(outDir), ['guide/index.html', 'ilrs/alpha.md', 'ilrs/alpha/index.html', 'index.html']);
    assert.equal(existsSync(join(outDir, 'people')), false, 'the emptied folders are removed up to the output');
    assert.equal(existsSync(outDir), true);
  });
});
