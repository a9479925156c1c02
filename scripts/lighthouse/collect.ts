// Collect: runs Lighthouse on each selected page, one audit at a time, and writes what it found to
// the run folder (each run's JSON, an HTML report, manifest.json). Judging happens later, from files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AUDITED_CATEGORIES, type AuditedCategory, type Preset } from '../../src/config/audit-schema.ts';
import type { ChromeSession } from './chrome.ts';
import type { LighthouseResultLike } from './lighthouse-result.ts';
import type { SelectedPage, SelectionReason } from './select-pages.ts';

export interface LighthouseRequest {
  url: string;
  port: number;
  categories: readonly AuditedCategory[];
  preset: Preset;
  skipAudits: readonly string[];
  blockedUrlPatterns: readonly string[];
  maxWaitForLoadMs: number;
}

export interface LighthouseRun {
  lhr: LighthouseResultLike;
  /** The LHR as Lighthouse serialised it. */
  json: string;
  /** Lighthouse's own HTML report. */
  html: string;
}

export type LighthouseRunner = (request: LighthouseRequest) => Promise<LighthouseRun>;

export interface ManifestEntry {
  path: string;
  url: string;
  template: string;
  reason: SelectionReason;
  indexable: boolean;
  contentHash: string;
  /** Each run's LHR, relative to the run folder; the first run has every category, the others performance only. */
  runs: string[];
  /** Lighthouse's HTML report of the first run. */
  report?: string;
  /** Audits skipped on purpose, e.g. is-crawlable on pages the sitemap leaves out. */
  skippedAudits: string[];
  /** Set when the page could not be audited, even on the retry. */
  failure?: string;
  attempts: number;
  seconds: number;
}

export interface Manifest {
  version: 1;
  /** What was audited: "dist/" or the deployed site's URL. */
  target: string;
  preset: Preset;
  performanceRuns: number;
  lighthouseVersion: string;
  chrome: string;
  startedAt: string;
  finishedAt: string;
  /** Seconds each Chrome start and each Lighthouse run took: the audit's own benchmark. */
  timing: { chromeStarts: number[]; runs: number[]; totalSeconds: number };
  pages: ManifestEntry[];
}

export type ProgressEvent =
  | { kind: 'page-start'; index: number; total: number; page: SelectedPage; elapsedMs: number; remainingMs: number }
  | { kind: 'page-retry'; page: SelectedPage; reason: string }
    /** `scores` are the first run's, 0–100, before judging. */
  | { kind: 'page-done'; page: SelectedPage; seconds: number; scores: Partial<Record<AuditedCategory, number | null>>; failure?: string };

export interface CollectOptions {
  pages: readonly SelectedPage[];
  /** Origin the pages are loaded from: the local server or the deployed site. */
  origin: string;
  target: string;
  runDir: string;
  preset: Preset;
  performanceRuns: number;
  blockedUrlPatterns: readonly string[];
  pageTimeoutMs: number;
  chromeDescription: string;
  lighthouseVersion: string;
  /** Starts a fresh Chrome; called again after a crash or a timeout. It must kill Chrome if `signal` aborts while it starts. */
  launchChrome: (attempt: number, signal: AbortSignal) => Promise<ChromeSession>;
  runLighthouse: LighthouseRunner;
  signal: AbortSignal;
  onProgress: (event: ProgressEvent) => void;
  now?: () => number;
  /** Extra time Lighthouse gets beyond the page load timeout before Chrome is killed. */
  watchdogGraceMs?: number;
}

/** A file-name-safe, unique name for a page's reports. */
export function reportSlug(path: string, taken: Set<string>): string {
  const base =
    decodeURIComponent(path)
      .normalize('NFKD')
      .toLowerCase()
      .replace(/\.html$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'home';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Runs each page's audits again at most once after a timeout, a crash or a Lighthouse runtime error. */
const ATTEMPTS_PER_PAGE = 2;
/** Seconds a Lighthouse run takes on a 2-core machine, for the estimate before the first page is done. */
const FIRST_GUESS_SECONDS_PER_RUN = 7;

export class AuditAbortedError extends Error {
  override name = 'AuditAbortedError';
}

async function withWatchdog<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  work.catch(() => {}); // after a timeout the abandoned run rejects once Chrome is killed
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new AuditAbortedError(String(signal.reason)));
  return new Promise((resolveWork, reject) => {
    const onAbort = () => reject(new AuditAbortedError(String(signal.reason)));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolveWork, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Audits the pages one after another and writes manifest.json; the caller owns nothing Chrome-related afterwards. */
export async function collect(options: CollectOptions): Promise<Manifest> {
  const now = options.now ?? Date.now;
  const started = now();
  const startedAt = new Date().toISOString();
  const pagesDir = join(options.runDir, 'pages');
  mkdirSync(pagesDir, { recursive: true });
  const slugs = new Set<string>();
  const entries: ManifestEntry[] = [];
  const timing = { chromeStarts: [] as number[], runs: [] as number[], totalSeconds: 0 };
  let chrome: ChromeSession | undefined;
  let launches = 0;

  let stopping = Promise.resolve();
  const stopChrome = (): Promise<void> => {
    const running = chrome;
    chrome = undefined;
    if (running) stopping = stopping.then(() => running.kill());
    return stopping;
  };
  const onAbort = () => void stopChrome();
  options.signal.addEventListener('abort', onAbort, { once: true });

  try {
    let pageSecondsTotal = 0;
    for (const [position, page] of options.pages.entries()) {
      if (options.signal.aborted) throw new AuditAbortedError(String(options.signal.reason));
      const done = position;
      const perPageMs = done > 0 ? pageSecondsTotal * 1000 / done : FIRST_GUESS_SECONDS_PER_RUN * 1000 * options.performanceRuns;
      options.onProgress({
        kind: 'page-start',
        index: position + 1,
        total: options.pages.length,
        page,
        elapsedMs: now() - started,
        remainingMs: perPageMs * (options.pages.length - done),
      });
      const pageStarted = now();
      const slug = reportSlug(page.path, slugs);
      const url = options.origin + page.path;
      // A page the sitemap leaves out is meant not to be indexed (404, noindex posts): is-crawlable does not apply.
      const skipAudits = page.indexable ? [] : ['is-crawlable'];
      const entry: ManifestEntry = {
        path: page.path,
        url,
        template: page.template,
        reason: page.reason,
        indexable: page.indexable,
        contentHash: page.contentHash,
        runs: [],
        skippedAudits: skipAudits,
        attempts: 0,
        seconds: 0,
      };
      let results: LighthouseRun[] = [];
      for (let attempt = 1; attempt <= ATTEMPTS_PER_PAGE; attempt++) {
        entry.attempts = attempt;
        results = [];
        try {
          if (!chrome) {
            const launchStarted = now();
            chrome = await abortable(options.launchChrome(++launches, options.signal), options.signal);
            timing.chromeStarts.push((now() - launchStarted) / 1000);
          }
          for (let run = 1; run <= options.performanceRuns; run++) {
            const runStarted = now();
            const result = await abortable(
              withWatchdog(
                options.runLighthouse({
                  url,
                  port: chrome.port,
                  categories: run === 1 ? AUDITED_CATEGORIES : ['performance'],
                  preset: options.preset,
                  skipAudits,
                  blockedUrlPatterns: options.blockedUrlPatterns,
                  maxWaitForLoadMs: options.pageTimeoutMs,
                }),
                options.pageTimeoutMs + (options.watchdogGraceMs ?? 60_000),
                'Lighthouse',
              ),
              options.signal,
            );
            timing.runs.push((now() - runStarted) / 1000);
            if (result.lhr.runtimeError) throw new Error(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
            results.push(result);
          }
          delete entry.failure;
          break;
        } catch (error) {
          if (options.signal.aborted || error instanceof AuditAbortedError) throw new AuditAbortedError(String(options.signal.reason ?? (error as Error).message));
          const reason = (error as Error).message.split('\n')[0] ?? 'unknown error';
          results = [];
          // Whatever went wrong, the next attempt and the next page get a fresh Chrome.
          await stopChrome();
          if (attempt < ATTEMPTS_PER_PAGE) {
            options.onProgress({ kind: 'page-retry', page, reason });
            await sleep(500);
          } else {
            entry.failure = `${reason} (tried ${ATTEMPTS_PER_PAGE} times)`;
          }
        }
      }
      // Writing the results is outside the retry: a disk error is not the page's fault, and stops the audit.
      for (const [index, result] of results.entries()) {
        const file = index === 0 ? `pages/${slug}.json` : `pages/${slug}.performance-${index + 1}.json`;
        writeFileSync(join(options.runDir, file), result.json);
        entry.runs.push(file);
      }
      const [first] = results;
      if (first) {
        entry.report = `pages/${slug}.html`;
        writeFileSync(join(options.runDir, entry.report), first.html);
      }
      const scores = first
        ? Object.fromEntries(
            AUDITED_CATEGORIES.map((id) => {
              const score = first.lhr.categories[id]?.score;
              return [id, typeof score === 'number' ? Math.round(score * 100) : null];
            }),
          )
        : {};
      entry.seconds = (now() - pageStarted) / 1000;
      pageSecondsTotal += entry.seconds;
      entries.push(entry);
      options.onProgress({ kind: 'page-done', page, seconds: entry.seconds, scores, ...(entry.failure ? { failure: entry.failure } : {}) });
    }
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await stopChrome();
  }

  timing.totalSeconds = (now() - started) / 1000;
  const manifest: Manifest = {
    version: 1,
    target: options.target,
    preset: options.preset,
    performanceRuns: options.performanceRuns,
    lighthouseVersion: options.lighthouseVersion,
    chrome: options.chromeDescription,
    startedAt,
    finishedAt: new Date().toISOString(),
    timing,
    pages: entries,
  };
  writeFileSync(join(options.runDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
