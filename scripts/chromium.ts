/**
 * Which Chromium the end-to-end tests drive: Playwright's own when installed, else
 * Debian's /usr/bin/chromium, else a clear message on how to get one.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  } catch {
    // Playwright has no browser of its own here.
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  throw new Error(
    'No Chromium for the end-to-end tests. Install one with `npx playwright install chromium`, ' +
      'or on Debian/Ubuntu `apt-get install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
  );
}
