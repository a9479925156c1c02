// The Chromium that comes with `npm ci`: the package @sparticuz/chromium ships a Linux x64 Chromium
// inside itself, Brotli-compressed (67 MB). It is unpacked once into the temporary folder (about
// 210 MB) and used when no Chrome or Chromium is installed (see resolveChrome in chrome.ts).
//
// The package's own executablePath() is not used: it unpacks straight to /tmp/chromium, so a second
// process that starts meanwhile takes the half-written file for a finished one, and a run stopped
// mid-unpack leaves a broken browser every later run would use. Here each process writes its own
// partial file and renames it into place, so the binary's path only ever holds a complete browser.
// Only the browser is unpacked: the package's fonts and SwiftShader libraries serve AWS Lambda
// (the system's fontconfig and fonts are used, and headless Chrome renders in software).
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

export const BUNDLED_CHROME_PACKAGE = '@sparticuz/chromium';

/**
 * Flags the browser from npm needs on top of chromeFlags(). It comes without the GL libraries
 * (SwiftShader) Chrome's software GPU process loads, so that process would only fail to start and
 * log errors: render without it.
 */
export const BUNDLED_CHROME_FLAGS: readonly string[] = ['--disable-software-rasterizer'];

export interface BundledChromePackage {
  version: string;
  /** The compressed browser inside the package. */
  archive: string;
}

/** The package's Chromium is a Linux x64 build. */
export function bundledChromeRunsOn(platform: string, arch: string): boolean {
  return platform === 'linux' && arch === 'x64';
}

/** Where a package version unpacks: a folder of the user's own in the temporary folder (Chromium writes beside its binary). */
export function unpackedChromePath(tmp: string, version: string, uid: number | undefined): string {
  return join(tmp, `sparticuz-chromium-${version}${uid === undefined ? '' : `-uid${uid}`}`, 'chromium');
}

const PARTIAL = /^chromium\.(\d+)-[0-9a-f]+\.partial$/;

/** A partial unpack, named `chromium.<pid>-<random>.partial`, whose process has ended (it will never be finished). */
export function isAbandonedPartial(name: string, isAlive: (pid: number) => boolean): boolean {
  const match = PARTIAL.exec(name);
  return match !== null && !isAlive(Number(match[1]));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The installed package, or undefined when npm did not install it. */
export function findBundledChromePackage(resolveFrom: string = import.meta.url): BundledChromePackage | undefined {
  let entry: string;
  try {
    entry = createRequire(resolveFrom).resolve(BUNDLED_CHROME_PACKAGE);
  } catch {
    return undefined;
  }
  // The package's entry is build/index.js; its package.json and bin/ sit one level up.
  const root = dirname(dirname(entry));
  const archive = join(root, 'bin', 'chromium.br');
  try {
    const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: string; version?: string };
    if (name !== BUNDLED_CHROME_PACKAGE || !version || !statSync(archive).isFile()) return undefined;
    return { version, archive };
  } catch {
    return undefined;
  }
}

export class BundledChromeError extends Error {
  override name = 'BundledChromeError';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The temporary folder is shared: only a real folder of our own, writable by no one else, may hold a browser we run. */
function checkOwnFolder(folder: string): void {
  const stats = lstatSync(folder);
  const uid = process.getuid?.();
  if (!stats.isDirectory() || (uid !== undefined && stats.uid !== uid) || (stats.mode & 0o022) !== 0) {
    throw new BundledChromeError(`${folder} is not a folder of this user's that only it can write to, so the browser in it cannot be trusted. Remove it, or set TMPDIR to another folder.`);
  }
}

/**
 * Unpacks the package's browser once (later calls return at once) and returns its binary's path.
 * Safe to run in several processes at once: each writes its own partial file and renames it over
 * the binary's path, so that path only ever holds a complete browser.
 */
export async function unpackBundledChrome(pkg: BundledChromePackage, options: { tmp?: string; onUnpack?: (path: string) => void } = {}): Promise<string> {
  const target = unpackedChromePath(options.tmp ?? tmpdir(), pkg.version, process.getuid?.());
  const folder = dirname(target);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  checkOwnFolder(folder);
  if (isFile(target)) return target;

  for (const name of readdirSync(folder)) {
    if (isAbandonedPartial(name, isAlive)) rmSync(join(folder, name), { force: true });
  }
  options.onUnpack?.(target);
  const partial = `${target}.${process.pid}-${randomBytes(6).toString('hex')}.partial`;
  try {
    await pipeline(createReadStream(pkg.archive), createBrotliDecompress(), createWriteStream(partial, { flags: 'wx', mode: 0o755 }));
    // Atomic: a process that finishes second replaces the file with identical bytes.
    renameSync(partial, target);
  } catch (error) {
    throw new BundledChromeError(`Could not unpack ${BUNDLED_CHROME_PACKAGE} ${pkg.version} into ${folder}: ${(error as Error).message}`);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}
