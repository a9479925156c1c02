// The changed-only cache: for each page, the hash of the HTML that last met its budgets. It lives
// outside dist/ (which every build empties) and is keyed by the audited site and preset; a change of
// budgets or Lighthouse version starts it afresh, since an old pass no longer says anything.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface CacheFile {
  version: 1;
  /** Hash of what a pass depends on besides the page: budgets, preset, Lighthouse version. */
  context: string;
  /** path → content hash. */
  pages: Record<string, string>;
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** One cache file per audited site (dist/ or a deployed URL) and preset. */
export function cacheFileFor(cacheDir: string, target: string, preset: string): string {
  return join(cacheDir, `audited-pages-${preset}-${hashOf(target)}.json`);
}

/** The cached hashes, or none when the file is missing, unreadable or from another context. */
export function readAuditedHashes(file: string, context: string): Record<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (parsed.version !== 1 || parsed.context !== context || typeof parsed.pages !== 'object' || parsed.pages === null) return {};
    return Object.fromEntries(Object.entries(parsed.pages).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

export interface AuditOutcome {
  path: string;
  contentHash: string;
  /** Met every error-level budget. */
  passed: boolean;
}

/** Pages that passed are remembered with their hash; pages that failed are forgotten, so they are audited again. */
export function nextAuditedHashes(previous: Readonly<Record<string, string>>, outcomes: readonly AuditOutcome[]): Record<string, string> {
  const next: Record<string, string> = { ...previous };
  for (const outcome of outcomes) {
    if (outcome.passed) next[outcome.path] = outcome.contentHash;
    else delete next[outcome.path];
  }
  return next;
}

export function writeAuditedHashes(file: string, context: string, pages: Record<string, string>): void {
  mkdirSync(dirname(file), { recursive: true });
  const body: CacheFile = { version: 1, context, pages };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(body, null, 1)}\n`);
  renameSync(temporary, file);
}
