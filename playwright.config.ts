import { defineConfig, devices } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.ts';

const executablePath = findChromium();

/**
 * The site is built once per run and served as a CDN would, at the root and under /kb/.
 * E2E_PORT moves both servers (root on it, base path on the next port), so that two
 * checkouts can run their suites side by side without reusing each other's server.
 */
export const ROOT_PORT = Number(process.env.E2E_PORT ?? 4330);
export const BASE_PORT = ROOT_PORT + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${ROOT_PORT}`,
    trace: 'off',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: `npm run build && node scripts/serve.ts --dir dist --port ${ROOT_PORT}`,
      url: `http://localhost:${ROOT_PORT}/`,
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
      // SIGTERM lets serve.ts remove its temporary snapshot (SIGKILL, the default, cannot).
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    {
      command: `BASE_PATH=/kb/ node scripts/build.ts --outDir .test-dist/kb && node scripts/serve.ts --dir .test-dist/kb --base /kb/ --port ${BASE_PORT}`,
      url: `http://localhost:${BASE_PORT}/kb/`,
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
      // SIGTERM lets serve.ts remove its temporary snapshot (SIGKILL, the default, cannot).
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
