/**
 * Starts `astro dev` on a free port against a copy of a fixture's content (CONTENT_DIR), and
 * keeps everything it prints, so a test can read the terminal as an author would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface DevServer {
  url: string;
  /** Everything the server printed so far, colours removed. */
  output(): string;
  /** Waits until the output has `text` after `from` (an offset into the output). */
  waitForOutput(text: string | RegExp, from?: number, timeout?: number): Promise<void>;
  /** Rewrites a content file (path relative to the content folder). */
  edit(path: string, change: (text: string) => string): void;
  stop(): Promise<void>;
}

export async function startDevServer(fixture = 'tests/fixtures/minimal-site/content'): Promise<DevServer> {
  const contentDir = mkdtempSync(join(tmpdir(), 'od-dev-'));
  cpSync(join(ROOT, fixture), contentDir, { recursive: true });
  const port = await freePort();
  // The Node that runs the tests (npm runs them on the node devDependency's Node 24) runs the server.
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: contentDir, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  // eslint-disable-next-line no-control-regex
  const append = (chunk: Buffer) => (text += chunk.toString('utf8').replace(/\u001b\[[0-9;]*m/g, ''));
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const waitForOutput = async (pattern: string | RegExp, from = 0, timeout = 30_000) => {
    const started = Date.now();
    for (;;) {
      const rest = text.slice(from);
      if (typeof pattern === 'string' ? rest.includes(pattern) : pattern.test(rest)) return;
      if (child.exitCode !== null) throw new Error(`astro dev exited (${child.exitCode}):\n${text}`);
      if (Date.now() - started > timeout) throw new Error(`Timed out waiting for ${pattern} in the output:\n${rest}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await waitForOutput('Search index built', 0, 45_000);
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => text,
    waitForOutput,
    edit(path, change) {
      const file = join(contentDir, path);
      writeFileSync(file, change(readFileSync(file, 'utf8')));
    },
    async stop() {
      if (child.exitCode === null) {
        process.kill(-child.pid!, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      }
      rmSync(contentDir, { recursive: true, force: true });
    },
  };
}
