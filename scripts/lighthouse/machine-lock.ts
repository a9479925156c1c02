// One Lighthouse audit at a time on a machine: two at once skew each other's performance numbers.
// A lock file holds the owner's pid; a lock whose owner has died is taken over.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const DEFAULT_LOCK_FILE = join(tmpdir(), 'lighthouse-audit.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Waits for the machine's audit lock and returns the function that releases it. */
export async function acquireMachineLock(options: {
  file?: string;
  signal?: AbortSignal;
  onWait?: (ownerPid: number) => void;
  pollMs?: number;
}): Promise<() => void> {
  const file = options.file ?? DEFAULT_LOCK_FILE;
  let announced = false;
  for (;;) {
    options.signal?.throwIfAborted();
    if (tryTake(file)) {
      return () => {
        if (ownerOf(file) === process.pid) {
          try {
            unlinkSync(file);
          } catch {
            // Already removed.
          }
        }
      };
    }
    const owner = ownerOf(file);
    if (owner === undefined || owner === process.pid || !isAlive(owner)) {
      // Left behind by a run that was killed outright (or half-written): take it over.
      try {
        unlinkSync(file);
      } catch {
        // Another waiter removed it first.
      }
      continue;
    }
    if (!announced) options.onWait?.(owner);
    announced = true;
    await sleep(options.pollMs ?? 1000, undefined, options.signal ? { signal: options.signal } : {});
  }
}
