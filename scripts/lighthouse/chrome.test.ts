import { describe, expect, it } from 'vitest';
import { chromeFlags, findChrome } from './chrome.ts';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('finding Chrome', () => {
  it('uses CHROME_PATH when it is set', () => {
    expect(findChrome({ CHROME_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({ found: true, path: '/opt/chrome/chrome' });
  });

  it('does not fall back silently when CHROME_PATH points nowhere', () => {
    expect(findChrome({ CHROME_PATH: '/nowhere/chrome' }, only('/usr/bin/chromium'))).toEqual({
      found: false,
      message: 'CHROME_PATH is set to /nowhere/chrome, which is not an executable file. Point it at a Chrome or Chromium binary, or unset it to use an installed Chromium.',
    });
  });

  it.each(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'])('finds %s in the usual places', (path) => {
    expect(findChrome({}, only(path))).toEqual({ found: true, path });
  });

  it('prefers Chromium over Chrome when both are installed, in a fixed order', () => {
    expect(findChrome({}, only('/usr/bin/google-chrome', '/usr/bin/chromium'))).toEqual({ found: true, path: '/usr/bin/chromium' });
  });

  it('says how to get one when there is none', () => {
    const lookup = findChrome({}, only());
    expect(lookup.found).toBe(false);
    expect(!lookup.found && lookup.message).toMatch(/^No Chrome or Chromium found \(CHROME_PATH is not set; looked in \/usr\/bin\/chromium, .*\)\. Install Chromium \(Debian\/Ubuntu: sudo apt-get install chromium\) or Google Chrome, or set CHROME_PATH/);
  });
});

describe('Chrome’s flags', () => {
  it('run headless and quiet, with a sandbox unless running as root', () => {
    expect(chromeFlags(false)).toEqual(expect.arrayContaining(['--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking']));
    expect(chromeFlags(false)).not.toContain('--no-sandbox');
    expect(chromeFlags(true)).toContain('--no-sandbox');
  });
});
