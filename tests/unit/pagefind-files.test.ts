import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import * as pagefind from 'pagefind';
import {
  keepDigestNamedFiles,
  linkDigestNamedFiles,
  liveDigestNamedFiles,
  removeUnusedDigestNamedFiles,
  settleWrittenIndex,
} from '../../src/fs/pagefind-files-fs.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'od-pagefind-files-'));

function site(pages: Record<string, string>): string {
  const dir = temp();
  for (const [path, body] of Object.entries(pages)) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(
      join(dir, path, 'index.html'),
      `<!doctype html><html lang="en"><head><title>${path}</title></head><body><main data-pagefind-body><h1>${path}</h1><p data-pagefind-filter="kind">${path.split('/')[0]}</p><p>${body}</p></main></body></html>`,
    );
  }
  return dir;
}

async function writeIndex(dir: string, out: string): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  assert.ok(index);
  const added = await index.addDirectory({ path: dir });
  assert.deepEqual(added.errors, []);
  const written = await index.writeFiles({ outputPath: out });
  assert.deepEqual(written.errors, []);
}

function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i % 37} orbit station lunar`).join(' ');

describe('Pagefind files kept between builds', () => {
  after(() => pagefind.close());

  test('a write into a folder seeded with the last index’s files, pruned, equals a write into an empty folder', async () => {
    const pages: Record<string, string> = {};
    for (let i = 0; i < 30; i++) pages[`${i % 2 ? 'missions' : 'people'}/p${i}`] = words(80, `w${i}`);
    const first = join(temp(), 'pagefind');
    await writeIndex(site(pages), first);
    const kept = join(temp(), 'kept');
    keepDigestNamedFiles(first, kept);
    assert.ok(readdirSync(join(kept, 'fragment')).length >= 30, 'every fragment is kept');
    assert.ok(!readdirSync(kept).includes('pagefind.js'), 'files Pagefind rewrites in place are not kept');
    assert.ok(!existsSync(`${kept}.next`), 'made beside the kept folder and renamed into place');

    // One page edited, one removed, one added.
    const edited: Record<string, string> = { ...pages, 'people/p0': words(90, 'changed'), 'missions/new': words(50, 'fresh') };
    delete edited['missions/p1'];
    const dir = site(edited);
    const cold = join(temp(), 'pagefind');
    await writeIndex(dir, cold);
    const warm = join(temp(), 'pagefind');
    const linked = linkDigestNamedFiles(kept, warm);
    assert.ok(linked > 30);
    // A kept file is linked, not copied: the same inode.
    const fragment = readdirSync(join(kept, 'fragment'))[0]!;
    assert.equal(statSync(join(warm, 'fragment', fragment)).ino, statSync(join(kept, 'fragment', fragment)).ino);
    await writeIndex(dir, warm);
    const removed = removeUnusedDigestNamedFiles(warm);
    assert.ok(removed >= 3, `the edited and the removed page's fragments, the old metadata and changed word indexes go (${removed})`);

    const a = tree(warm);
    const b = tree(cold);
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), 'the same files');
    assert.deepEqual(
      [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path),
      [],
      'the same bytes',
    );
    assert.equal(liveDigestNamedFiles(warm).size, [...a.keys()].filter((f) => /\.pf_(fragment|index|filter|meta)$/.test(f)).length);
  });

  test('refuses to prune an index that names a file it lacks', async () => {
    const out = join(temp(), 'pagefind');
    await writeIndex(site({ 'people/a': words(20, 'a'), 'people/b': words(20, 'b') }), out);
    const live = [...liveDigestNamedFiles(out)].find((f) => f.startsWith('fragment/'))!;
    rmSync(join(out, live));
    assert.throws(() => removeUnusedDigestNamedFiles(out), /names files it did not write/);
  });

  test('a kept file Pagefind cannot read makes the index be written afresh, equal to a write into an empty folder', async () => {
    const dir = site({ 'people/a': words(30, 'a'), 'missions/b': words(30, 'b') });
    const first = join(temp(), 'pagefind');
    await writeIndex(dir, first);
    const kept = join(temp(), 'kept');
    keepDigestNamedFiles(first, kept);
    // The kept metadata damaged (replaced, not written through its link): Pagefind takes it as whole and skips it.
    const meta = readdirSync(kept).find((f) => f.endsWith('.pf_meta'))!;
    rmSync(join(kept, meta));
    writeFileSync(join(kept, meta), 'not gzip');
    const warm = join(temp(), 'pagefind');
    linkDigestNamedFiles(kept, warm);
    await writeIndex(dir, warm);
    const warnings: string[] = [];
    await settleWrittenIndex(
      warm,
      () => writeIndex(dir, warm),
      (message) => warnings.push(message),
    );
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /could not be reused/);
    const a = tree(warm);
    const b = tree(first);
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
    assert.deepEqual(
      [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path),
      [],
    );
  });

  test('settling a readable index removes the unused files without writing again', async () => {
    const out = join(temp(), 'pagefind');
    await writeIndex(site({ 'people/a': words(20, 'a') }), out);
    mkdirSync(join(out, 'fragment'), { recursive: true });
    writeFileSync(join(out, 'fragment', 'en_0000000.pf_fragment'), 'stale');
    let rewrites = 0;
    await settleWrittenIndex(
      out,
      async () => {
        rewrites++;
      },
      () => {},
    );
    assert.equal(rewrites, 0);
    assert.ok(!existsSync(join(out, 'fragment', 'en_0000000.pf_fragment')));
  });
});
