// Finding, starting and always stopping Chrome. chrome-launcher only cleans up on Ctrl-C; here every
// session is killed by its owner (try/finally), and the entry script kills any still alive on a signal
// or on exit, so no Chrome outlives the audit.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as chromeLauncher from 'chrome-launcher';

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
  'Install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or Google Chrome, or set CHROME_PATH to the browser binary.';

export type ChromeLookup = { found: true; path: string } | { found: false; message: string };

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
  return path
    ? { found: true, path }
    : { found: false, message: `No Chrome or Chromium found (CHROME_PATH is not set; looked in ${candidates.filter((c) => c.startsWith('/usr')).join(', ')} and the usual places). ${HOW_TO_GET_CHROME}` };
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

export async function launchChrome(options: { chromePath: string; profileDir: string; signal?: AbortSignal }): Promise<ChromeSession> {
  mkdirSync(options.profileDir, { recursive: true });
  const launcher = new chromeLauncher.Launcher({
    chromePath: options.chromePath,
    userDataDir: options.profileDir,
    chromeFlags: chromeFlags(process.getuid?.() === 0),
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
