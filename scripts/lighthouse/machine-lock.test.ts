import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  acquireMachineLock,
  formatWait,
  lockFileFrom,
  lockVerdict,
  parseLockRecord,
  runTokenFrom,
  type LockHolder,
  type LockVerdict,
  type WaitInfo,
} from './machine-lock.ts';

const directory = mkdtempSync(join(tmpdir(), 'machine-lock-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
let files = 0;
const lockFile = () => join(directory, `${++files}.lock`);

const MODULE_URL = pathToFileURL(join(import.meta.dirname, 'machine-lock.ts')).href;
const MINUTE = 60_000;

/** Resolves when `condition` holds; the timeout is only an upper bound on waiting for it. */
async function eventually(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolveTick) => setTimeout(resolveTick, 5));
  }
}

/** A lock held by pid 1, which is always running; no run token, so it is never "this same run". */
function writeForeignLock(file: string, { startedAgoMs = 0, heartbeatAgoMs = 0, now = Date.now() } = {}): void {
  writeFileSync(file, JSON.stringify({ pid: 1, startedAt: new Date(now - startedAgoMs).toISOString() }));
  const heartbeat = new Date(now - heartbeatAgoMs);
  utimesSync(file, heartbeat, heartbeat);
}

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout);
}

describe('whether to wait for a lock or take it over', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const self = { pid: 100, run: 'run-7', staleAfterMs: MINUTE, maxHoldMs: 2 * 60 * MINUTE };
  const noRun = { pid: 100, staleAfterMs: MINUTE, maxHoldMs: 2 * 60 * MINUTE };
  type Readable = Extract<LockHolder, { readable: true }>;
  /** A live holder of another run, 62 s into its hold; `extra` changes (or, as undefined, removes) fields. */
  const holder = (extra: { [Key in keyof Readable]?: Readable[Key] | undefined } = {}): LockHolder => {
    const fields = { readable: true, pid: 200, run: 'run-8', command: 'scripts/audit.ts --runs 1', startedAt: now - 62_000, heartbeatAt: now - 5000, alive: true, ...extra };
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Readable;
  };
  const waitOut = { action: 'wait', reclaimInMs: 2 * 60 * MINUTE - 62_000 } as const;
  it.each<{ name: string; holder: LockHolder; self?: typeof self | typeof noRun; expected: LockVerdict }>([
    { name: 'waits for a live audit of another run, until its maximum hold is up', holder: holder(), expected: waitOut },
    { name: 'waits for a live audit with no run token, though this audit has one', holder: holder({ run: undefined }), expected: waitOut },
    { name: 'waits for a live audit of a run, though this audit has no run token', holder: holder(), self: noRun, expected: waitOut },
    { name: 'waits for a live audit with no run token when this audit has none either (two audits from one shell)', holder: holder({ run: undefined }), self: noRun, expected: waitOut },
    {
      name: 'takes over from a holder that is no longer running',
      holder: holder({ alive: false }),
      expected: { action: 'reclaim', reason: 'its holder, pid 200 (scripts/audit.ts --runs 1), is no longer running' },
    },
    {
      name: 'takes over from a holder of this same run: an earlier audit of it',
      holder: holder({ run: 'run-7' }),
      expected: { action: 'reclaim', reason: 'its holder, pid 200 (scripts/audit.ts --runs 1), belongs to this same run (LIGHTHOUSE_AUDIT_RUN=run-7): an earlier audit of it (one a test gave up on, say), not a separate audit' },
    },
    {
      name: 'takes over from a holder whose heartbeat stopped',
      holder: holder({ heartbeatAt: now - 65_000 }),
      expected: { action: 'reclaim', reason: 'its holder, pid 200 (scripts/audit.ts --runs 1), has not refreshed it for 1:05 (more than 1:00), so it is frozen' },
    },
    {
      name: 'takes over from a holder that has held it longer than an audit may',
      holder: holder({ startedAt: now - 2 * 60 * MINUTE - 1000 }),
      expected: { action: 'reclaim', reason: 'its holder, pid 200 (scripts/audit.ts --runs 1), has held it for 2:00:01, longer than the 2:00:00 an audit may' },
    },
    {
      name: 'takes over from this same process',
      holder: holder({ pid: 100, command: undefined }),
      expected: { action: 'reclaim', reason: 'it was held by this same process, pid 100, for an earlier audit that did not release it' },
    },
    {
      name: 'takes over an unreadable file a few seconds old',
      holder: { readable: false, writtenAt: now - 5000 },
      expected: { action: 'reclaim', reason: 'the lock file is not a readable lock (half-written or foreign) and was last written 5 s ago' },
    },
    { name: 'gives an unreadable file just written time to be finished', holder: { readable: false, writtenAt: now - 500 }, expected: { action: 'wait', reclaimInMs: 1500 } },
  ])('$name', ({ holder, self: waiter = self, expected }) => {
    expect(lockVerdict(holder, now, waiter)).toEqual(expected);
  });
});

describe('what a waiting audit prints', () => {
  it('says whom it waits for, how long they have held it, and when it will take over at the latest', () => {
    expect(formatWait({ pid: 123, heldForMs: 62_000, reclaimInMs: 2 * 60 * MINUTE - 62_000 })).toBe(
      'Waiting for another Lighthouse audit on this machine (pid 123, holding it for 1:02) to finish its timed runs; taken over in 1:58:58 at most.',
    );
  });
});

describe('the lock file and the run token', () => {
  it.each([
    { env: { LIGHTHOUSE_AUDIT_RUN: 'vitest-42' }, expected: 'vitest-42' },
    { env: { LIGHTHOUSE_AUDIT_RUN: '' }, expected: undefined },
    { env: {}, expected: undefined },
  ])('the run token of $env is $expected', ({ env, expected }) => expect(runTokenFrom(env)).toBe(expected));

  it.each([
    { text: '{"pid":12,"run":"vitest-3","startedAt":"2026-01-01T00:00:00.000Z"}', expected: { pid: 12, run: 'vitest-3', startedAt: '2026-01-01T00:00:00.000Z' } },
    { text: '{"pid":12,"startedAt":"2026-01-01T00:00:00.000Z","command":"audit"}', expected: { pid: 12, startedAt: '2026-01-01T00:00:00.000Z', command: 'audit' } },
    { text: '{"pid":12,"startedAt":"2026-01', expected: undefined },
    { text: '{"pid":12}', expected: undefined },
    { text: '{"pid":-1,"startedAt":"2026-01-01T00:00:00.000Z"}', expected: undefined },
    { text: '{"pid":12,"run":"","startedAt":"2026-01-01T00:00:00.000Z"}', expected: undefined },
    { text: '12345', expected: undefined },
    { text: '', expected: undefined },
  ])('reads $text as $expected', ({ text, expected }) => expect(parseLockRecord(text)).toEqual(expected));

  it('is LIGHTHOUSE_LOCK_FILE when set, else one per machine in the temporary folder', () => {
    expect(lockFileFrom({ LIGHTHOUSE_LOCK_FILE: '/run/x/audit.lock' })).toBe('/run/x/audit.lock');
    expect(lockFileFrom({})).toBe(join(tmpdir(), 'lighthouse-audit.lock'));
    expect(lockFileFrom({ LIGHTHOUSE_LOCK_FILE: '' })).toBe(join(tmpdir(), 'lighthouse-audit.lock'));
  });
});

describe('holding the lock in this process', () => {
  it('writes who holds it and since when, and removes it on release', async () => {
    const file = lockFileFrom({ LIGHTHOUSE_LOCK_FILE: lockFile() });
    const release = await acquireMachineLock({ file });
    const record = JSON.parse(readFileSync(file, 'utf8'));
    expect(record).toMatchObject({ pid: process.pid, startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), command: expect.any(String) });
    expect(record.run).toBe(runTokenFrom(process.env));
    release();
    expect(existsSync(file)).toBe(false);
    release(); // twice is harmless
  });

  it('writes the run token it is given, and reads it back', async () => {
    const file = lockFile();
    const release = await acquireMachineLock({ file, run: 'vitest-round-trip' });
    expect(parseLockRecord(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, run: 'vitest-round-trip' });
    release();
  });

  it('refreshes its heartbeat while held', async () => {
    const file = lockFile();
    const release = await acquireMachineLock({ file, heartbeatMs: 10 });
    const longAgo = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, longAgo, longAgo);
    await eventually(() => statSync(file).mtimeMs > longAgo.getTime(), 'a heartbeat');
    release();
  });

  it('does not remove a lock that is no longer its own on release', async () => {
    const file = lockFile();
    const release = await acquireMachineLock({ file });
    rmSync(file);
    writeForeignLock(file);
    release();
    expect(parseLockRecord(readFileSync(file, 'utf8'))?.pid).toBe(1);
  });

  it('takes over a lock this same process took and never released', async () => {
    const file = lockFile();
    await acquireMachineLock({ file });
    const reasons: string[] = [];
    const release = await acquireMachineLock({ file, onReclaim: (reason) => reasons.push(reason) });
    expect(reasons).toEqual([expect.stringMatching(new RegExp(`^it was held by this same process, pid ${process.pid} `))]);
    release();
  });
});

describe('a lock held by a live audit', () => {
  it('is waited for, saying so when waiting starts and again every reportEveryMs', async () => {
    const file = lockFile();
    let clock = Date.now();
    writeForeignLock(file, { startedAgoMs: 62_000, now: clock });
    let polls = 0;
    const now = () => {
      polls++;
      return clock;
    };
    const waits: WaitInfo[] = [];
    const controller = new AbortController();
    const waiting = acquireMachineLock({ file, pollMs: 1, reportEveryMs: 30_000, now, signal: controller.signal, onWait: (info) => waits.push(info) });
    waiting.catch(() => {});
    await eventually(() => waits.length === 1, 'the first report');
    expect(formatWait(waits[0]!)).toMatch(/\(pid 1, holding it for 1:02\) to finish its timed runs; taken over in 1:58:58 at most\.$/);
    const pollsThen = polls;
    await eventually(() => polls > pollsThen + 50, 'more polls');
    expect(waits).toHaveLength(1); // the clock has not moved: no second report yet
    clock += 30_000;
    await eventually(() => waits.length === 2, 'the second report');
    expect(waits[1]).toMatchObject({ pid: 1, heldForMs: 92_000 });
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });

  it('stops waiting at once when the audit is cancelled, leaving the lock alone', async () => {
    const file = lockFile();
    writeForeignLock(file);
    const controller = new AbortController();
    let waited = false;
    const waiting = acquireMachineLock({ file, pollMs: 60_000, signal: controller.signal, onWait: () => (waited = true) });
    waiting.catch(() => {});
    await eventually(() => waited, 'the wait to start');
    controller.abort('SIGINT');
    await expect(waiting).rejects.toThrow();
    expect(parseLockRecord(readFileSync(file, 'utf8'))?.pid).toBe(1);
  });

  it.each([
    { name: 'whose heartbeat stopped', lock: { startedAgoMs: 10_000, heartbeatAgoMs: 10_000 }, options: { staleAfterMs: 5000 }, reason: /^its holder, pid 1, has not refreshed it for 10 s \(more than 5 s\), so it is frozen$/ },
    { name: 'held longer than an audit may', lock: { startedAgoMs: 3 * 60 * MINUTE }, options: {}, reason: /^its holder, pid 1, has held it for 3:00:00, longer than the 2:00:00 an audit may$/ },
  ])('is taken over when $name', async ({ lock, options, reason }) => {
    const file = lockFile();
    writeForeignLock(file, lock);
    const reasons: string[] = [];
    const release = await acquireMachineLock({ file, ...options, onReclaim: (why) => reasons.push(why) });
    expect(reasons).toEqual([expect.stringMatching(reason)]);
    expect(parseLockRecord(readFileSync(file, 'utf8'))?.pid).toBe(process.pid);
    release();
  });

  it('is taken over even when a process died in the moment it was taking it over itself', async () => {
    const file = lockFile();
    writeFileSync(file, JSON.stringify({ pid: deadPid(), startedAt: new Date().toISOString() }));
    writeFileSync(`${file}.claim`, '999999 left behind');
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(`${file}.claim`, longAgo, longAgo);
    const reasons: string[] = [];
    const release = await acquireMachineLock({ file, pollMs: 1, onReclaim: (why) => reasons.push(why) });
    expect(reasons).toEqual([expect.stringMatching(/is no longer running$/)]);
    expect(existsSync(`${file}.claim`)).toBe(false);
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('is taken over when the file is unreadable and a few seconds old', async () => {
    const file = lockFile();
    writeFileSync(file, '{"pid": 12, "star');
    const written = new Date(Date.now() - 10_000);
    utimesSync(file, written, written);
    const reasons: string[] = [];
    const release = await acquireMachineLock({ file, onReclaim: (why) => reasons.push(why) });
    expect(reasons).toEqual([expect.stringMatching(/^the lock file is not a readable lock/)]);
    release();
  });
});

describe('locks held by other processes', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    vi.unstubAllEnvs();
  });

  /**
   * Runs `body` (an ES module; `lock` is machine-lock.ts, `args` its arguments) in a child Node process,
   * in a session of its own or in ours, with LIGHTHOUSE_AUDIT_RUN set to `runToken` or, without one, unset.
   */
  function run(body: string, args: string[], { ownSession, runToken }: { ownSession: boolean; runToken?: string }) {
    const script = `import * as lock from ${JSON.stringify(MODULE_URL)};\nconst args = process.argv.slice(1);\n${body}`;
    const { LIGHTHOUSE_AUDIT_RUN: _inherited, ...env } = process.env;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], {
      detached: ownSession,
      env: runToken === undefined ? env : { ...env, LIGHTHOUSE_AUDIT_RUN: runToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    return { child, exited, stdout: () => stdout, stderr: () => stderr };
  }

  const HOLDER = `
    const release = await lock.acquireMachineLock({ file: args[0], pollMs: 5 });
    process.on('SIGTERM', () => { release(); process.exit(0); });
    console.log('held');
    setInterval(() => {}, 60_000);`;

  async function holder(file: string, ownSession: boolean, runToken?: string) {
    const process = run(HOLDER, [file], { ownSession, ...(runToken !== undefined ? { runToken } : {}) });
    await eventually(() => process.stdout().includes('held') || process.child.exitCode !== null, 'the child to hold the lock');
    expect(process.stderr()).toBe('');
    return process;
  }

  it('takes over at once from an audit that was killed outright', async () => {
    const file = lockFile();
    const killed = await holder(file, true);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const reasons: string[] = [];
    let waited = false;
    const release = await acquireMachineLock({ file, pollMs: 5, onReclaim: (why) => reasons.push(why), onWait: () => (waited = true) });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(new RegExp(`^its holder, pid ${killed.child.pid}\\b.*, is no longer running$`));
    expect(waited).toBe(false);
    release();
  });

  it('waits for a live audit in another session, and takes the lock when that audit releases it', async () => {
    const file = lockFile();
    const other = await holder(file, true);
    const waits: WaitInfo[] = [];
    const reasons: string[] = [];
    const acquiring = acquireMachineLock({ file, pollMs: 5, onWait: (info) => waits.push(info), onReclaim: (why) => reasons.push(why) });
    await eventually(() => waits.length > 0, 'the wait to start');
    expect(waits[0]!.pid).toBe(other.child.pid);
    other.child.kill('SIGTERM');
    const release = await acquiring;
    expect(await other.exited).toBe(0);
    expect(reasons).toEqual([]);
    expect(parseLockRecord(readFileSync(file, 'utf8'))?.pid).toBe(process.pid);
    release();
  });

  it('takes over from a live audit of this same run (same LIGHTHOUSE_AUDIT_RUN: an earlier audit of it)', async () => {
    const file = lockFile();
    const token = `vitest-${randomUUID()}`;
    const earlier = await holder(file, true, token);
    const reasons: string[] = [];
    const release = await acquireMachineLock({ file, pollMs: 5, run: token, onReclaim: (why) => reasons.push(why) });
    expect(reasons).toEqual([expect.stringMatching(new RegExp(`^its holder, pid ${earlier.child.pid}\\b.*, belongs to this same run \\(LIGHTHOUSE_AUDIT_RUN=${token}\\)`))]);
    earlier.child.kill('SIGTERM'); // its release must leave our lock alone
    await earlier.exited;
    expect(parseLockRecord(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, run: token });
    release();
  });

  it('waits for a live audit of this same session that has no run token (two audits started from one shell)', async () => {
    vi.stubEnv('LIGHTHOUSE_AUDIT_RUN', undefined); // neither audit belongs to a run, as from an ordinary shell
    const file = lockFile();
    const other = await holder(file, false);
    const waits: WaitInfo[] = [];
    const reasons: string[] = [];
    const acquiring = acquireMachineLock({ file, pollMs: 5, reportEveryMs: 0, onWait: (info) => waits.push(info), onReclaim: (why) => reasons.push(why) });
    await eventually(() => waits.length >= 20, 'many looks at the lock');
    expect(waits.every((info) => info.pid === other.child.pid)).toBe(true);
    expect(reasons).toEqual([]);
    expect(parseLockRecord(readFileSync(file, 'utf8'))?.pid).toBe(other.child.pid);
    other.child.kill('SIGTERM');
    const release = await acquiring;
    expect(await other.exited).toBe(0);
    expect(reasons).toEqual([]);
    expect(parseLockRecord(readFileSync(file, 'utf8'))?.pid).toBe(process.pid);
    release();
  });

  const TAKE_TURNS = `
    const { appendFileSync, existsSync } = await import('node:fs');
    const [file, log, rounds, go] = args;
    // Start together: say so, then spin until the parent says go, so the first acquires race closely.
    console.log('ready');
    while (!existsSync(go)) await new Promise((resolve) => setImmediate(resolve));
    for (let round = 0; round < Number(rounds); round++) {
      const release = await lock.acquireMachineLock({ file, pollMs: 1, onReclaim: (reason) => console.log('reclaimed: ' + reason) });
      appendFileSync(log, 'enter ' + process.pid + '\\n');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
      appendFileSync(log, 'exit ' + process.pid + '\\n');
      release();
    }`;

  /** Starts `count` audits in sessions of their own, each taking the lock `rounds` times, and returns their log and output. */
  async function takeTurns(file: string, count: number, rounds: number) {
    const [log, go] = [join(directory, `${files}.log`), join(directory, `${files}.go`)];
    writeFileSync(log, '');
    const audits = Array.from({ length: count }, () => run(TAKE_TURNS, [file, log, String(rounds), go], { ownSession: true }));
    await eventually(() => audits.every((audit) => audit.stdout().includes('ready') || audit.child.exitCode !== null), 'the audits to start');
    writeFileSync(go, '');
    const codes = await Promise.all(audits.map((audit) => audit.exited));
    expect(audits.map((audit) => audit.stderr())).toEqual(audits.map(() => ''));
    expect(codes).toEqual(audits.map(() => 0));
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(count * rounds * 2);
    return { lines, reclaims: audits.flatMap((audit) => audit.stdout().split('\n').filter((line) => line.startsWith('reclaimed: '))) };
  }

  /** Every "enter" is followed by the same process's "exit": no two held the lock at once. */
  function overlaps(lines: string[]): string[] {
    const problems: string[] = [];
    for (let index = 0; index < lines.length; index += 2) {
      const [enter, exit] = [lines[index]!, lines[index + 1]];
      if (!enter.startsWith('enter ') || exit !== enter.replace('enter', 'exit')) problems.push(`line ${index + 1}: ${enter} then ${exit}`);
    }
    return problems;
  }

  it('never lets two audits in separate processes hold it at once', async () => {
    const { lines, reclaims } = await takeTurns(lockFile(), 4, 5);
    expect(overlaps(lines)).toEqual([]);
    expect(reclaims).toEqual([]);
  });

  it('lets exactly one of several waiters take over a dead audit lock', async () => {
    const file = lockFile();
    writeFileSync(file, JSON.stringify({ pid: deadPid(), startedAt: new Date().toISOString() }));
    const { lines, reclaims } = await takeTurns(file, 6, 1);
    expect(overlaps(lines)).toEqual([]);
    expect(reclaims).toHaveLength(1);
    expect(reclaims[0]).toMatch(/is no longer running$/);
  });
});
