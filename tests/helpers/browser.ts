// Headless Chromium for browser tests: the system browser through playwright-core, which
// downloads nothing. Found as the Lighthouse audit finds it (CHROME_PATH, else the usual places).
import { chromium, type Browser } from 'playwright-core';
import { findChrome } from '../../scripts/lighthouse/chrome.ts';

export async function launchBrowser(): Promise<Browser> {
  const chrome = findChrome(process.env);
  if (!chrome.found) throw new Error(chrome.message);
  return chromium.launch({
    executablePath: chrome.path,
    headless: true,
    // The sandbox cannot start as root in containers; the pages under test are our own.
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
