// Finding, starting and always stopping Chrome. chrome-launcher only cleans up on Ctrl-C; here every
// session is killed by its owner (try/finally), and the entry script kills any still alive on a signal
// or on exit, so no Chrome outlives the audit.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as chromeLauncher from 'chrome-launcher';
import { BUNDLED_CHROME_FLAGS, BUNDLED_CHROME_PACKAGE, bundledChromeRunsOn, BundledChromeError, findBundledChromePackage, unpackBundledChrome, type BundledChromePackage } from './bundled-chrome.ts';

/** Where Chrome or Chromium usually lives, checked in this order after CHROME_PATH. */
export const USUAL_CHROME_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const HOW_TO_GET_CHROME =
  `Run npm ci, which installs a Chromium for Linux x64 from npm (${BUNDLED_CHROME_PACKAGE}), or install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or Google Chrome, or set CHROME_PATH to the browser binary.`;

export type ChromeLookup = { found: true; path: string } | { found: false; message: string };

/** Where the browser came from: CHROME_PATH, the machine's usual places, or the npm package. */
export type ChromeSource = 'CHROME_PATH' | 'system' | 'npm';

export type ResolvedChrome =
  | { found: true; path: string; source: ChromeSource; /** Flags this browser needs on top of chromeFlags(). */ extraFlags: readonly string[] }
  | { found: false; message: string };

/** How each source is named to the user, e.g. "Chrome: Chromium 153.0.8010.0, npm package @sparticuz/chromium (/tmp/…)". */
export const CHROME_SOURCE_NAMES: Readonly<Record<ChromeSource, string>> = {
  CHROME_PATH: 'from CHROME_PATH',
  system: 'installed on this machine',
  npm: `npm package ${BUNDLED_CHROME_PACKAGE}`,
};

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** CHROME_PATH when set (and then only it), else the first usual location that holds an executable. */
export function findChrome(
  env: Readonly<Record<string, string | undefined>>,
  isExecutable: (path: string) => boolean = isExecutableFile,
  candidates: readonly string[] = USUAL_CHROME_PATHS,
): ChromeLookup {
  const configured = env['CHROME_PATH'];
  if (configured) {
    return isExecutable(configured)
      ? { found: true, path: configured }
      : { found: false, message: `CHROME_PATH is set to ${configured}, which is not an executable file. Point it at a Chrome or Chromium binary, or unset it to use an installed Chromium.` };
  }
  const path = candidates.find((candidate) => isExecutable(candidate));
  return path ? { found: true, path } : { found: false, message: notFoundMessage(candidates) };
}

function notFoundMessage(candidates: readonly string[], npmNote?: string): string {
  const places = `${candidates.filter((c) => c.startsWith('/usr')).join(', ')} and the usual places`;
  return `No Chrome or Chromium found (CHROME_PATH is not set; looked in ${places}${npmNote ? `; ${npmNote}` : ''}). ${HOW_TO_GET_CHROME}`;
}

export interface ChromeResolvers {
  /** The machine's browser: CHROME_PATH, then the usual places (default findChrome). */
  findSystem?: (env: Readonly<Record<string, string | undefined>>) => ChromeLookup;
  /** The installed npm package, if any (default findBundledChromePackage). */
  findPackage?: () => BundledChromePackage | undefined;
  /** Unpacks the package's browser and returns its path (default unpackBundledChrome). */
  unpack?: (pkg: BundledChromePackage) => Promise<string>;
  platform?: string;
  arch?: string;
  /** Called before the npm browser is unpacked (only the first time on a machine; a few seconds). */
  onUnpack?: (path: string) => void;
}

/**
 * The browser to use: CHROME_PATH when set (and then only it), else an installed Chrome or Chromium
 * in the usual places, else the Chromium that `npm ci` installed (@sparticuz/chromium), unpacked on
 * first use.
 */
export async function resolveChrome(env: Readonly<Record<string, string | undefined>>, resolvers: ChromeResolvers = {}): Promise<ResolvedChrome> {
  const system = (resolvers.findSystem ?? findChrome)(env);
  if (system.found) return { found: true, path: system.path, source: env['CHROME_PATH'] ? 'CHROME_PATH' : 'system', extraFlags: [] };
  // A CHROME_PATH that points nowhere is a mistake to report, not to replace silently.
  if (env['CHROME_PATH']) return system;
  const pkg = (resolvers.findPackage ?? findBundledChromePackage)();
  if (!pkg) return { found: false, message: notFoundMessage(USUAL_CHROME_PATHS, `${BUNDLED_CHROME_PACKAGE} is not installed`) };
  if (!bundledChromeRunsOn(resolvers.platform ?? process.platform, resolvers.arch ?? process.arch)) {
    return { found: false, message: notFoundMessage(USUAL_CHROME_PATHS, `the Chromium of ${BUNDLED_CHROME_PACKAGE} runs on Linux x64 only`) };
  }
  try {
    const { onUnpack } = resolvers;
    const unpack = resolvers.unpack ?? ((found: BundledChromePackage) => unpackBundledChrome(found, onUnpack ? { onUnpack } : {}));
    const path = await unpack(pkg);
    return { found: true, path, source: 'npm', extraFlags: BUNDLED_CHROME_FLAGS };
  } catch (error) {
    if (!(error instanceof BundledChromeError)) throw error;
    return { found: false, message: `No Chrome or Chromium installed, and the one from npm cannot be used: ${error.message}` };
  }
}

export class ChromeStartError extends Error {
  override name = 'ChromeStartError';
}

/** Checks that the binary runs at all, so a broken Chrome gives a message instead of a launch timeout. */
export function chromeVersion(chromePath: string): string {
  const result = spawnSync(chromePath, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (result.error || result.status !== 0) {
    const reason = result.error?.message ?? `exited with code ${result.status}${result.stderr ? `: ${result.stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`;
    throw new ChromeStartError(`${chromePath} does not start (${chromePath} --version ${reason}). ${HOW_TO_GET_CHROME}`);
  }
  return result.stdout.trim();
}

/** Flags for a quiet headless Chrome on a closed network (no first-run, sync or component updates). */
export function chromeFlags(isRoot: boolean): string[] {
  return [
    '--headless',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    // Chrome's sandbox refuses to run as root (containers, CI).
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

export interface ChromeSession {
  port: number;
  pid: number;
  profileDir: string;
  /** Kills Chrome's whole process group and waits until none of its processes is left. */
  kill(): Promise<void>;
}

const liveSessions = new Set<{ kill: () => void }>();

/** Synchronous last resort for signal and exit handlers: SIGKILL every Chrome still running. */
export function killAllChromeNow(): void {
  for (const session of liveSessions) session.kill();
  liveSessions.clear();
}

/** Number of running processes whose command line contains `needle` (Linux /proc; 0 elsewhere). */
export function countProcessesWith(needle: string): number {
  let count = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) count++;
    } catch {
      // The process ended while we looked.
    }
  }
  return count;
}

function tail(path: string, lines: number): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function launchChrome(options: {
  chromePath: string;
  profileDir: string;
  /** Flags this browser needs on top of chromeFlags() (resolveChrome's extraFlags). */
  extraFlags?: readonly string[];
  signal?: AbortSignal;
}): Promise<ChromeSession> {
  mkdirSync(options.profileDir, { recursive: true });
  const launcher = new chromeLauncher.Launcher({
    chromePath: options.chromePath,
    userDataDir: options.profileDir,
    chromeFlags: [...chromeFlags(process.getuid?.() === 0), ...(options.extraFlags ?? [])],
    handleSIGINT: false,
    logLevel: 'silent',
    maxConnectionRetries: 60,
    connectionPollInterval: 250,
  });
  // Registered before Chrome is even spawned: a signal that arrives while Chrome starts must still kill it.
  const entry = {
    kill: () => {
      const pid = launcher.chromeProcess?.pid;
      if (pid === undefined) return;
      try {
        process.kill(-pid, 'SIGKILL'); // the whole process group: browser, zygotes, renderers
      } catch {
        // Already gone.
      }
    },
  };
  liveSessions.add(entry);
  const onAbort = () => entry.kill();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    options.signal?.throwIfAborted();
    await launcher.launch();
    options.signal?.throwIfAborted();
  } catch (error) {
    entry.kill();
    liveSessions.delete(entry);
    if (options.signal?.aborted) throw error;
    const log = tail(join(options.profileDir, 'chrome-err.log'), 5);
    throw new ChromeStartError(
      `Chrome (${options.chromePath}) did not start: ${(error as Error).message}${log ? `\nChrome said:\n${log}` : ''}\n${HOW_TO_GET_CHROME}`,
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const chromeProcess = launcher.chromeProcess!;
  return {
    port: launcher.port!,
    pid: chromeProcess.pid!,
    profileDir: options.profileDir,
    kill: async () => {
      if (!liveSessions.has(entry)) return;
      const exited = new Promise<void>((resolveExit) => {
        if (chromeProcess.exitCode !== null || chromeProcess.signalCode !== null) resolveExit();
        else chromeProcess.once('exit', () => resolveExit());
      });
      entry.kill();
      liveSessions.delete(entry);
      await Promise.race([exited, sleep(5000)]);
      // Renderer and utility processes leave a moment after the browser process.
      for (let waited = 0; waited < 5000 && countProcessesWith(options.profileDir) > 0; waited += 100) await sleep(100);
    },
  };
}
