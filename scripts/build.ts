/**
 * The build, all or nothing: Astro builds into a staging folder beside the output folder;
 * only a build that passes every check replaces the output whole. A failed or interrupted
 * build leaves the previous output exactly as it was, and the exit code says which happened.
 *
 *   node scripts/build.ts [--outDir dist]      (BASE_PATH, SITE_URL and CONTENT_DIR pass through)
 *
 * Before Astro starts (each refusal is one line, exit 1, nothing touched):
 * - BASE_PATH and SITE_URL must be usable as the site's path and origin (src/lib/urls.ts);
 * - one build per project at a time: Astro's caches (`.astro/`, `node_modules/.astro/`) are shared by every
 *   build of the project whatever its output folder, so the lock `node_modules/.cache/orbital-dossier/build.lock`
 *   (pid and start time) is per project; a lock whose processes are gone is taken over;
 * - the output folder must be replaceable: its parent a writable folder, itself a writable folder or absent,
 *   and neither the project nor one of its source folders.
 * SIGINT, SIGTERM and SIGHUP are passed on to Astro (and its children); once it has stopped, the staging folder
 * is removed, the lock released and the script exits with 128 + the signal's number (130 for SIGINT).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { getContentDir, getProjectRoot } from '../src/lib/project.ts';
import { checkBasePath, checkSiteUrl } from '../src/lib/urls.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How long Astro may take to stop after a signal before it is killed. */
const STOP_GRACE_MS = 10_000;

// ---------------------------------------------------------------------------------------------------------------
// File-system errors, said in one sentence

/** True when something (a file, folder or link, even a broken one) is at `path`. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The nearest ancestor of `path` (or `path` itself) that exists but is not a folder, if any. */
function fileInTheWay(path: string): string | undefined {
  for (let p = path; ; p = dirname(p)) {
    try {
      return statSync(p).isDirectory() ? undefined : p;
    } catch {
      if (dirname(p) === p) return undefined;
    }
  }
}

/** What went wrong on the file system and how to fix it, for `Cannot … : <what>. Fix: <fix>.` */
export function fsProblem(error: unknown, path: string): { what: string; fix: string } {
  const e = error as NodeJS.ErrnoException & { dest?: string };
  const at = e.path ?? path;
  const elsewhere = 'build elsewhere with --outDir';
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return { what: `permission denied on ${at} (${e.code})`, fix: `make it writable (chmod u+w) or ${elsewhere}` };
    case 'EROFS':
      return { what: `${at} is on a read-only file system (EROFS)`, fix: elsewhere };
    case 'ENOTDIR': {
      const file = fileInTheWay(at) ?? at;
      return { what: `${file} is a file, not a folder (ENOTDIR)`, fix: `move that file away or ${elsewhere}` };
    }
    case 'EEXIST':
    case 'ENOTEMPTY':
      return { what: `${e.dest ?? at} is in the way (${e.code})`, fix: 'remove it and build again' };
    case 'EBUSY':
      return {
        what: `${at} is in use or a mount point (EBUSY)`,
        fix: `stop what uses it, or ${elsewhere} (a mount point cannot be replaced; build into a folder inside it)`,
      };
    case 'ENOSPC':
    case 'EDQUOT':
      return { what: `no space left for ${at} (${e.code})`, fix: `free some space or ${elsewhere}` };
    case 'ENOENT':
      return { what: `${at} does not exist (ENOENT)`, fix: 'check that nothing else moves or deletes it during the build' };
    default:
      return { what: `${e.message ?? String(error)} (${at})`, fix: elsewhere };
  }
}

/** `Cannot <action>: <what>. Fix: <fix>.` with the error's own path. */
function cannot(action: string, error: unknown, path: string): string {
  const { what, fix } = fsProblem(error, path);
  return `Cannot ${action}: ${what}. Fix: ${fix}.`;
}

function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

// ---------------------------------------------------------------------------------------------------------------
// The swap

export interface SwapPaths {
  outDir: string;
  staging: string;
  previous: string;
  /** The output folder as the user named it, e.g. `dist/`. */
  display: string;
}

export interface SwapFs {
  rename(from: string, to: string): void;
  remove(path: string): void;
  exists(path: string): boolean;
}

const realFs: SwapFs = { rename: renameSync, remove: removeFolder, exists: present };

export type SwapResult = { ok: true; warning?: string } | { ok: false; message: string };

/**
 * Puts the staged build in place of the output folder with renames only: output → previous, staging → output, then
 * previous is removed. If the second rename fails, the first is undone, so the output is either the new build or
 * the old one, never neither. Failing to remove the previous build is only a warning: the output is already new.
 */
export function swapIn(paths: SwapPaths, fs: SwapFs = realFs): SwapResult {
  const { outDir, staging, previous, display } = paths;
  const hadOutput = fs.exists(outDir);
  if (hadOutput) {
    try {
      fs.rename(outDir, previous);
    } catch (error) {
      return { ok: false, message: `${cannot(`replace ${display}`, error, outDir)} ${display} is unchanged.` };
    }
  }
  try {
    fs.rename(staging, outDir);
  } catch (error) {
    if (!hadOutput) return { ok: false, message: `${cannot(`create ${display}`, error, outDir)} ${display} was not created.` };
    try {
      fs.rename(previous, outDir);
    } catch (undoError) {
      const { what } = fsProblem(undoError, previous);
      return {
        ok: false,
        message: `${cannot(`replace ${display}`, error, outDir)} Moving the previous build back also failed (${what}): it is in ${previous}; rename it to ${outDir} by hand.`,
      };
    }
    return { ok: false, message: `${cannot(`replace ${display}`, error, outDir)} ${display} is unchanged.` };
  }
  if (hadOutput) {
    try {
      fs.remove(previous);
    } catch (error) {
      const { what, fix } = fsProblem(error, previous);
      return {
        ok: true,
        warning: `Warning: ${display} holds the new build, but the previous one could not be removed from ${previous}: ${what}. Fix: ${fix}, then remove it (the next build tries again).`,
      };
    }
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------------------
// The lock

export interface LockInfo {
  pid: number;
  startedAt: string;
  outDir: string;
  /** Astro's process, once started: it may outlive a build script killed with SIGKILL. */
  astroPid?: number;
  token: string;
}

export function lockFileOf(projectRoot: string): string {
  return join(projectRoot, 'node_modules/.cache/orbital-dossier/build.lock');
}

function isAlive(pid: unknown): pid is number {
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockFile: string): string | undefined {
  try {
    return readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const info = JSON.parse(text) as LockInfo;
    return typeof info === 'object' && info !== null && typeof info.pid === 'number' ? info : undefined;
  } catch {
    return undefined;
  }
}

export type LockResult = { ok: true; tookOver: (LockInfo | undefined)[] } | { ok: false; holder: LockInfo; astroOnly: boolean };

/**
 * Takes the lock: the lock file appears whole or not at all (hard link of a complete file, `wx` where links are not
 * supported). A lock whose build script and Astro process are both gone is moved aside and taken over; the one moved
 * aside is checked to be the stale one read, so two builds taking over at once cannot both win.
 */
export function acquireLock(lockFile: string, mine: LockInfo): LockResult {
  mkdirSync(dirname(lockFile), { recursive: true });
  const text = JSON.stringify(mine);
  const temp = `${lockFile}.${mine.pid}.${mine.token}`;
  writeFileSync(temp, text);
  const tookOver: (LockInfo | undefined)[] = [];
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        try {
          linkSync(temp, lockFile);
        } catch (error) {
          if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
          writeFileSync(lockFile, text, { flag: 'wx' });
        }
        return { ok: true, tookOver };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = readLock(lockFile);
      if (held === undefined) continue;
      const holder = parseLock(held);
      if (holder && isAlive(holder.pid)) return { ok: false, holder, astroOnly: false };
      if (holder && isAlive(holder.astroPid)) return { ok: false, holder, astroOnly: true };
      // A stale lock (or a file that is not a lock at all, e.g. truncated by a full disk).
      const aside = `${lockFile}.stale.${mine.pid}.${mine.token}`;
      try {
        renameSync(lockFile, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      if (readLock(aside) !== held) {
        // Another build took the stale lock over first and this one moved its fresh lock aside: give it back.
        try {
          linkSync(aside, lockFile);
        } catch {
          // A third build holds it now; the lock stays exclusive either way.
        }
      } else tookOver.push(holder);
      unlinkSync(aside);
    }
    throw new Error(`the lock ${lockFile} kept changing hands`);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Rewrites the lock this build holds (e.g. to add Astro's pid), atomically. */
export function updateLock(lockFile: string, mine: LockInfo): void {
  const temp = `${lockFile}.${mine.pid}.${mine.token}.update`;
  writeFileSync(temp, JSON.stringify(mine));
  renameSync(temp, lockFile);
}

/** Removes the lock if this build still holds it. */
export function releaseLock(lockFile: string, mine: LockInfo): void {
  try {
    if (parseLock(readLock(lockFile) ?? '')?.token === mine.token) unlinkSync(lockFile);
  } catch {
    // Nothing to release.
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Before Astro starts

/** Refuses an output folder whose replacement would destroy the project: the project itself, an ancestor or a source folder. */
function checkNotProject(outDir: string, display: string): string | undefined {
  const root = getProjectRoot();
  const scriptProject = resolve(import.meta.dirname, '..');
  const precious = [root, scriptProject, getContentDir(), ...['src', 'public', 'node_modules', 'scripts', 'tests', '.git'].map((d) => join(root, d))];
  for (const path of precious) {
    if (path === outDir || path.startsWith(outDir.endsWith(sep) ? outDir : outDir + sep)) {
      return `Refusing to build into ${display}: a build replaces its output folder whole, and ${outDir} is or contains ${path}. Fix: choose a folder of its own with --outDir, e.g. --outDir dist.`;
    }
  }
  return undefined;
}

/** Makes sure the swap can happen before spending a build on it; creates the (empty) staging folder. */
function prepareOutput(paths: SwapPaths): string | undefined {
  const { outDir, staging, previous, display } = paths;
  const parent = dirname(outDir);
  const file = fileInTheWay(parent);
  if (file) return `Cannot build into ${display}: ${file} is a file, not a folder (ENOTDIR). Fix: move that file away or build elsewhere with --outDir.`;
  try {
    mkdirSync(parent, { recursive: true });
    if (!statSync(parent).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR', path: parent });
    accessSync(parent, constants.W_OK | constants.X_OK);
  } catch (error) {
    return cannot(`build into ${display}`, error, parent);
  }
  if (present(outDir)) {
    try {
      if (!statSync(outDir).isDirectory())
        return `Cannot replace ${display}: ${outDir} is a file, not a folder. Fix: move it away or build elsewhere with --outDir.`;
      accessSync(outDir, constants.W_OK | constants.X_OK);
    } catch (error) {
      return cannot(`replace ${display}`, error, outDir);
    }
  }
  // Leftovers of an interrupted build. A previous build without an output means the swap stopped half-way.
  if (present(previous)) {
    if (!present(outDir)) {
      try {
        renameSync(previous, outDir);
        console.log(`Restored ${display} from ${previous}, left by an interrupted build.`);
      } catch (error) {
        return cannot(`restore ${display} from ${previous}`, error, previous);
      }
    } else {
      try {
        removeFolder(previous);
      } catch (error) {
        return cannot(`remove ${previous}, left by an earlier build`, error, previous);
      }
    }
  }
  try {
    removeFolder(staging);
    mkdirSync(staging);
  } catch (error) {
    return cannot(`build into ${display}`, error, staging);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The build

async function main(): Promise<number> {
  let outDirArg: string;
  try {
    outDirArg = parseArgs({ options: { outDir: { type: 'string', default: 'dist' } } }).values.outDir;
  } catch (error) {
    console.error(`${(error as Error).message.replace(/\.?$/, '.')} Usage: node scripts/build.ts [--outDir dist]`);
    return 1;
  }
  const outDir = resolve(outDirArg);
  const display = outDirArg.endsWith('/') ? outDirArg : `${outDirArg}/`;
  const paths: SwapPaths = {
    outDir,
    display,
    staging: join(dirname(outDir), `.${basename(outDir)}-staging`),
    previous: join(dirname(outDir), `.${basename(outDir)}-previous`),
  };

  // Pure checks first: nothing is touched.
  for (const check of [checkBasePath(process.env.BASE_PATH), checkSiteUrl(process.env.SITE_URL)]) {
    if (!check.ok) {
      console.error(`${check.message} ${check.hint}`);
      return 1;
    }
  }
  const notProject = checkNotProject(outDir, display);
  if (notProject) {
    console.error(notProject);
    return 1;
  }

  const lockFile = lockFileOf(getProjectRoot());
  const mine: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), outDir, token: randomUUID() };
  let lock: LockResult;
  try {
    lock = acquireLock(lockFile, mine);
  } catch (error) {
    console.error(cannot(`take the build lock ${lockFile}`, error, lockFile));
    return 1;
  }
  if (!lock.ok) {
    const { holder } = lock;
    console.error(
      lock.astroOnly
        ? `The Astro process (pid ${holder.astroPid}) of an interrupted build of this project is still running; nothing was changed. Stop it (kill ${holder.astroPid}) and build again.`
        : `Another build of this project is running (pid ${holder.pid}, since ${holder.startedAt}); nothing was changed. Wait for it to end, or delete ${relative(process.cwd(), lockFile)} if no build is running.`,
    );
    return 1;
  }
  process.on('exit', () => releaseLock(lockFile, mine));
  const stopper = new Stopper();
  for (const holder of lock.tookOver) {
    console.log(
      holder
        ? `Taking over the build lock of process ${holder.pid} (since ${holder.startedAt}), which is no longer running.`
        : `Replacing an unreadable build lock ${lockFile}.`,
    );
  }

  try {
    const refused = prepareOutput(paths);
    if (refused) {
      // Refused before its last step, the staging folder's creation: nothing to clean up.
      console.error(refused);
      return 1;
    }
    const outcome = await runAstro(paths.staging, lockFile, mine, stopper);
    if (outcome.signal || outcome.code !== 0) {
      removeFolder(paths.staging);
      if (outcome.signal) {
        console.error(`\nThe build was stopped by ${outcome.signal}; ${display} is unchanged.`);
        return 128 + (osConstants.signals[outcome.signal] ?? 0);
      }
      const killed = outcome.astroSignal ? ` (Astro was killed by ${outcome.astroSignal})` : '';
      console.error(`\nThe build failed${killed}; ${display} is unchanged.`);
      return outcome.code ?? 1;
    }
    // A process that ends with nothing left to wait for exits 0 wherever it was: only a written site counts.
    if (!existsSync(join(paths.staging, 'index.html'))) {
      removeFolder(paths.staging);
      console.error(`\nAstro exited without writing the site (no index.html in the staging folder); ${display} is unchanged.`);
      return 1;
    }
    const swapped = swapIn(paths);
    if (!swapped.ok) {
      removeFolder(paths.staging);
      console.error(swapped.message);
      return 1;
    }
    if (swapped.warning) console.warn(swapped.warning);
    console.log(`Built into ${display}.`);
    return 0;
  } catch (error) {
    // A file-system error of the clean-up itself: still one sentence.
    console.error(cannot(`finish the build into ${display}`, error, paths.staging));
    return 1;
  } finally {
    stopper.dispose();
    releaseLock(lockFile, mine);
  }
}

interface AstroOutcome {
  /** Astro's exit code; null when it was killed by a signal. */
  code: number | null;
  /** The signal that stopped the build script (passed on to Astro), if any. */
  signal?: (typeof SIGNALS)[number] | undefined;
  /** The signal that killed Astro, if it died of one. */
  astroSignal?: NodeJS.Signals | null;
}

/**
 * Catches SIGINT, SIGTERM and SIGHUP from the moment the lock is held (so the script never dies with the lock and
 * staging folder left behind) and passes them on to Astro's process group once it runs.
 */
class Stopper {
  signal: (typeof SIGNALS)[number] | undefined;
  #group: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #onSignal = (signal: (typeof SIGNALS)[number]) => {
    if (this.signal) {
      this.#send('SIGKILL'); // asked twice: stop now
      return;
    }
    this.signal = signal;
    if (this.#group === undefined) return;
    console.error(`\n${signal}: stopping Astro (pid ${this.#group})…`);
    this.#send(signal);
    this.#timer = setTimeout(() => this.#send('SIGKILL'), STOP_GRACE_MS);
  };

  constructor() {
    for (const signal of SIGNALS) process.on(signal, this.#onSignal);
  }

  /** Astro runs as the leader of process group `pid`. */
  attach(pid: number): void {
    this.#group = pid;
  }

  /** Astro has exited: after a signal, whatever it started and left behind in its group goes with it. */
  detach(): void {
    clearTimeout(this.#timer);
    if (this.signal) this.#send('SIGKILL');
    this.#group = undefined;
  }

  dispose(): void {
    this.detach();
    for (const signal of SIGNALS) process.off(signal, this.#onSignal);
  }

  #send(signal: NodeJS.Signals): void {
    if (this.#group === undefined) return;
    try {
      process.kill(-this.#group, signal);
    } catch {
      // The group is gone already.
    }
  }
}

/**
 * Runs `astro build` in a process group of its own, so that a signal reaches Astro and every process it started, and
 * waits for it to end.
 */
function runAstro(staging: string, lockFile: string, mine: LockInfo, stopper: Stopper): Promise<AstroOutcome> {
  const astro = join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
  if (stopper.signal) return Promise.resolve({ code: null, signal: stopper.signal });
  return new Promise((done) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', staging], { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    let finished = false;
    const finish = (outcome: AstroOutcome) => {
      if (finished) return;
      finished = true;
      stopper.detach();
      done({ ...outcome, signal: stopper.signal });
    };
    if (child.pid !== undefined) {
      stopper.attach(child.pid);
      try {
        updateLock(lockFile, { ...mine, astroPid: child.pid });
      } catch {
        // The lock still names this script, which is what keeps other builds out.
      }
    }
    child.on('error', (error) => {
      console.error(`Cannot start Astro: ${error.message}.`);
      finish({ code: 1 });
    });
    child.on('exit', (code, astroSignal) => finish({ code, astroSignal }));
  });
}

if (import.meta.main) process.exit(await main());
