import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readContentFiles, readContentModel } from '../../src/fs/content-model-fs.ts';
import { page, SOURCE } from './fake-content.ts';

function makeSite(): { root: string; contentDir: string; elsewhere: string } {
  const root = mkdtempSync(join(tmpdir(), 'od-fs-'));
  const contentDir = join(root, 'content');
  const elsewhere = join(root, 'elsewhere');
  mkdirSync(join(contentDir, 'sources'), { recursive: true });
  mkdirSync(elsewhere);
  writeFileSync(join(contentDir, 'sources/wire.yaml'), SOURCE);
  return { root, contentDir, elsewhere };
}

describe('reading content/', () => {
  test('follows a collection folder that is a symbolic link, so its pages are checked like any other', () => {
    const { root, contentDir, elsewhere } = makeSite();
    writeFileSync(join(elsewhere, 'overview.mdx'), page('Overview', 'See [[ilrs/nowhere]].'));
    symlinkSync(elsewhere, join(contentDir, 'ilrs'));
    const model = readContentModel(root, contentDir);
    assert.ok(model.entries.has('ilrs/overview'), 'the linked folder is read');
    assert.deepEqual(
      model.problems.map((p) => [p.file, p.message]),
      [['content/ilrs/overview.mdx', 'Unknown cross-link target "ilrs/nowhere": no such entry.']],
    );
  });

  test('follows an entry file that is a symbolic link', () => {
    const { root, contentDir, elsewhere } = makeSite();
    mkdirSync(join(contentDir, 'ilrs'));
    writeFileSync(join(elsewhere, 'real.mdx'), page('Linked', 'Text [[sources/wire]].'));
    symlinkSync(join(elsewhere, 'real.mdx'), join(contentDir, 'ilrs/linked.mdx'));
    const model = readContentModel(root, contentDir);
    assert.deepEqual(model.problems, []);
    assert.equal(model.entries.get('ilrs/linked')?.title, 'Linked');
  });

  test('reports a folder inside a collection and a dangling link instead of skipping them', () => {
    const { root, contentDir } = makeSite();
    mkdirSync(join(contentDir, 'ilrs/nested'), { recursive: true });
    symlinkSync(join(root, 'missing.mdx'), join(contentDir, 'ilrs/dangling.mdx'));
    const files = readContentFiles(contentDir).map((f) => f.path.slice(contentDir.length + 1));
    assert.deepEqual(files, ['ilrs/dangling.mdx', 'ilrs/nested', 'sources/wire.yaml']);
    assert.deepEqual(
      readContentModel(root, contentDir).problems.map((p) => p.message),
      [
        'Unreadable file "content/ilrs/dangling.mdx": it is a symbolic link to nothing.',
        'Unexpected folder "content/ilrs/nested", expected entry files directly in content/ilrs/.',
      ],
    );
  });

  test('parses a file once: an unchanged file is taken from the cache, keyed by its digest', () => {
    const { root, contentDir } = makeSite();
    const cache = new Map();
    readContentModel(root, contentDir, cache);
    const first = [...cache.values()][0];
    readContentModel(root, contentDir, cache);
    assert.equal(cache.size, 1);
    assert.equal([...cache.values()][0], first);
    writeFileSync(join(contentDir, 'sources/wire.yaml'), SOURCE.replace('Wire', 'Wire service'));
    readContentModel(root, contentDir, cache);
    assert.equal(cache.size, 2, 'a changed file is parsed again');
  });
});
