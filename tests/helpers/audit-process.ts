// Runs the audit as a site owner does, through its entry script in a child process, and reads back
// what it printed and wrote. Every audit started here uses this test run's own machine lock, so no
// test ever waits on a lock another checkout (or a dead process) holds.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Judgement } from '../../scripts/lighthouse/assert.ts';
import { countProcessesWith } from '../../scripts/lighthouse/chrome.ts';
import { PROJECT_ROOT } from './fixture-site.ts';

const AUDIT_SCRIPT = join(PROJECT_ROOT, 'scripts/audit.ts');

/** Temporary folders, removed by `removeTemporaryFolders` (call it in afterAll). */
const folders: string[] = [];
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}
export function removeTemporaryFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** This test process's own lock file for the audits' timed runs. */
export const TEST_LOCK_FILE = join(tmpdir(), `lighthouse-audit-test-${process.pid}.lock`);
/** Every audit this test process starts belongs to one run: one a test gave up on never blocks the next. */
const TEST_RUN = `tests-${process.pid}`;

export interface AuditProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output so far or to come. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  done: Promise<{ exitCode: number | null; output: string }>;
}

export function startAudit(args: string[], env: Record<string, string> = {}): AuditProcess {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LIGHTHOUSE_LOCK_FILE: TEST_LOCK_FILE, LIGHTHOUSE_AUDIT_RUN: TEST_RUN };
  for (const name of ['CI', 'SITE_URL', 'SITE_CONFIG_OVERRIDES']) delete base[name];
  const child = spawn(process.execPath, [AUDIT_SCRIPT, ...args], { cwd: PROJECT_ROOT, env: { ...base, ...env } });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const done = new Promise<{ exitCode: number | null; output: string }>((resolveDone) => child.on('close', (exitCode) => resolveDone({ exitCode, output })));
  const waitFor = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<RegExpMatchArray>((resolveMatch, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        cleanup();
        resolveMatch(match);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${pattern} in the audit's output within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void done.then(() => setTimeout(check, 0));
      check();
    });
  return { child, output: () => output, waitFor, done };
}

export async function audit(args: string[], env: Record<string, string> = {}) {
  return startAudit(args, env).done;
}

/** The folder holding the Chrome profiles of this audit, as it announces it. */
export const profileOf = (output: string) => /profiles in (\S+?)[;\s]/.exec(output)?.[1];

/** The run folder's judged results, read from the files the audit wrote. */
export function judgementOf(output: string): Judgement {
  const index = /Reports: (\S+index\.html)/.exec(output)?.[1];
  if (!index) throw new Error(`no reports folder in:\n${output}`);
  return JSON.parse(readFileSync(join(dirname(index.startsWith('/') ? index : join(PROJECT_ROOT, index)), 'assertions.json'), 'utf8')) as Judgement;
}

/** [path, why it was audited] for every audited page, sorted by path. */
export function auditedPages(output: string): string[][] {
  return judgementOf(output)
    .pages.map((page) => [page.path, page.reason])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** Ids of the processes whose command line contains `needle`. */
export function processIdsWith(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

export async function chromeGone(profile: string): Promise<number> {
  // Give the kernel a moment to reap the last renderer.
  for (let waited = 0; waited < 3000 && countProcessesWith(profile) > 0; waited += 100) await sleep(100);
  return countProcessesWith(profile);
}

/** Waits until Chrome runs under this profile folder (bounded), so a test can act while it does. */
export async function chromeRunning(profile: string): Promise<number> {
  for (let waited = 0; waited < 30_000 && countProcessesWith(profile) === 0; waited += 100) await sleep(100);
  return countProcessesWith(profile);
}
