/**
 * The build script refuses hostile input cleanly: a second build while one runs, a stale lock, a signal during a
 * build, an output folder that cannot be replaced, a BASE_PATH or SITE_URL that cannot be the site's path or origin.
 * Only the signal test starts a real build; every refusal happens before Astro starts.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireLock, lockFileOf, releaseLock, swapIn, type LockInfo, type SwapFs } from '../../scripts/build.ts';
import { makeFixture, ROOT, runBuildScript } from './helpers.ts';

const LOCK = lockFileOf(ROOT);

/** A fixture with a previous build in `dist/` (one file), as every test starts from. */
function withPreviousBuild(): { content: string; work: string; outDir: string } {
  const content = makeFixture({});
  const work = dirname(content);
  const outDir = join(work, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), 'previous build');
  return { content, work, outDir };
}

function assertUntouched(work: string, outDir: string): void {
  assert.deepEqual(readdirSync(outDir), ['index.html']);
  assert.equal(readFileSync(join(outDir, 'index.html'), 'utf8'), 'previous build');
  assert.deepEqual(readdirSync(work).sort(), ['content', 'dist'], 'no staging or previous folder is left behind');
}

/** The one line a refusal prints (the output of a run that started Astro has many). */
function oneLine(output: string): string {
  const lines = output.trim().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${output}`);
  return lines[0]!;
}

/** Writes the project's lock as another build would, failing rather than overwriting a real build's lock. */
function writeLock(info: Partial<LockInfo>): void {
  mkdirSync(dirname(LOCK), { recursive: true });
  writeFileSync(LOCK, JSON.stringify({ startedAt: '2026-01-01T00:00:00.000Z', outDir: '/elsewhere/dist', token: 'test', ...info }), { flag: 'wx' });
}

function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the build lock', () => {
  afterEach(() => {
    if (existsSync(LOCK) && JSON.parse(readFileSync(LOCK, 'utf8')).token === 'test') rmSync(LOCK);
  });

  test('a build while another runs (even into another folder) says which process holds the lock, exits 1 and touches nothing', () => {
    const { content, work, outDir } = withPreviousBuild();
    writeLock({ pid: process.pid });
    const result = runBuildScript(content, outDir);
    assert.equal(result.status, 1, result.output);
    const line = oneLine(result.output);
    assert.match(line, new RegExp(`^Another build of this project is running \\(pid ${process.pid}, since 2026-01-01T00:00:00.000Z\\)`));
    assert.match(line, /build\.lock/);
    assertUntouched(work, outDir);
    assert.equal(JSON.parse(readFileSync(LOCK, 'utf8')).token, 'test', 'the other build keeps its lock');
  });

  test("a build whose script died but whose Astro still runs keeps the lock, naming Astro's pid", () => {
    const { content, work, outDir } = withPreviousBuild();
    writeLock({ pid: deadPid(), astroPid: process.pid });
    const result = runBuildScript(content, outDir);
    assert.equal(result.status, 1, result.output);
    assert.match(oneLine(result.output), new RegExp(`Astro process \\(pid ${process.pid}\\) of an interrupted build .*\\(kill ${process.pid}\\)`));
    assertUntouched(work, outDir);
  });

  test('a stale lock (its process is gone) is taken over, and released when the build stops', () => {
    // The build then stops before Astro, at an output folder whose parent is a file: no full build needed.
    const work = mkdtempSync(join(tmpdir(), 'od-lock-'));
    const content = makeFixture({}, work);
    writeFileSync(join(work, 'file'), 'not a folder');
    const dead = deadPid();
    writeLock({ pid: dead });
    const result = runBuildScript(content, join(work, 'file/dist'));
    assert.equal(result.status, 1, result.output);
    assert.match(
      result.output,
      new RegExp(`Taking over the build lock of process ${dead} \\(since 2026-01-01T00:00:00.000Z\\), which is no longer running\\.`),
    );
    assert.match(result.output, /Cannot build into .*file\/dist\/: .*file is a file, not a folder \(ENOTDIR\)/);
    assert.ok(!existsSync(LOCK), 'the lock is released');
    assert.deepEqual(readdirSync(work).sort(), ['content', 'file']);
  });

  test('acquireLock: one holder at a time; a dead holder is replaced; release removes only its own lock', () => {
    const lockFile = join(mkdtempSync(join(tmpdir(), 'od-lock-')), 'sub/build.lock');
    const info = (pid: number, token: string): LockInfo => ({ pid, token, startedAt: 'now', outDir: '/x' });
    const first = info(process.pid, 'first');
    assert.deepEqual(acquireLock(lockFile, first), { ok: true, tookOver: [] });
    const second = acquireLock(lockFile, info(process.pid, 'second'));
    assert.equal(second.ok, false);
    assert.equal(!second.ok && second.holder.token, 'first');
    releaseLock(lockFile, info(process.pid, 'second'));
    assert.ok(existsSync(lockFile), 'another build cannot release it');
    releaseLock(lockFile, first);
    assert.ok(!existsSync(lockFile));

    const dead = info(deadPid(), 'dead');
    writeFileSync(lockFile, JSON.stringify(dead));
    const third = acquireLock(lockFile, info(process.pid, 'third'));
    assert.deepEqual(third, { ok: true, tookOver: [dead] });
    assert.equal(JSON.parse(readFileSync(lockFile, 'utf8')).token, 'third');
    assert.deepEqual(readdirSync(dirname(lockFile)), ['build.lock'], 'no temporary file is left');
  });
});

test('SIGTERM during a build stops Astro and every process it started, removes the staging folder, releases the lock and exits 143', async () => {
  const { content, work, outDir } = withPreviousBuild();
  assert.ok(!existsSync(LOCK), 'no other build runs in this project');
  const script = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: content, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  script.stdout.on('data', (chunk) => (output += chunk));
  script.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => script.on('exit', (code, signal) => done({ code, signal })));
  let astroPid: number | undefined;
  try {
    // The lock names Astro's pid once it has started.
    for (let waited = 0; astroPid === undefined; waited += 100) {
      assert.ok(waited < 60_000, `Astro did not start:\n${output}`);
      await sleep(100);
      try {
        astroPid = JSON.parse(readFileSync(LOCK, 'utf8')).astroPid;
      } catch {
        // Not written yet.
      }
    }
    await sleep(1500); // into the build
    assert.ok(alive(astroPid), 'Astro runs');
    process.kill(script.pid!, 'SIGTERM');
    const { code, signal } = await exited;
    assert.equal(signal, null, 'the script handles the signal rather than dying of it');
    assert.equal(code, 143, output);
    assert.match(output, /The build was stopped by SIGTERM; .*dist\/ is unchanged\./);
    assert.ok(!alive(astroPid), 'Astro is not left running');
    assert.throws(() => process.kill(-astroPid!, 0), { code: 'ESRCH' }, 'nothing Astro started is left running');
    assert.ok(!existsSync(LOCK), 'the lock is released');
    assertUntouched(work, outDir);
  } finally {
    if (astroPid && alive(astroPid)) process.kill(-astroPid, 'SIGKILL');
    script.kill('SIGKILL');
  }
});

describe('an output folder that cannot be replaced fails before Astro starts, with one sentence', () => {
  test('its parent is a file', () => {
    const work = mkdtempSync(join(tmpdir(), 'od-out-'));
    const content = makeFixture({}, work);
    writeFileSync(join(work, 'file'), 'not a folder');
    const result = runBuildScript(content, join(work, 'file/deeper/dist'));
    assert.equal(result.status, 1, result.output);
    assert.equal(
      oneLine(result.output),
      `Cannot build into ${join(work, 'file/deeper/dist')}/: ${join(work, 'file')} is a file, not a folder (ENOTDIR). Fix: move that file away or build elsewhere with --outDir.`,
    );
    assert.deepEqual(readdirSync(work).sort(), ['content', 'file']);
    assert.equal(readFileSync(join(work, 'file'), 'utf8'), 'not a folder');
  });

  test('it is a file', () => {
    const work = mkdtempSync(join(tmpdir(), 'od-out-'));
    const content = makeFixture({}, work);
    writeFileSync(join(work, 'dist'), 'a file');
    const result = runBuildScript(content, join(work, 'dist'));
    assert.equal(result.status, 1, result.output);
    assert.match(oneLine(result.output), /^Cannot replace .*dist\/: .*dist is a file, not a folder\. Fix: /);
    assert.deepEqual(readdirSync(work).sort(), ['content', 'dist']);
    assert.equal(readFileSync(join(work, 'dist'), 'utf8'), 'a file');
  });

  test('it holds the content (or the project)', () => {
    // A throwaway fixture stands in for the project: were the refusal to fail, only it would be replaced.
    const work = mkdtempSync(join(tmpdir(), 'od-out-'));
    const content = makeFixture({}, work);
    const result = runBuildScript(content, work);
    assert.equal(result.status, 1, result.output);
    assert.equal(
      oneLine(result.output),
      `Refusing to build into ${work}/: a build replaces its output folder whole, and ${work} is or contains ${content}. Fix: choose a folder of its own with --outDir, e.g. --outDir dist.`,
    );
    assert.deepEqual(readdirSync(work), ['content']);
  });

  test('its parent is read-only', { skip: process.getuid?.() === 0 && 'root ignores file permissions' }, () => {
    const { content, work, outDir } = withPreviousBuild();
    chmodSync(work, 0o555);
    try {
      const result = runBuildScript(content, outDir);
      assert.equal(result.status, 1, result.output);
      assert.match(
        oneLine(result.output),
        new RegExp(`^Cannot build into .*dist/: permission denied on ${work} \\(EACCES\\)\\. Fix: make it writable \\(chmod u\\+w\\)`),
      );
    } finally {
      chmodSync(work, 0o755);
    }
    assertUntouched(work, outDir);
  });
});

describe('the swap, with renames only', () => {
  function staged() {
    const work = mkdtempSync(join(tmpdir(), 'od-swap-'));
    const paths = { outDir: join(work, 'dist'), staging: join(work, '.dist-staging'), previous: join(work, '.dist-previous'), display: 'dist/' };
    mkdirSync(paths.outDir);
    writeFileSync(join(paths.outDir, 'index.html'), 'old');
    mkdirSync(paths.staging);
    writeFileSync(join(paths.staging, 'index.html'), 'new');
    return { work, paths, read: () => readFileSync(join(paths.outDir, 'index.html'), 'utf8') };
  }
  const denied = (path: string) => Object.assign(new Error(`EACCES: permission denied, '${path}'`), { code: 'EACCES', path });
  const fsWith = (fail: (op: 'rename' | 'remove', from: string, to?: string) => boolean): SwapFs => ({
    rename: (from, to) => {
      if (fail('rename', from, to)) throw denied(from);
      renameSync(from, to);
    },
    remove: (path) => {
      if (fail('remove', path)) throw denied(path);
      rmSync(path, { recursive: true, force: true });
    },
    exists: existsSync,
  });

  test('a passing swap replaces the output whole and leaves nothing behind', () => {
    const { work, paths, read } = staged();
    assert.deepEqual(swapIn(paths), { ok: true });
    assert.equal(read(), 'new');
    assert.deepEqual(readdirSync(work), ['dist']);
  });

  test('when the new build cannot be moved in, the old output is moved back', () => {
    const { work, paths, read } = staged();
    const result = swapIn(
      paths,
      fsWith((op, from) => op === 'rename' && from === paths.staging),
    );
    assert.deepEqual(result, {
      ok: false,
      message: `Cannot replace dist/: permission denied on ${paths.staging} (EACCES). Fix: make it writable (chmod u+w) or build elsewhere with --outDir. dist/ is unchanged.`,
    });
    assert.equal(read(), 'old');
    assert.deepEqual(readdirSync(work).sort(), ['.dist-staging', 'dist'], 'no previous folder is left; the caller removes the staging one');
  });

  test('when moving the old output back fails too, the message says where it is', () => {
    const { paths } = staged();
    const result = swapIn(
      paths,
      fsWith((op, from) => op === 'rename' && from !== paths.outDir),
    );
    assert.equal(result.ok, false);
    assert.match(
      !result.ok ? result.message : '',
      new RegExp(`Moving the previous build back also failed .*: it is in ${paths.previous}; rename it to ${paths.outDir} by hand\\.`),
    );
    assert.ok(existsSync(join(paths.previous, 'index.html')));
  });

  test('when the old output cannot be moved aside, nothing changes', () => {
    const { paths, read } = staged();
    const result = swapIn(
      paths,
      fsWith((op, from) => op === 'rename' && from === paths.outDir),
    );
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.message : '', /^Cannot replace dist\/: permission denied on .*dist \(EACCES\)\. Fix: .* dist\/ is unchanged\.$/);
    assert.equal(read(), 'old');
  });

  test('when the old build cannot be removed, the new one is in place and that is only a warning', () => {
    const { paths, read } = staged();
    const result = swapIn(
      paths,
      fsWith((op) => op === 'remove'),
    );
    assert.equal(result.ok, true);
    assert.match(
      (result.ok && result.warning) || '',
      /^Warning: dist\/ holds the new build, but the previous one could not be removed from .*\.dist-previous: permission denied/,
    );
    assert.equal(read(), 'new');
  });
});

describe('a BASE_PATH or SITE_URL that cannot be the site’s path or origin is refused before Astro starts', () => {
  for (const [name, value, expected] of [
    ['BASE_PATH', '/a b/', /^BASE_PATH "\/a b\/" cannot be a URL path: it contains a space\. Use a path such as \/kb\//],
    ['BASE_PATH', '/kb/../x/', /^BASE_PATH "\/kb\/\.\.\/x\/" cannot be a URL path: "\.\." is a dot segment/],
    ['BASE_PATH', '//evil.example/', /^BASE_PATH "\/\/evil\.example\/" cannot be a URL path: .* another host/],
    [
      'SITE_URL',
      'https://example.org/kb/',
      /^SITE_URL "https:\/\/example\.org\/kb\/" cannot be the site's address: it has the path \/kb\/\. Use an origin such as https:\/\/example\.org/,
    ],
  ] as const) {
    test(`${name}=${value}`, () => {
      const { content, work, outDir } = withPreviousBuild();
      const result = runBuildScript(content, outDir, { [name]: value });
      assert.equal(result.status, 1, result.output);
      assert.match(oneLine(result.output), expected);
      assertUntouched(work, outDir);
    });
  }

  test('a direct `astro build` refuses it too (astro.config.mjs)', () => {
    const work = mkdtempSync(join(tmpdir(), 'od-base-'));
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(work, 'dist')], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: join(ROOT, 'tests/fixtures/minimal-site/content'), BASE_PATH: '/kb?x', NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.notEqual(result.status, 0);
    assert.match(`${result.stdout}\n${result.stderr}`, /BASE_PATH "\/kb\?x" cannot be a URL path: "\?" would start a query string\./);
    assert.deepEqual(readdirSync(work), []);
  });
});
