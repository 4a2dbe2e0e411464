import { defineConfig, devices } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.ts';

const executablePath = findChromium();

/** `astro dev`, end to end: each test file starts its own dev server on a copy of a fixture (tests/e2e-dev/dev-server.ts). */
export default defineConfig({
  testDir: 'tests/e2e-dev',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    trace: 'off',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
