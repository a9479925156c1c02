// Collect: runs Lighthouse on the selected pages and writes what it found to the run folder (each run's
// JSON, an HTML report, manifest.json). Judging happens later, from files. Two passes:
// - the deterministic pass (accessibility, best practices, SEO and the performance facts load cannot
//   move) on every page, in parallel Chrome instances, one Chrome per worker reused across its pages;
// - the timed pass (performance only, N runs per page, the median judged) on the timed pages, one run
//   at a time under the machine's audit lock, with the machine's load sampled around each run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Preset } from '../../src/config/audit-schema.ts';
import type { ChromeSession } from './chrome.ts';
import type { LighthouseResultLike } from './lighthouse-result.ts';
import type { LoadSample } from './machine-load.ts';
import type { SelectedPage, SelectionReason } from './select-pages.ts';

export type RunMode = 'deterministic' | 'timed';

export interface LighthouseRequest {
  url: string;
  port: number;
  mode: RunMode;
  preset: Preset;
  skipAudits: readonly string[];
  blockedUrlPatterns: readonly string[];
  maxWaitForLoadMs: number;
  /** The page each run starts from (Lighthouse's blankPage); about:blank when unset. */
  blankPage?: string;
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
  /** The deterministic run's LHR, relative to the run folder. */
  run?: string;
  /** Lighthouse's HTML report of the deterministic run. */
  report?: string;
  /** The timed runs' LHRs (performance only), when the page was timed. */
  timedRuns?: string[];
  /** The machine's load during each timed run. */
  loads?: LoadSample[];
  /** Set when the timed runs could not be made (the deterministic verdict stands). */
  timedFailure?: string;
  /** Same-origin paths the page loaded in the deterministic run. */
  observedPaths: string[];
  /** Audits skipped on purpose, e.g. is-crawlable on pages the sitemap leaves out. */
  skippedAudits: string[];
  /** Set when the page could not be audited, even on the retry. */
  failure?: string;
  attempts: number;
  seconds: number;
}

export interface Manifest {
  version: 2;
  /** What was audited: "dist/" or the deployed site's URL. */
  target: string;
  preset: Preset;
  performanceRuns: number;
  workers: number;
  lighthouseVersion: string;
  chrome: string;
  startedAt: string;
  finishedAt: string;
  /** Seconds each Chrome start and each Lighthouse run took: the audit's own benchmark. */
  timing: { chromeStarts: number[]; deterministicRuns: number[]; timedRuns: number[]; deterministicSeconds: number; lockWaitSeconds: number; timedSeconds: number; totalSeconds: number };
  pages: ManifestEntry[];
}

export type ProgressEvent =
  | { kind: 'page-start'; index: number; total: number; page: SelectedPage; worker: number; elapsedMs: number; remainingMs: number }
  | { kind: 'page-retry'; page: SelectedPage; reason: string }
  /** `scores` are the deterministic run's, 0–100, as the summary shows them. */
  | { kind: 'page-done'; page: SelectedPage; seconds: number; scores: Partial<Record<string, number | null>>; failure?: string }
  | { kind: 'timed-start'; index: number; total: number; page: SelectedPage; runs: number; elapsedMs: number; remainingMs: number }
  | { kind: 'timed-run'; page: SelectedPage; run: number; of: number; performance: number | null; lcpMs?: number; tbtMs?: number; load: LoadSample }
  | { kind: 'timed-failed'; page: SelectedPage; reason: string };

export interface CollectOptions {
  pages: readonly SelectedPage[];
  /** The pages (among `pages`) that get timed runs. */
  timedPages: readonly SelectedPage[];
  /** Origin the pages are loaded from: the local server or the deployed site. */
  origin: string;
  /** A blank page on the same origin to start each run from (see dist-server.ts), when the server has one. */
  blankPage?: string;
  target: string;
  runDir: string;
  preset: Preset;
  performanceRuns: number;
  /** Chrome instances for the deterministic pass. */
  workers: number;
  blockedUrlPatterns: readonly string[];
  pageTimeoutMs: number;
  chromeDescription: string;
  lighthouseVersion: string;
  /** Starts a fresh Chrome; called again after a crash or a timeout. It must kill Chrome if `signal` aborts while it starts. */
  launchChrome: (attempt: number, signal: AbortSignal) => Promise<ChromeSession>;
  runLighthouse: LighthouseRunner;
  /** Takes the machine's audit lock for the timed pass; resolves to its release. */
  acquireTimedLock: () => Promise<() => void>;
  /** Starts measuring the machine's load; `stop()` gives the sample. */
  sampleLoad: () => { stop(): LoadSample };
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
/** Seconds a run takes on a 2-core machine, for the estimate before the first ones are done. */
const FIRST_GUESS_SECONDS = { deterministic: 4, timed: 6 };

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

/** The same-origin paths a run loaded, from Lighthouse's network-requests table. */
export function observedPathsOf(lhr: LighthouseResultLike, origin: string, pagePath: string): string[] {
  const paths = new Set<string>();
  for (const item of lhr.audits['network-requests']?.details?.items ?? []) {
    const url = typeof item === 'object' && item !== null && 'url' in item && typeof item.url === 'string' ? item.url : undefined;
    if (!url || !URL.canParse(url)) continue;
    const parsed = new URL(url);
    if (parsed.origin === origin && parsed.pathname !== pagePath) paths.add(parsed.pathname);
  }
  return [...paths].sort();
}

const scoreOf = (lhr: LighthouseResultLike, category: string): number | null => {
  const score = lhr.categories[category]?.score;
  return typeof score === 'number' ? Math.round(score * 100) : null;
};

/** Average of the values, or the guess when there are none yet. */
const averageOr = (values: readonly number[], guess: number) => (values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : guess);

/** A Chrome that one worker owns, started on first use and again after a failure. */
class ChromeSlot {
  private session: ChromeSession | undefined;
  private stopping = Promise.resolve();
  private readonly start: (signal: AbortSignal) => Promise<ChromeSession>;
  constructor(start: (signal: AbortSignal) => Promise<ChromeSession>) {
    this.start = start;
  }

  async get(signal: AbortSignal): Promise<ChromeSession> {
    this.session ??= await abortable(this.start(signal), signal);
    return this.session;
  }

  stop(): Promise<void> {
    const running = this.session;
    this.session = undefined;
    if (running) this.stopping = this.stopping.then(() => running.kill());
    return this.stopping;
  }
}

/** Audits the pages and writes manifest.json; the caller owns nothing Chrome-related afterwards. */
export async function collect(options: CollectOptions): Promise<Manifest> {
  const now = options.now ?? Date.now;
  const started = now();
  const startedAt = new Date().toISOString();
  mkdirSync(join(options.runDir, 'pages'), { recursive: true });
  const slugs = new Set<string>();
  const timing = { chromeStarts: [] as number[], deterministicRuns: [] as number[], timedRuns: [] as number[], deterministicSeconds: 0, lockWaitSeconds: 0, timedSeconds: 0, totalSeconds: 0 };
  const entries = new Map<string, ManifestEntry>();
  const workers = Math.max(1, Math.min(options.workers, options.pages.length));
  let launches = 0;
  const slots: ChromeSlot[] = [];
  const newSlot = () => {
    const slot = new ChromeSlot(async (signal) => {
      const launchStarted = now();
      const session = await options.launchChrome(++launches, signal);
      timing.chromeStarts.push((now() - launchStarted) / 1000);
      return session;
    });
    slots.push(slot);
    return slot;
  };
  // Aborted by the caller (Ctrl-C, SIGTERM), or by the first worker that fails for a reason that is not
  // the page's (a disk error), so that the other workers stop too instead of starting fresh Chromes.
  const stop = new AbortController();
  const signal = stop.signal;
  const forward = () => stop.abort(options.signal.reason);
  if (options.signal.aborted) forward();
  else options.signal.addEventListener('abort', forward, { once: true });
  const onAbort = () => void Promise.all(slots.map((slot) => slot.stop()));
  signal.addEventListener('abort', onAbort, { once: true });
  const throwIfAborted = () => {
    if (signal.aborted) throw new AuditAbortedError(String(signal.reason));
  };

  /** One Lighthouse run in the slot's Chrome, bounded by the watchdog and the abort signal. */
  const runOnce = async (slot: ChromeSlot, page: SelectedPage, mode: RunMode, skipAudits: readonly string[]): Promise<LighthouseRun> => {
    const chrome = await slot.get(signal);
    const result = await abortable(
      withWatchdog(
        options.runLighthouse({
          url: options.origin + page.path,
          port: chrome.port,
          mode,
          preset: options.preset,
          skipAudits,
          blockedUrlPatterns: options.blockedUrlPatterns,
          maxWaitForLoadMs: options.pageTimeoutMs,
          ...(options.blankPage ? { blankPage: options.blankPage } : {}),
        }),
        options.pageTimeoutMs + (options.watchdogGraceMs ?? 60_000),
        'Lighthouse',
      ),
      signal,
    );
    if (result.lhr.runtimeError) throw new Error(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
    return result;
  };

  /** Runs `work` up to twice; after a failure the next attempt gets a fresh Chrome. Returns the failure reason, if both failed. */
  const withRetry = async (slot: ChromeSlot, work: () => Promise<void>, onRetry: (reason: string) => void): Promise<{ failure?: string; attempts: number }> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await work();
        return { attempts: attempt };
      } catch (error) {
        if (signal.aborted || error instanceof AuditAbortedError) throw new AuditAbortedError(String(signal.reason ?? (error as Error).message));
        const reason = (error as Error).message.split('\n')[0] ?? 'unknown error';
        await slot.stop();
        if (attempt >= ATTEMPTS_PER_PAGE) return { failure: `${reason} (tried ${ATTEMPTS_PER_PAGE} times)`, attempts: attempt };
        onRetry(reason);
        await sleep(500);
      }
    }
  };

  const timedTotalGuess = () => options.timedPages.length * options.performanceRuns * averageOr(timing.timedRuns, FIRST_GUESS_SECONDS.timed) * 1000;

  try {
    // 1. The deterministic pass, on `workers` Chromes at once.
    const deterministicStarted = now();
    let next = 0;
    let done = 0;
    const worker = async (workerIndex: number) => {
      const slot = newSlot();
      try {
        for (let position = next++; position < options.pages.length; position = next++) {
          throwIfAborted();
          const page = options.pages[position]!;
          const perPageMs = averageOr(timing.deterministicRuns, FIRST_GUESS_SECONDS.deterministic) * 1000;
          options.onProgress({
            kind: 'page-start',
            index: position + 1,
            total: options.pages.length,
            page,
            worker: workerIndex,
            elapsedMs: now() - started,
            remainingMs: (perPageMs * (options.pages.length - done)) / workers + timedTotalGuess(),
          });
          const pageStarted = now();
          const slug = reportSlug(page.path, slugs);
          // A page the sitemap leaves out is meant not to be indexed (404, noindex posts): is-crawlable does not apply.
          const skipAudits = page.indexable ? [] : ['is-crawlable'];
          const entry: ManifestEntry = { path: page.path, url: options.origin + page.path, template: page.template, reason: page.reason, indexable: page.indexable, observedPaths: [], skippedAudits: skipAudits, attempts: 0, seconds: 0 };
          let result: LighthouseRun | undefined;
          const outcome = await withRetry(
            slot,
            async () => {
              const runStarted = now();
              result = await runOnce(slot, page, 'deterministic', skipAudits);
              timing.deterministicRuns.push((now() - runStarted) / 1000);
            },
            (reason) => options.onProgress({ kind: 'page-retry', page, reason }),
          );
          entry.attempts = outcome.attempts;
          if (outcome.failure) {
            entry.failure = outcome.failure;
            result = undefined;
          }
          // Writing the results is outside the retry: a disk error is not the page's fault, and stops the audit.
          if (result) {
            entry.run = `pages/${slug}.json`;
            entry.report = `pages/${slug}.html`;
            writeFileSync(join(options.runDir, entry.run), result.json);
            writeFileSync(join(options.runDir, entry.report), result.html);
            entry.observedPaths = observedPathsOf(result.lhr, options.origin, page.path);
          }
          entry.seconds = (now() - pageStarted) / 1000;
          entries.set(page.path, entry);
          done++;
          const scores = result ? { accessibility: scoreOf(result.lhr, 'accessibility'), 'best-practices': scoreOf(result.lhr, 'best-practices'), seo: scoreOf(result.lhr, 'seo') } : {};
          options.onProgress({ kind: 'page-done', page, seconds: entry.seconds, scores, ...(entry.failure ? { failure: entry.failure } : {}) });
        }
      } finally {
        await slot.stop();
      }
    };
    await Promise.all(
      Array.from({ length: workers }, (_, index) =>
        worker(index + 1).catch((error: unknown) => {
          if (!signal.aborted) stop.abort(error);
          throw error;
        }),
      ),
    );
    timing.deterministicSeconds = (now() - deterministicStarted) / 1000;

    // 2. The timed pass: one run at a time, never overlapping another audit's on this machine.
    const timedPages = options.timedPages.filter((page) => entries.get(page.path)?.run !== undefined);
    if (timedPages.length > 0) {
      throwIfAborted();
      const lockRequested = now();
      const release = await options.acquireTimedLock();
      const timedStarted = now();
      timing.lockWaitSeconds = (timedStarted - lockRequested) / 1000;
      const slot = newSlot();
      try {
        for (const [position, page] of timedPages.entries()) {
          throwIfAborted();
          const entry = entries.get(page.path)!;
          const perRunMs = averageOr(timing.timedRuns, FIRST_GUESS_SECONDS.timed) * 1000;
          options.onProgress({
            kind: 'timed-start',
            index: position + 1,
            total: timedPages.length,
            page,
            runs: options.performanceRuns,
            elapsedMs: now() - started,
            remainingMs: perRunMs * options.performanceRuns * (timedPages.length - position),
          });
          const slug = entry.run!.slice('pages/'.length, -'.json'.length);
          let results: { run: LighthouseRun; load: LoadSample }[] = [];
          const outcome = await withRetry(
            slot,
            async () => {
              results = [];
              for (let run = 1; run <= options.performanceRuns; run++) {
                // Chrome is started before the sample, so its start-up is not counted as the run's load.
                await slot.get(signal);
                const sample = options.sampleLoad();
                const runStarted = now();
                const result = await runOnce(slot, page, 'timed', []);
                const load = sample.stop();
                timing.timedRuns.push((now() - runStarted) / 1000);
                results.push({ run: result, load });
                const lcp = result.lhr.audits['largest-contentful-paint']?.numericValue;
                const tbt = result.lhr.audits['total-blocking-time']?.numericValue;
                options.onProgress({
                  kind: 'timed-run',
                  page,
                  run,
                  of: options.performanceRuns,
                  performance: scoreOf(result.lhr, 'performance'),
                  ...(lcp !== undefined ? { lcpMs: lcp } : {}),
                  ...(tbt !== undefined ? { tbtMs: tbt } : {}),
                  load,
                });
              }
            },
            (reason) => options.onProgress({ kind: 'page-retry', page, reason }),
          );
          if (outcome.failure) {
            entry.timedFailure = outcome.failure;
            options.onProgress({ kind: 'timed-failed', page, reason: outcome.failure });
            continue;
          }
          entry.timedRuns = results.map(({ run }, index) => {
            const file = `pages/${slug}.timed-${index + 1}.json`;
            writeFileSync(join(options.runDir, file), run.json);
            return file;
          });
          entry.loads = results.map(({ load }) => load);
        }
      } finally {
        await slot.stop();
        release();
      }
      timing.timedSeconds = (now() - timedStarted) / 1000;
    }
  } finally {
    options.signal.removeEventListener('abort', forward);
    signal.removeEventListener('abort', onAbort);
    await Promise.all(slots.map((slot) => slot.stop()));
  }

  timing.totalSeconds = (now() - started) / 1000;
  const manifest: Manifest = {
    version: 2,
    target: options.target,
    preset: options.preset,
    performanceRuns: options.performanceRuns,
    workers,
    lighthouseVersion: options.lighthouseVersion,
    chrome: options.chromeDescription,
    startedAt,
    finishedAt: new Date().toISOString(),
    timing,
    // In the order they were selected, whatever order the workers finished them in.
    pages: options.pages.map((page) => entries.get(page.path)).filter((entry): entry is ManifestEntry => entry !== undefined),
  };
  writeFileSync(join(options.runDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
