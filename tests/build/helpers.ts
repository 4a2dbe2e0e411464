/**
 * Builds a copy of the minimal fixture site with some files added, changed or removed,
 * and returns what `astro build` said and how it exited.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/minimal-site/content');

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** Copies the fixture content with `files` applied: paths relative to the content folder → text, or null to delete. */
export function makeFixture(files: Record<string, string | null>, work = mkdtempSync(join(tmpdir(), 'od-fixture-'))): string {
  const content = join(work, 'content');
  rmSync(content, { recursive: true, force: true });
  cpSync(FIXTURE, content, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    const target = join(content, path);
    if (text === null) rmSync(target, { force: true, recursive: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  return content;
}

/** Runs `astro build` on the fixture with `files` applied. */
export function buildFixture(files: Record<string, string | null>, env: Record<string, string> = {}): BuildResult {
  const content = makeFixture(files);
  const work = dirname(content);
  const outDir = join(work, 'dist');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: content, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** Runs the project's build script (`npm run build`) on a content folder into `outDir`. */
export function runBuildScript(content: string, outDir: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: content, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** A valid topic page with the given body, for fixtures that break one thing. */
export function topicPage(body: string, frontmatter = ''): string {
  return `---\ntitle: Gamma\ndescription: A page made by a test.\nupdated: 2026-11-25\nsources: [example-news-2024]\n${frontmatter}---\n\n${body}\n`;
}
