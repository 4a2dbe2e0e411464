/**
 * The layers of src/ stay apart, by folder: pure code in src/lib/ (and the browser's own
 * src/client/) touches neither the file system nor Astro's virtual modules; only src/site/
 * and the templates read `astro:content`; scripts never import from tests/.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = join(import.meta.dirname, '../..');

function listFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ts|mjs|astro)$/.test(d.name))
    .map((d) => relative(ROOT, join(d.parentPath, d.name)));
}

/** Every module specifier a file imports (static, dynamic and type-only alike). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"\n;]*?(?:from\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

/** What a file loads when it is loaded: static imports (over several lines too), not `import type` nor `import()`. */
function staticImportsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const from = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const bare = [...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return [...from, ...bare];
}

/** The packages that loading `files` loads, following the project's own modules. */
function packagesLoadedBy(files: string[]): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImportsOf(file)) {
      if (spec.startsWith('.')) visit(relative(ROOT, join(ROOT, dirname(file), spec)).split('?')[0]!);
      else packages.add(spec);
    }
  };
  files.forEach(visit);
  return packages;
}

const NODE_IO = /^node:(fs|child_process|worker_threads|net|http|https)(\/|$)|^fs$/;

describe('layers', () => {
  test('pure modules (src/lib, src/client, src/schemas, src/markdown) touch no file system and no Astro virtual module', () => {
    const offenders = ['src/lib', 'src/client', 'src/schemas', 'src/markdown'].flatMap(listFiles).flatMap((file) =>
      importsOf(file)
        .filter((spec) => NODE_IO.test(spec) || spec.startsWith('astro:'))
        .map((spec) => `${file} imports ${spec}`),
    );
    assert.deepEqual(offenders, []);
  });

  test('only src/site, the pages, layouts, components and the content config read astro:content', () => {
    const allowed = /^src\/(site|pages|layouts|components)\/|^src\/content\.config\.ts$/;
    const offenders = ['src', 'scripts']
      .flatMap(listFiles)
      .filter((file) => !allowed.test(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec === 'astro:content')
          .map(() => file),
      );
    assert.deepEqual(offenders, []);
  });

  test('browser code imports only browser code and pure modules', () => {
    const offenders = listFiles('src/client').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && !/^\.\/|^\.\.\/lib\//.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    assert.deepEqual(offenders, []);
  });

  test('scripts never import from tests/', () => {
    const offenders = listFiles('scripts').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('tests/'))
        .map((spec) => `${file} imports ${spec}`),
    );
    assert.deepEqual(offenders, []);
  });

  test('no page loads the TypeScript compiler with its route: only the guide, when it renders, imports it', () => {
    const site = ['src/pages', 'src/layouts', 'src/components', 'src/site'].flatMap(listFiles);
    assert.ok(packagesLoadedBy(site).has('astro:content'), 'the walk reaches the modules the pages import');
    assert.equal(packagesLoadedBy(site).has('typescript'), false);
    assert.ok(packagesLoadedBy(['src/fs/schema-docs-fs.ts']).has('typescript'), 'the guide imports it when it renders');
  });

  test('the check sees imports of every form, so these tests can fail', () => {
    assert.deepEqual(importsOf('tests/unit/layers.test.ts').slice(0, 3), ['node:assert/strict', 'node:fs', 'node:path']);
  });
});
