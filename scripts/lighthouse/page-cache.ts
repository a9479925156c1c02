// The audit cache: each page's inputs (its HTML, the files it loads, its headers) and its verdict when
// it was last audited. It lives outside dist/ (which every build empties) and is keyed by the audited
// site and preset; a change of budgets, preset, Lighthouse or Chrome version starts it afresh, since an
// old result no longer says anything.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PageVerdict } from './assert.ts';
import type { PageInputs } from './page-inputs.ts';
import type { SharedPage } from './select-pages.ts';

export interface CachedPage {
  inputs: PageInputs;
  /** When the result was made (ISO). */
  at: string;
  /** Met every error-level budget, with no timing finding let off because of load. */
  passed: boolean;
  verdict: PageVerdict;
  /** Same-origin paths Lighthouse saw the page load, for the next run's input hashes. */
  observedPaths: string[];
  /** The page whose audit this result is: same template, same changed shared files. */
  sharedWith?: string;
}

interface CacheFile {
  version: 2;
  /** Hash of what a result depends on besides the page: budgets, preset, Lighthouse and Chrome versions. */
  context: string;
  pages: Record<string, CachedPage>;
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** One cache file per audited site (dist/ or a deployed URL) and preset. */
export function cacheFileFor(cacheDir: string, target: string, preset: string): string {
  return join(cacheDir, `audit-cache-${preset}-${hashOf(target)}.json`);
}

/** The kept results, or none when the file is missing, unreadable or from another context. */
export function readAuditCache(file: string, context: string): Record<string, CachedPage> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (parsed.version !== 2 || parsed.context !== context || typeof parsed.pages !== 'object' || parsed.pages === null) return {};
    return parsed.pages;
  } catch {
    return {};
  }
}

export interface AuditedPage {
  path: string;
  inputs: PageInputs;
  verdict: PageVerdict;
  observedPaths: string[];
}

/** Findings that are warnings, yet mean the page's audit is not complete: it is audited again next run. */
const INCOMPLETE = new Set(['timing-failed']);

/**
 * Whether a verdict may be kept as a pass: no error, no timing error let off because the machine was
 * busy, and timed runs that completed when there were any.
 */
export function verdictPasses(verdict: PageVerdict): boolean {
  return !verdict.findings.some((finding) => finding.level === 'error' || finding.notFailedBecause !== undefined || INCOMPLETE.has(finding.id));
}

/**
 * The cache after a run: audited pages get their new result; a page that shared a representative's
 * audit takes its new inputs only when that representative passed; pages no longer built are dropped.
 */
export function nextAuditCache(
  previous: Readonly<Record<string, CachedPage>>,
  run: { at: string; audited: readonly AuditedPage[]; shared: readonly SharedPage[]; currentInputs: ReadonlyMap<string, PageInputs> },
): Record<string, CachedPage> {
  const next: Record<string, CachedPage> = {};
  for (const [path, cached] of Object.entries(previous)) if (run.currentInputs.has(path)) next[path] = cached;
  const passedNow = new Set<string>();
  for (const page of run.audited) {
    const passed = verdictPasses(page.verdict);
    if (passed) passedNow.add(page.path);
    next[page.path] = { inputs: page.inputs, at: run.at, passed, verdict: page.verdict, observedPaths: page.observedPaths };
  }
  for (const item of run.shared) {
    const kept = next[item.path];
    const inputs = run.currentInputs.get(item.path);
    if (!kept || !inputs || !passedNow.has(item.with)) continue;
    next[item.path] = { ...kept, inputs, at: run.at, sharedWith: item.with };
  }
  return next;
}

export function writeAuditCache(file: string, context: string, pages: Record<string, CachedPage>): void {
  mkdirSync(dirname(file), { recursive: true });
  const body: CacheFile = { version: 2, context, pages };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(body)}\n`);
  renameSync(temporary, file);
}
