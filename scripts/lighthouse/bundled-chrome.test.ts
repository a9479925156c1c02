import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { BUNDLED_CHROME_FLAGS, bundledChromeRunsOn, findBundledChromePackage, isAbandonedPartial, unpackBundledChrome, unpackedChromePath } from './bundled-chrome.ts';
import { countProcessesWith, launchChrome, resolveChrome } from './chrome.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

describe('where the browser from npm goes', () => {
  it.each([
    { tmp: '/tmp', version: '153.0.0', uid: 0, path: '/tmp/sparticuz-chromium-153.0.0-uid0/chromium' },
    { tmp: '/var/tmp/me', version: '154.0.1', uid: 1000, path: '/var/tmp/me/sparticuz-chromium-154.0.1-uid1000/chromium' },
    { tmp: '/tmp', version: '153.0.0', uid: undefined, path: '/tmp/sparticuz-chromium-153.0.0/chromium' },
  ])('version $version for uid $uid unpacks to $path', ({ tmp, version, uid, path }) => {
    expect(unpackedChromePath(tmp, version, uid)).toBe(path);
  });

  it.each([
    { platform: 'linux', arch: 'x64', runs: true },
    { platform: 'linux', arch: 'arm64', runs: false },
    { platform: 'darwin', arch: 'x64', runs: false },
    { platform: 'win32', arch: 'x64', runs: false },
  ])('runs on $platform $arch: $runs', ({ platform, arch, runs }) => {
    expect(bundledChromeRunsOn(platform, arch)).toBe(runs);
  });

  it.each([
    { name: 'chromium.4242-00ff00ff00ff.partial', alive: false, abandoned: true },
    { name: 'chromium.4242-00ff00ff00ff.partial', alive: true, abandoned: false },
    { name: 'chromium', alive: false, abandoned: false },
    { name: 'locales', alive: false, abandoned: false },
  ])('$name of a process that is alive: $alive is abandoned: $abandoned', ({ name, alive, abandoned }) => {
    expect(isAbandonedPartial(name, () => alive)).toBe(abandoned);
  });

  it('is not found when the package is not installed', () => {
    expect(findBundledChromePackage(join(temporaryFolder('no-packages-'), 'index.js'))).toBeUndefined();
  });

  it('is found where npm ci installed it', () => {
    expect(findBundledChromePackage()).toEqual({ version: '153.0.0', archive: join(import.meta.dirname, '../../node_modules/@sparticuz/chromium/bin/chromium.br') });
  });
});

const pkg = findBundledChromePackage();
const runnable = pkg !== undefined && bundledChromeRunsOn(process.platform, process.arch);

/** Unpacks in a separate process, as a parallel test worker or a second audit would. */
function unpackInChild(tmp: string): Promise<{ code: number | null; output: string }> {
  const script = `import { findBundledChromePackage, unpackBundledChrome } from ${JSON.stringify(join(import.meta.dirname, 'bundled-chrome.ts'))};
console.log(await unpackBundledChrome(findBundledChromePackage(), { tmp: ${JSON.stringify(tmp)}, onUnpack: () => console.log('unpacking') }));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolveRun) => child.on('close', (code) => resolveRun({ code, output })));
}

const versionOf = (binary: string) => spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();

describe.runIf(runnable)('unpacking the browser from npm', () => {
  it('two processes unpacking at once into one folder both get the same, complete browser', async () => {
    const tmp = temporaryFolder('bundled-chrome-race-');
    const runs = await Promise.all([unpackInChild(tmp), unpackInChild(tmp)]);
    const target = unpackedChromePath(tmp, pkg!.version, process.getuid?.());
    for (const run of runs) {
      expect(run.code, run.output).toBe(0);
      expect(run.output.trim().split('\n').at(-1)).toBe(target);
    }
    expect(versionOf(target)).toMatch(/^Chromium 153\.\d+\.\d+\.\d+$/);
    expect(readdirSync(dirname(target))).toEqual(['chromium']);
  });

  it('two unpacks at once in one process (both past the check before either finishes) give one complete browser', async () => {
    const tmp = temporaryFolder('bundled-chrome-same-process-');
    const unpacking: string[] = [];
    const paths = await Promise.all([0, 1].map(() => unpackBundledChrome(pkg!, { tmp, onUnpack: (path) => unpacking.push(path) })));
    expect(unpacking).toHaveLength(2);
    expect(new Set(paths).size).toBe(1);
    expect(versionOf(paths[0]!)).toMatch(/^Chromium 153\./);
    expect(readdirSync(dirname(paths[0]!))).toEqual(['chromium']);

    // Unpacked once: a later call returns the same file without writing it again.
    const before = statSync(paths[0]!);
    const again = await unpackBundledChrome(pkg!, { tmp, onUnpack: (path) => unpacking.push(path) });
    expect(again).toBe(paths[0]);
    expect(unpacking).toHaveLength(2);
    expect(statSync(again).ino).toBe(before.ino);
  });

  it('removes a half-written browser left by a process that died, and never runs it', async () => {
    const tmp = temporaryFolder('bundled-chrome-abandoned-');
    const target = unpackedChromePath(tmp, pkg!.version, process.getuid?.());
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    // A pid above the kernel's pid_max belongs to no process.
    const pidMax = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
    const abandoned = join(dirname(target), `chromium.${pidMax + 1}-0123456789ab.partial`);
    writeFileSync(abandoned, 'half a browser', { mode: 0o755 });
    expect(await unpackBundledChrome(pkg!, { tmp })).toBe(target);
    expect(readdirSync(dirname(target))).toEqual(['chromium']);
    expect(versionOf(target)).toMatch(/^Chromium 153\./);
  });

  it('refuses a folder that others can write to', async () => {
    const tmp = temporaryFolder('bundled-chrome-shared-');
    const target = unpackedChromePath(tmp, pkg!.version, process.getuid?.());
    mkdirSync(dirname(target), { recursive: true });
    chmodSync(dirname(target), 0o777);
    await expect(unpackBundledChrome(pkg!, { tmp })).rejects.toThrow(/is not a folder of this user's that only it can write to, so the browser in it cannot be trusted\. Remove it, or set TMPDIR/);
  });
});

describe.runIf(runnable)('the browser from npm, even where a system Chrome is installed', () => {
  /** resolveChrome on a machine without CHROME_PATH or an installed browser. */
  const npmChrome = async () => {
    const chrome = await resolveChrome({}, { findSystem: () => ({ found: false, message: 'none installed' }) });
    if (!chrome.found) throw new Error(chrome.message);
    expect(chrome.source).toBe('npm');
    return chrome;
  };

  it('starts through launchChrome with its flags, answers on its debugging port, and leaves no process when killed', async () => {
    const chrome = await npmChrome();
    const profileDir = temporaryFolder('bundled-chrome-profile-');
    const session = await launchChrome({ chromePath: chrome.path, profileDir, extraFlags: chrome.extraFlags });
    try {
      const commandLine = readFileSync(`/proc/${session.pid}/cmdline`, 'utf8').split('\0');
      expect(commandLine).toEqual(expect.arrayContaining([...BUNDLED_CHROME_FLAGS, '--headless', `--user-data-dir=${profileDir}`]));
      const version = (await (await fetch(`http://127.0.0.1:${session.port}/json/version`)).json()) as { Browser: string };
      expect(version.Browser).toMatch(/^HeadlessChrome\/153\./);
    } finally {
      await session.kill();
    }
    expect(countProcessesWith(profileDir)).toBe(0);
  });

  it('renders a page in playwright-core, launched by the tests’ own helper', async () => {
    const browser = await launchBrowser(await npmChrome());
    try {
      expect(browser.version()).toMatch(/^153\./);
      const page = await browser.newPage();
      await page.setContent('<main><h1>Urban Haze</h1><p id="greeting"></p></main><script>document.getElementById("greeting").textContent = "rendered by " + navigator.userAgent.match(/HeadlessChrome\\/\\d+/)[0]</script>');
      expect(await page.locator('#greeting').textContent()).toBe('rendered by HeadlessChrome/153');
      expect(await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().height)).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
