// Runs this project's real `astro build` on a content folder, the one way tests and the
// benchmark build sites. Always on the Node that runs the caller (Node 24 under npm scripts).
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { samplePeakMemory } from './process-tree.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const BUILD_SCRIPT = join(PROJECT_ROOT, 'scripts/build.ts');

export interface AstroBuildOptions {
  /** Folder holding posts/. */
  contentDir: string;
  /**
   * Astro's root for this site, where it writes `.astro/`. By default the folder holding contentDir when
   * that is inside the project, so that sites built at once never share one (Astro's content-assets.mjs
   * there lists a site's images); a root must be inside the project, where Vite finds node_modules.
   */
  root?: string;
  outDir: string;
  /** Astro's cache (content store, images, OG cards). */
  cacheDir: string;
  env?: Record<string, string>;
  /** Sample the peak resident memory of the whole process tree. */
  measureMemory?: boolean;
  /** Run in a network namespace with no network at all (Linux `unshare`), to prove the build needs none. */
  withoutNetwork?: boolean;
  /** `astro build` itself (the default), or scripts/build.ts as `npm run build` runs it. */
  entry?: 'astro' | 'npm-build';
  /** More arguments after `--outDir` (for `npm-build`: the audit's). */
  args?: string[];
  /** Run as this user (and group) id, e.g. to meet file permissions as a site owner who is not root would. */
  uid?: number;
}

function siteRootEnv(options: AstroBuildOptions): Record<string, string> {
  const root = options.root ?? dirname(resolve(options.contentDir));
  const fromProject = relative(PROJECT_ROOT, root);
  const insideProject = fromProject !== '' && !fromProject.startsWith('..') && !isAbsolute(fromProject);
  return options.root !== undefined || insideProject ? { ASTRO_ROOT: root } : {};
}

export interface AstroBuildRun {
  exitCode: number;
  /** The signal that ended the process, when one did. */
  signal?: NodeJS.Signals;
  /** stdout and stderr interleaved, as a person running the build sees them. */
  output: string;
  /**
   * Each stream alone. Lines on two pipes reach the reader in no fixed order, so "the last line"
   * is only well defined within one stream.
   */
  stdout: string;
  stderr: string;
  milliseconds: number;
  peakMemoryBytes?: number;
}

export interface AstroBuildProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves once `pattern` appears in the output (rejects if the build ends first). */
  waitFor(pattern: RegExp): Promise<void>;
  done: Promise<AstroBuildRun>;
}

/** Starts the build and returns at once, so a caller can watch its output and signal it. */
export function startAstroBuild(options: AstroBuildOptions): AstroBuildProcess {
  const started = performance.now();
  // `npm-build` is what `npm run build` runs: astro build into a staging folder, the audit, then publishing.
  const entry = options.entry === 'npm-build' ? [BUILD_SCRIPT] : [ASTRO_BIN, 'build'];
  const command = [process.execPath, ...entry, '--outDir', options.outDir, ...(options.args ?? [])];
  // As root a plain network namespace will do; otherwise map the user to root inside a user namespace.
  const isolation = process.getuid?.() === 0 ? ['unshare', '--net'] : ['unshare', '--map-root-user', '--net'];
  const [program, ...args] = options.withoutNetwork ? [...isolation, ...command] : command;
  const child = spawn(program!, args, {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      CONTENT_DIR: options.contentDir,
      ...siteRootEnv(options),
      ASTRO_CACHE_DIR: options.cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      // As `npm run build` runs it; under vitest NODE_ENV=test would bundle libraries' development builds.
      NODE_ENV: 'production',
      ...options.env,
    },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  const memory = options.measureMemory && child.pid ? samplePeakMemory(child.pid) : undefined;
  let output = '';
  const streams = { stdout: '', stderr: '' };
  const listeners = new Set<() => void>();
  const collect = (stream: keyof typeof streams) => (chunk: Buffer) => {
    output += chunk.toString();
    streams[stream] += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect('stdout'));
  child.stderr!.on('data', collect('stderr'));
  const done = new Promise<AstroBuildRun>((resolveDone) => {
    child.on('close', (code, signal) => {
      const peakMemoryBytes = memory?.stop();
      resolveDone({
        exitCode: code ?? 1,
        ...(signal ? { signal } : {}),
        output,
        ...streams,
        milliseconds: Math.round(performance.now() - started),
        ...(peakMemoryBytes === undefined ? {} : { peakMemoryBytes }),
      });
    });
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolveSeen, reject) => {
      const check = () => {
        if (!pattern.test(output)) return;
        listeners.delete(check);
        resolveSeen();
      };
      listeners.add(check);
      void done.then(() => {
        if (listeners.delete(check)) reject(new Error(`the build ended without printing ${pattern}:\n${output}`));
      });
      check();
    });
  return { child, output: () => output, waitFor, done };
}

export function runAstroBuild(options: AstroBuildOptions): Promise<AstroBuildRun> {
  return startAstroBuild(options).done;
}
