// Runs this project's real `astro build` on a content folder, the one way tests and the
// benchmark build sites. Always on the Node that runs the caller (Node 24 under npm scripts).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { samplePeakMemory } from './process-tree.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

export interface AstroBuildOptions {
  /** Folder holding posts/. */
  contentDir: string;
  outDir: string;
  /** Astro's cache (content store, images, OG cards). */
  cacheDir: string;
  env?: Record<string, string>;
  /** Sample the peak resident memory of the whole process tree. */
  measureMemory?: boolean;
  /** Run in a network namespace with no network at all (Linux `unshare`), to prove the build needs none. */
  withoutNetwork?: boolean;
}

export interface AstroBuildRun {
  exitCode: number;
  /** stdout and stderr interleaved, as a person running the build sees them. */
  output: string;
  milliseconds: number;
  peakMemoryBytes?: number;
}

export function runAstroBuild(options: AstroBuildOptions): Promise<AstroBuildRun> {
  const started = performance.now();
  return new Promise((resolvePromise) => {
    const command = [process.execPath, ASTRO_BIN, 'build', '--outDir', options.outDir];
    // As root a plain network namespace will do; otherwise map the user to root inside a user namespace.
    const isolation = process.getuid?.() === 0 ? ['unshare', '--net'] : ['unshare', '--map-root-user', '--net'];
    const [program, ...args] = options.withoutNetwork ? [...isolation, ...command] : command;
    const child = spawn(program!, args, {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        CONTENT_DIR: options.contentDir,
        ASTRO_CACHE_DIR: options.cacheDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        // As `npm run build` runs it; under vitest NODE_ENV=test would bundle libraries' development builds.
        NODE_ENV: 'production',
        ...options.env,
      },
    });
    const memory = options.measureMemory && child.pid ? samplePeakMemory(child.pid) : undefined;
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const peakMemoryBytes = memory?.stop();
      resolvePromise({
        exitCode: code ?? 1,
        output,
        milliseconds: Math.round(performance.now() - started),
        ...(peakMemoryBytes === undefined ? {} : { peakMemoryBytes }),
      });
    });
  });
}
