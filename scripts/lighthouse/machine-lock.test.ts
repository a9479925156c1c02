import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireMachineLock } from './machine-lock.ts';

const directory = mkdtempSync(join(tmpdir(), 'machine-lock-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('one audit at a time on a machine', () => {
  it('holds the lock until released', async () => {
    const file = join(directory, 'a.lock');
    const release = await acquireMachineLock({ file });
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('makes a second audit wait, saying who it waits for, until the first one ends', async () => {
    const file = join(directory, 'b.lock');
    const releaseFirst = await acquireMachineLock({ file });
    // Hand it to another live process (our parent), as if another audit held it.
    writeFileSync(file, String(process.ppid));
    const waitedFor: number[] = [];
    let acquired = false;
    const second = acquireMachineLock({ file, pollMs: 20, onWait: (pid) => waitedFor.push(pid) }).then((release) => {
      acquired = true;
      return release;
    });
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    expect(acquired).toBe(false);
    expect(waitedFor).toEqual([process.ppid]);
    rmSync(file); // the first audit ends
    (await second)();
    releaseFirst();
    expect(acquired).toBe(true);
  });

  it('takes over a lock left by an audit that was killed outright', async () => {
    const file = join(directory, 'c.lock');
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(file, dead.stdout.trim());
    const release = await acquireMachineLock({ file, pollMs: 20 });
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('stops waiting when the audit is cancelled', async () => {
    const file = join(directory, 'd.lock');
    writeFileSync(file, String(process.ppid));
    const controller = new AbortController();
    const waiting = acquireMachineLock({ file, pollMs: 20, signal: controller.signal });
    controller.abort('SIGINT');
    await expect(waiting).rejects.toBeDefined();
  });
});
