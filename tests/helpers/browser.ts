// Headless Chromium for browser tests: the system browser through playwright-core, which
// downloads nothing. CHROME_PATH points at another binary.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`No Chromium at ${CHROME_PATH}: install it (apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary.`);
  }
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    // The sandbox cannot start as root in containers; the pages under test are our own.
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
