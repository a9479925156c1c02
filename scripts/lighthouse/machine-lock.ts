// One Lighthouse audit's timed runs at a time on a machine: two at once skew each other's performance
// numbers. A lock file (JSON: who holds it, since when) says who is timing; the holder refreshes the
// file's mtime as a heartbeat while it holds it.
//
// A lock never blocks for nothing: it is taken over when its holder is dead, is this same process,
// belongs to this same run (the same LIGHTHOUSE_AUDIT_RUN token: an earlier audit of it, such as one a
// test timed out), has stopped refreshing it, or has held it too long; an unreadable file is taken over
// once it is a few seconds old. Whoever waits is told so, and told again every `reportEveryMs`.
//
// The run token is explicit on purpose: test harnesses set LIGHTHOUSE_AUDIT_RUN, ordinary shells do not,
// so two audits started side by side from one shell (`npm run audit -- --shard 1/2 & ...`) wait for each
// other instead of timing at once.
//
// Atomicity: the lock is taken with link(), which fails if the file exists, from a temporary file that
// already holds the whole record, so no one ever reads a half-written lock of ours. The lock file is
// only ever removed (by a waiter taking it over, or by its holder releasing it) under a claim: a second
// file created exclusively beside it for the few microseconds it takes to read the lock again and
// remove it only if it is still the very record that was judged. So of several waiters taking over one
// dead audit's lock, exactly one removes it, and none removes the lock another has just taken afresh.
// The holder refreshes its heartbeat through its own file descriptor, never by name.
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, futimesSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'astro/zod';
import { formatDuration } from '../../src/lib/duration.ts';

/** The lock file's contents. */
const lockRecordSchema = z.object({
  pid: z.number().int().positive(),
  /** The holder's run token (LIGHTHOUSE_AUDIT_RUN); absent for an audit that belongs to no run. */
  run: z.string().min(1).optional(),
  /** ISO time the holder took the lock. */
  startedAt: z.string().refine((text) => !Number.isNaN(Date.parse(text))),
  /** ISO time of the holder's last heartbeat, for holders that write it; the file's mtime is the other. */
  heartbeatAt: z.string().refine((text) => !Number.isNaN(Date.parse(text))).optional(),
  /** The holder's command line, to say who it is. */
  command: z.string().optional(),
});
export type LockRecord = z.output<typeof lockRecordSchema>;

/** What a waiter knows about the lock it found, as data. Times are epoch milliseconds. */
export type LockHolder =
  | { readable: true; pid: number; run?: string; command?: string; startedAt: number; heartbeatAt: number; alive: boolean }
  | { readable: false; writtenAt: number };

/** The waiter: who it is and what it tolerates. */
export interface Waiter {
  pid: number;
  /** Its run token: a live holder with the same one is an earlier audit of this same run. */
  run?: string;
  staleAfterMs: number;
  maxHoldMs: number;
}

export type LockVerdict = { action: 'wait'; reclaimInMs: number } | { action: 'reclaim'; reason: string };

export interface WaitInfo {
  pid: number;
  heldForMs: number;
  /** Time left until the lock is taken over, at the latest (sooner if its holder stops refreshing it). */
  reclaimInMs: number;
}

export interface MachineLockOptions {
  /** The lock file; `lockFileFrom(process.env)` when not given. */
  file?: string;
  /** The run this audit belongs to; `runTokenFrom(process.env)` when not given. */
  run?: string;
  /** Aborting it while waiting rejects at once. */
  signal?: AbortSignal;
  /** Called when waiting starts, again every `reportEveryMs`, and when the holder changes. */
  onWait?: (info: WaitInfo) => void;
  /** Called with why, and whose, when a lock is taken over. */
  onReclaim?: (reason: string) => void;
  /** How often a waiter looks at the lock again. */
  pollMs?: number;
  /** How often the holder refreshes its heartbeat; well under any waiter's `staleAfterMs`. */
  heartbeatMs?: number;
  /** A heartbeat older than this means the holder is frozen. */
  staleAfterMs?: number;
  /**
   * No audit holds the lock longer than this in total: 2 hours by default, as a timed pass over every page
   * of a big site can legitimately take long; a frozen holder is caught sooner, by `staleAfterMs`.
   */
  maxHoldMs?: number;
  reportEveryMs?: number;
  /** The clock, in epoch milliseconds. */
  now?: () => number;
}

const DEFAULTS = {
  pollMs: 1000,
  heartbeatMs: 10_000,
  staleAfterMs: 60_000,
  maxHoldMs: 2 * 60 * 60_000,
  reportEveryMs: 30_000,
};

/** How old an unreadable lock file must be before it is taken over: time enough for a writer to finish. */
export const UNREADABLE_GRACE_MS = 2000;

/** The lock file: `LIGHTHOUSE_LOCK_FILE`, or one per machine in the temporary folder. */
export function lockFileFrom(env: Readonly<Record<string, string | undefined>>): string {
  return env['LIGHTHOUSE_LOCK_FILE'] || join(tmpdir(), 'lighthouse-audit.lock');
}

/** The run an audit belongs to: `LIGHTHOUSE_AUDIT_RUN`, set by test harnesses; undefined (no run) when unset or empty. */
export function runTokenFrom(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return env['LIGHTHOUSE_AUDIT_RUN'] || undefined;
}

export function formatWait({ pid, heldForMs, reclaimInMs }: WaitInfo): string {
  return `Waiting for another Lighthouse audit on this machine (pid ${pid}, holding it for ${formatDuration(heldForMs)}) to finish its timed runs; taken over in ${formatDuration(reclaimInMs)} at most.`;
}

/** Whether to wait for the lock's holder or take the lock over, and why. */
export function lockVerdict(holder: LockHolder, now: number, self: Waiter): LockVerdict {
  if (!holder.readable) {
    const age = now - holder.writtenAt;
    if (age < UNREADABLE_GRACE_MS) return { action: 'wait', reclaimInMs: UNREADABLE_GRACE_MS - age };
    return { action: 'reclaim', reason: `the lock file is not a readable lock (half-written or foreign) and was last written ${formatDuration(age)} ago` };
  }
  const who = `pid ${holder.pid}${holder.command ? ` (${holder.command})` : ''}`;
  const heldFor = now - holder.startedAt;
  const silentFor = now - holder.heartbeatAt;
  if (holder.pid === self.pid) return { action: 'reclaim', reason: `it was held by this same process, ${who}, for an earlier audit that did not release it` };
  if (!holder.alive) return { action: 'reclaim', reason: `its holder, ${who}, is no longer running` };
  if (holder.run !== undefined && holder.run === self.run) {
    return { action: 'reclaim', reason: `its holder, ${who}, belongs to this same run (LIGHTHOUSE_AUDIT_RUN=${holder.run}): an earlier audit of it (one a test gave up on, say), not a separate audit` };
  }
  if (silentFor > self.staleAfterMs) {
    return { action: 'reclaim', reason: `its holder, ${who}, has not refreshed it for ${formatDuration(silentFor)} (more than ${formatDuration(self.staleAfterMs)}), so it is frozen` };
  }
  if (heldFor > self.maxHoldMs) {
    return { action: 'reclaim', reason: `its holder, ${who}, has held it for ${formatDuration(heldFor)}, longer than the ${formatDuration(self.maxHoldMs)} an audit may` };
  }
  return { action: 'wait', reclaimInMs: Math.max(0, self.maxHoldMs - heldFor) };
}

/** Reads a lock file's text; undefined when it is not a lock record. */
export function parseLockRecord(text: string): LockRecord | undefined {
  try {
    const parsed = lockRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The fields of /proc/<pid>/stat after the command name (field 2), which may hold spaces and parentheses. */
function statFieldsAfterName(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 1).trim().split(/\s+/);
}

function procStat(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A process that has exited but not been reaped by its parent still answers kill(pid, 0).
  const stat = procStat(pid);
  const state = stat === undefined ? undefined : statFieldsAfterName(stat)[0];
  return state !== 'Z' && state !== 'X';
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;
const sideName = (file: string, suffix: string) => `${file}.${process.pid}-${randomUUID()}.${suffix}`;

/** Takes the lock if it is free: returns the open descriptor of our lock file, or undefined. */
function tryTake(file: string, text: string): number | undefined {
  const temporary = sideName(file, 'tmp');
  const fd = openSync(temporary, 'wx');
  let taken = false;
  try {
    writeSync(fd, text);
    linkSync(temporary, file);
    taken = true;
    return fd;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return undefined;
    throw error;
  } finally {
    if (!taken) closeSync(fd);
    rmSync(temporary, { force: true });
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** The lock file as it is now, with its exact text; undefined when there is none. */
function readLock(file: string, now: number): { holder: LockHolder; text: string } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { mtimeMs } = fstatSync(fd);
    const text = readFileSync(fd, 'utf8');
    const record = parseLockRecord(text);
    if (!record) return { text, holder: { readable: false, writtenAt: Math.min(mtimeMs, now) } };
    const startedAt = Date.parse(record.startedAt);
    const holder: LockHolder = {
      readable: true,
      pid: record.pid,
      ...(record.run !== undefined ? { run: record.run } : {}),
      ...(record.command !== undefined ? { command: record.command } : {}),
      startedAt,
      heartbeatAt: Math.max(startedAt, mtimeMs, record.heartbeatAt ? Date.parse(record.heartbeatAt) : 0),
      alive: isAlive(record.pid),
    };
    return { text, holder };
  } finally {
    closeSync(fd);
  }
}

/** A claim older than this was left by a process that died while holding it (it is held for microseconds). */
const CLAIM_STALE_MS = 5000;

/**
 * Removes the lock file if its text is still `judged`. Every removal goes through here, under the claim,
 * so the file cannot change between reading it and removing it. 'busy' when another process holds the
 * claim at the moment; 'changed' when the lock is gone or is another one now.
 */
function removeIfStill(file: string, judged: string, reason: string): 'removed' | 'changed' | 'busy' {
  const claim = `${file}.claim`;
  const ours = `${process.pid} ${randomUUID()}`;
  try {
    writeFileSync(claim, ours, { flag: 'wx' });
  } catch (error) {
    if (errorCode(error) === 'EEXIST') {
      clearStaleClaim(claim);
      return 'busy';
    }
    if (errorCode(error) === 'EACCES' || errorCode(error) === 'EPERM') throw cannotRemove(file, reason, error);
    throw error;
  }
  try {
    if (readText(file) !== judged) return 'changed';
    unlinkSync(file);
    return 'removed';
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'changed';
    if (errorCode(error) === 'EACCES' || errorCode(error) === 'EPERM') throw cannotRemove(file, reason, error);
    throw error;
  } finally {
    if (readText(claim) === ours) rmSync(claim, { force: true });
  }
}

function cannotRemove(file: string, reason: string, error: unknown): Error {
  return new Error(`Cannot take over or release the Lighthouse audit lock ${file} (${reason}): ${errorCode(error)}. Remove the file, or set LIGHTHOUSE_LOCK_FILE to a lock file of your own.`);
}

/** Removes a claim its holder left behind when it died: moved aside, and put back if it proves to be a fresh one. */
function clearStaleClaim(claim: string): void {
  try {
    const seen = readFileSync(claim, 'utf8');
    if (Date.now() - statSync(claim).mtimeMs < CLAIM_STALE_MS) return;
    const aside = sideName(claim, 'stale');
    renameSync(claim, aside);
    if (readFileSync(aside, 'utf8') !== seen) {
      try {
        linkSync(aside, claim);
      } catch {
        // Claimed again meanwhile.
      }
    }
    rmSync(aside, { force: true });
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    return undefined;
  }
}

/** Waits for the machine's audit lock and returns the function that releases it. */
export async function acquireMachineLock(options: MachineLockOptions = {}): Promise<() => void> {
  const file = options.file ?? lockFileFrom(process.env);
  const { pollMs, heartbeatMs, staleAfterMs, maxHoldMs, reportEveryMs } = { ...DEFAULTS, ...definedOnly(options) };
  const now = options.now ?? Date.now;
  const run = (options.run ?? runTokenFrom(process.env)) || undefined;
  const self: Waiter = { pid: process.pid, ...(run !== undefined ? { run } : {}), staleAfterMs, maxHoldMs };
  const command = process.argv.slice(1).join(' ').slice(0, 300);
  let reported: { pid: number; at: number } | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const record: LockRecord = { pid: process.pid, ...(run !== undefined ? { run } : {}), startedAt: new Date(now()).toISOString(), command };
    const text = `${JSON.stringify(record)}\n`;
    const fd = tryTake(file, text);
    if (fd !== undefined) return holding(file, fd, text, heartbeatMs, now);
    const found = readLock(file, now());
    if (!found) continue; // released in between
    const verdict = lockVerdict(found.holder, now(), self);
    if (verdict.action === 'reclaim') {
      const outcome = removeIfStill(file, found.text, verdict.reason);
      if (outcome === 'removed') options.onReclaim?.(verdict.reason);
      if (outcome !== 'busy') continue;
    } else if (found.holder.readable && (!reported || reported.pid !== found.holder.pid || now() - reported.at >= reportEveryMs)) {
      reported = { pid: found.holder.pid, at: now() };
      options.onWait?.({ pid: found.holder.pid, heldForMs: Math.max(0, now() - found.holder.startedAt), reclaimInMs: verdict.reclaimInMs });
    }
    await sleep(pollMs, undefined, options.signal ? { signal: options.signal } : {});
  }
}

function definedOnly<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Keeps the heartbeat going on our lock file; the returned release stops it and removes the file if it is still ours. */
function holding(file: string, fd: number, text: string, heartbeatMs: number, now: () => number): () => void {
  const heartbeat = setInterval(() => {
    const time = new Date(now());
    try {
      futimesSync(fd, time, time);
    } catch {
      // The descriptor is ours until release; nothing else can close it.
    }
  }, heartbeatMs);
  heartbeat.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    closeSync(fd);
    // Another process holding the claim this instant is removing this very lock or looking at a newer one.
    try {
      for (let attempt = 0; attempt < 50; attempt++) {
        if (removeIfStill(file, text, 'releasing it') !== 'busy') return;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
      }
    } catch {
      // Left in place, it is taken over as soon as this process has ended (or at its next acquire).
    }
  };
}
