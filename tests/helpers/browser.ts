// Headless Chromium for browser tests through playwright-core, which downloads nothing. Found as the
// Lighthouse audit finds it: CHROME_PATH, else an installed Chrome or Chromium, else the Chromium
// that npm ci installed (@sparticuz/chromium).
import { chromium, type Browser } from 'playwright-core';
import { resolveChrome, type ResolvedChrome } from '../../scripts/lighthouse/chrome.ts';

export type FoundChrome = Extract<ResolvedChrome, { found: true }>;

/** The browser tests use, and where it came from (for a test that needs one source). */
export async function testChrome(): Promise<FoundChrome> {
  const chrome = await resolveChrome(process.env);
  if (!chrome.found) throw new Error(chrome.message);
  return chrome;
}

export async function launchBrowser(chrome?: FoundChrome): Promise<Browser> {
  const { path, extraFlags } = chrome ?? (await testChrome());
  return chromium.launch({
    executablePath: path,
    headless: true,
    // The sandbox cannot start as root in containers; the pages under test are our own.
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraFlags],
  });
}
