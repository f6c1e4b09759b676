import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

import { skipWithout } from './skipWithout.js';

// Debian's chromium only (.ci/install-chromium.sh); playwright-core never downloads a browser here.
const CHROMIUM = '/usr/bin/chromium';

/** True outside CI on a machine without Debian's chromium: the browser tests are skipped with a warning. */
export const skipBrowser = skipWithout('chromium', existsSync(CHROMIUM), 'bash .ci/install-chromium.sh');

/** A headless Chromium on a fresh, throw-away profile, and the function that closes it and deletes the profile. */
export async function launchChromium(): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/install-chromium.sh`);
  const profile = mkdtempSync(join(tmpdir(), 'customer-health-chromium-'));
  // A persistent context on a fresh profile directory: Playwright's way to pass --user-data-dir.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
