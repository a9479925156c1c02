import { describe, expect, it } from 'vitest';
import { BUNDLED_CHROME_FLAGS, BundledChromeError, type BundledChromePackage } from './bundled-chrome.ts';
import { chromeFlags, findChrome, resolveChrome, type ChromeResolvers } from './chrome.ts';

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
    expect(!lookup.found && lookup.message).toMatch(
      /^No Chrome or Chromium found \(CHROME_PATH is not set; looked in \/usr\/bin\/chromium, .*\)\. Run npm ci, which installs a Chromium for Linux x64 from npm \(@sparticuz\/chromium\), or install Chromium \(Debian\/Ubuntu: sudo apt-get install chromium\) or Google Chrome, or set CHROME_PATH/,
    );
  });
});

describe('choosing the browser: CHROME_PATH, then the system’s, then the one from npm', () => {
  const pkg: BundledChromePackage = { version: '153.0.0', archive: '/project/node_modules/@sparticuz/chromium/bin/chromium.br' };
  const npmBrowser = '/tmp/sparticuz-chromium-153.0.0-uid0/chromium';
  /** A machine with these executables, the npm package installed or not, on Linux x64. */
  const machine = (executables: string[], installed = true): ChromeResolvers & { unpacked: BundledChromePackage[] } => {
    const unpacked: BundledChromePackage[] = [];
    return {
      unpacked,
      findSystem: (env) => findChrome(env, only(...executables)),
      findPackage: () => (installed ? pkg : undefined),
      unpack: async (found) => {
        unpacked.push(found);
        return npmBrowser;
      },
      platform: 'linux',
      arch: 'x64',
    };
  };

  it.each([
    { case: 'CHROME_PATH first', env: { CHROME_PATH: '/opt/chrome/chrome' }, executables: ['/opt/chrome/chrome', '/usr/bin/chromium'], path: '/opt/chrome/chrome', source: 'CHROME_PATH' },
    { case: 'an installed Chromium before the npm one', env: {}, executables: ['/usr/bin/chromium'], path: '/usr/bin/chromium', source: 'system' },
    { case: 'an installed Chrome before the npm one', env: {}, executables: ['/usr/bin/google-chrome-stable'], path: '/usr/bin/google-chrome-stable', source: 'system' },
  ])('uses $case, with no extra flags and nothing unpacked', async ({ env, executables, path, source }) => {
    const resolvers = machine(executables);
    expect(await resolveChrome(env, resolvers)).toEqual({ found: true, path, source, extraFlags: [] });
    expect(resolvers.unpacked).toEqual([]);
  });

  it('falls back to the npm browser when nothing is installed, unpacking it, with the flags it needs', async () => {
    const resolvers = machine([]);
    expect(await resolveChrome({}, resolvers)).toEqual({ found: true, path: npmBrowser, source: 'npm', extraFlags: BUNDLED_CHROME_FLAGS });
    expect(resolvers.unpacked).toEqual([pkg]);
  });

  it('does not fall back to the npm browser when CHROME_PATH points nowhere', async () => {
    const resolvers = machine([]);
    const lookup = await resolveChrome({ CHROME_PATH: '/nowhere/chrome' }, resolvers);
    expect(lookup).toEqual({ found: false, message: expect.stringMatching(/^CHROME_PATH is set to \/nowhere\/chrome, which is not an executable file\./) });
    expect(resolvers.unpacked).toEqual([]);
  });

  it.each([
    { case: 'when npm did not install the package', resolvers: { ...machine([], false) }, note: '@sparticuz/chromium is not installed' },
    { case: 'on a platform its Chromium does not run on', resolvers: { ...machine([]), platform: 'darwin', arch: 'arm64' }, note: 'the Chromium of @sparticuz/chromium runs on Linux x64 only' },
  ])('says what to do $case', async ({ resolvers, note }) => {
    const lookup = await resolveChrome({}, resolvers);
    expect(lookup.found).toBe(false);
    expect(!lookup.found && lookup.message).toContain(`and the usual places; ${note}). Run npm ci, which installs a Chromium`);
  });

  it('says why the npm browser cannot be used when unpacking it fails', async () => {
    const lookup = await resolveChrome({}, {
      ...machine([]),
      unpack: async () => {
        throw new BundledChromeError('Could not unpack @sparticuz/chromium 153.0.0 into /tmp/x: ENOSPC: no space left on device');
      },
    });
    expect(lookup).toEqual({
      found: false,
      message: 'No Chrome or Chromium installed, and the one from npm cannot be used: Could not unpack @sparticuz/chromium 153.0.0 into /tmp/x: ENOSPC: no space left on device',
    });
  });
});

describe('Chrome’s flags', () => {
  it('run headless and quiet, with a sandbox unless running as root', () => {
    expect(chromeFlags(false)).toEqual(expect.arrayContaining(['--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking']));
    expect(chromeFlags(false)).not.toContain('--no-sandbox');
    expect(chromeFlags(true)).toContain('--no-sandbox');
  });
});
