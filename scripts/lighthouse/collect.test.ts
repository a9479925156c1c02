import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChromeSession } from './chrome.ts';
import { AuditAbortedError, collect, observedPathsOf, reportSlug, type CollectOptions, type LighthouseRequest, type LighthouseRun, type ProgressEvent } from './collect.ts';
import type { LighthouseResultLike } from './lighthouse-result.ts';
import type { LoadSample } from './machine-load.ts';
import type { SelectedPage } from './select-pages.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const page = (path: string, indexable = true): SelectedPage => ({ path, template: 'post', reason: 'new', indexable, contentHash: `hash ${path}` });
const QUIET: LoadSample = { seconds: 5, cores: 2, otherCores: 0.1, ownCores: 1, machineBusyCores: 1.1, loadAverage1: 1, method: 'proc' };

function result(request: LighthouseRequest, runtimeError?: string): LighthouseRun {
  const lhr: LighthouseResultLike = {
    categories:
      request.mode === 'timed'
        ? { performance: { id: 'performance', title: 'Performance', score: 0.98, auditRefs: [] } }
        : { seo: { id: 'seo', title: 'SEO', score: 1, auditRefs: [] }, accessibility: { id: 'accessibility', title: 'Accessibility', score: 1, auditRefs: [] } },
    audits: {
      'network-requests': { id: 'network-requests', title: 'Network requests', score: null, scoreDisplayMode: 'informative', details: { type: 'table', items: [{ url: request.url }, { url: 'http://127.0.0.1:4000/_astro/a.css' }, { url: 'https://elsewhere.example/x.js' }] } },
    },
    ...(runtimeError ? { runtimeError: { code: runtimeError, message: 'the page stopped responding' } } : {}),
  };
  return { lhr, json: JSON.stringify(lhr), html: '<html>report</html>' };
}

/** A fake Chrome and Lighthouse that record what the collector asks of them. */
function harness(behaviour: (request: LighthouseRequest, call: number) => Promise<LighthouseRun> = async (request) => result(request)) {
  const log = { launched: 0, killed: 0, requests: [] as LighthouseRequest[], events: [] as ProgressEvent[], active: 0, maxActive: 0, maxActiveTimed: 0, locks: 0, released: 0, samples: 0 };
  const runDir = mkdtempSync(join(tmpdir(), 'collect-'));
  folders.push(runDir);
  const controller = new AbortController();
  let activeTimed = 0;
  const options = (pages: SelectedPage[], extra: Partial<CollectOptions> = {}): CollectOptions => ({
    pages,
    timedPages: [],
    origin: 'http://127.0.0.1:4000',
    target: 'dist',
    runDir,
    preset: 'mobile',
    performanceRuns: 3,
    workers: 1,
    blockedUrlPatterns: ['*giscus.app*'],
    pageTimeoutMs: 45_000,
    chromeDescription: 'Chromium (fake)',
    lighthouseVersion: '13.5.0',
    launchChrome: async (attempt): Promise<ChromeSession> => {
      log.launched++;
      return { port: 9000 + attempt, pid: attempt, profileDir: `/tmp/profile-${attempt}`, kill: async () => void log.killed++ };
    },
    runLighthouse: async (request) => {
      log.requests.push(request);
      log.active++;
      log.maxActive = Math.max(log.maxActive, log.active);
      if (request.mode === 'timed') log.maxActiveTimed = Math.max(log.maxActiveTimed, ++activeTimed);
      try {
        return await behaviour(request, log.requests.length);
      } finally {
        log.active--;
        if (request.mode === 'timed') activeTimed--;
      }
    },
    acquireTimedLock: async () => {
      log.locks++;
      return () => void log.released++;
    },
    sampleLoad: () => {
      log.samples++;
      return { stop: () => QUIET };
    },
    signal: controller.signal,
    onProgress: (event) => log.events.push(event),
    ...extra,
  });
  return { log, runDir, controller, options };
}

/** Resolves after a few milliseconds, so that runs overlap when they can. */
const briefly = () => new Promise((resolveRun) => setTimeout(resolveRun, 5));

describe('collecting Lighthouse results', () => {
  it('runs the deterministic pass on every page, then N timed runs on the timed pages only', async () => {
    const { log, runDir, options } = harness();
    const pages = [page('/posts/a/'), page('/posts/b/')];
    const manifest = await collect(options(pages, { timedPages: [pages[0]!] }));
    expect(log.requests.map((request) => [request.url, request.mode])).toEqual([
      ['http://127.0.0.1:4000/posts/a/', 'deterministic'],
      ['http://127.0.0.1:4000/posts/b/', 'deterministic'],
      ['http://127.0.0.1:4000/posts/a/', 'timed'],
      ['http://127.0.0.1:4000/posts/a/', 'timed'],
      ['http://127.0.0.1:4000/posts/a/', 'timed'],
    ]);
    expect(manifest.pages[0]).toMatchObject({
      run: 'pages/posts-a.json',
      report: 'pages/posts-a.html',
      timedRuns: ['pages/posts-a.timed-1.json', 'pages/posts-a.timed-2.json', 'pages/posts-a.timed-3.json'],
      loads: [QUIET, QUIET, QUIET],
      attempts: 1,
    });
    expect(manifest.pages[1]!.timedRuns).toBeUndefined();
    for (const file of [manifest.pages[0]!.run!, ...manifest.pages[0]!.timedRuns!, manifest.pages[0]!.report!, 'manifest.json']) expect(existsSync(join(runDir, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect(manifest.timing.deterministicRuns).toHaveLength(2);
    expect(manifest.timing.timedRuns).toHaveLength(3);
    expect(log.samples).toBe(3);
  });

  it('runs the deterministic pass on several Chromes at once, each reused across its pages, and keeps the selection order', async () => {
    const { log, options } = harness(async (request) => {
      await briefly();
      return result(request);
    });
    const pages = ['/a/', '/b/', '/c/', '/d/', '/e/'].map((path) => page(path));
    const manifest = await collect(options(pages, { workers: 2 }));
    expect(log.maxActive).toBe(2);
    expect(log.launched).toBe(2);
    expect(log.killed).toBe(2);
    expect(manifest.workers).toBe(2);
    expect(manifest.pages.map((entry) => entry.path)).toEqual(['/a/', '/b/', '/c/', '/d/', '/e/']);
  });

  it('makes timed runs one at a time, under the machine lock, in a Chrome of their own', async () => {
    const { log, options } = harness(async (request) => {
      await briefly();
      return result(request);
    });
    const pages = ['/a/', '/b/', '/c/'].map((path) => page(path));
    await collect(options(pages, { workers: 3, timedPages: pages, performanceRuns: 2 }));
    expect(log.maxActiveTimed).toBe(1);
    expect(log).toMatchObject({ locks: 1, released: 1, launched: 4, killed: 4 });
  });

  it('takes no lock when no page is timed', async () => {
    const { log, options } = harness();
    await collect(options([page('/a/')]));
    expect(log.locks).toBe(0);
  });

  it('blocks third parties and skips is-crawlable only on pages left out of the sitemap', async () => {
    const { log, options } = harness();
    const manifest = await collect(options([page('/posts/a/'), page('/404.html', false)]));
    expect(log.requests.map((request) => request.skipAudits)).toEqual([[], ['is-crawlable']]);
    expect(log.requests.every((request) => request.blockedUrlPatterns.includes('*giscus.app*'))).toBe(true);
    expect(manifest.pages[1]!.skippedAudits).toEqual(['is-crawlable']);
  });

  it('records the same-origin files each page loaded, for the next run’s input hashes', async () => {
    const { options } = harness();
    const manifest = await collect(options([page('/posts/a/')]));
    expect(manifest.pages[0]!.observedPaths).toEqual(['/_astro/a.css']);
    expect(observedPathsOf(result({ url: 'http://127.0.0.1:4000/', port: 1, mode: 'deterministic', preset: 'mobile', skipAudits: [], blockedUrlPatterns: [], maxWaitForLoadMs: 1 }).lhr, 'http://127.0.0.1:4000', '/')).toEqual(['/_astro/a.css']);
  });

  it('retries a page once with a fresh Chrome after a crash, and goes on', async () => {
    const { log, options } = harness(async (request, call) => {
      if (call === 1) throw new Error('Protocol error: Target closed');
      return result(request);
    });
    const manifest = await collect(options([page('/a/'), page('/b/')]));
    expect(manifest.pages.map((entry) => [entry.path, entry.attempts, entry.failure])).toEqual([
      ['/a/', 2, undefined],
      ['/b/', 1, undefined],
    ]);
    expect(log.launched).toBe(2);
    expect(log.killed).toBe(2);
    expect(log.events).toContainEqual({ kind: 'page-retry', page: page('/a/'), reason: 'Protocol error: Target closed' });
  });

  it('reports a page that fails twice, audits the pages after it, and does not time it', async () => {
    const { log, options } = harness(async (request) => (request.url.endsWith('/hangs/') ? result(request, 'PAGE_HUNG') : result(request)));
    const pages = [page('/hangs/'), page('/after/')];
    const manifest = await collect(options(pages, { timedPages: pages, performanceRuns: 1 }));
    expect(manifest.pages[0]).toMatchObject({ path: '/hangs/', attempts: 2, failure: 'PAGE_HUNG: the page stopped responding (tried 2 times)' });
    expect(manifest.pages[0]!.run).toBeUndefined();
    expect(manifest.pages[0]!.report).toBeUndefined();
    expect(manifest.pages[1]).toMatchObject({ path: '/after/', attempts: 1, run: 'pages/after.json', timedRuns: ['pages/after.timed-1.json'] });
    const done = log.events.flatMap((event) => (event.kind === 'page-done' ? [event.failure] : []));
    expect(done).toEqual(['PAGE_HUNG: the page stopped responding (tried 2 times)', undefined]);
    expect(log.requests.filter((request) => request.mode === 'timed').map((request) => request.url)).toEqual(['http://127.0.0.1:4000/after/']);
    expect(log.launched).toBe(log.killed);
  });

  it('keeps a page’s deterministic results when its timed runs fail twice', async () => {
    const { log, options } = harness(async (request) => (request.mode === 'timed' ? result(request, 'NO_FCP') : result(request)));
    const pages = [page('/a/')];
    const manifest = await collect(options(pages, { timedPages: pages, performanceRuns: 2 }));
    expect(manifest.pages[0]).toMatchObject({ run: 'pages/a.json', timedFailure: 'NO_FCP: the page stopped responding (tried 2 times)' });
    expect(manifest.pages[0]!.timedRuns).toBeUndefined();
    expect(log.events).toContainEqual({ kind: 'timed-failed', page: pages[0], reason: 'NO_FCP: the page stopped responding (tried 2 times)' });
    expect(log).toMatchObject({ released: 1 });
    expect(log.launched).toBe(log.killed);
  });

  it('gives up on a run that never finishes, killing its Chrome', async () => {
    const { log, options } = harness(() => new Promise(() => {}));
    const manifest = await collect(options([page('/stuck/')], { pageTimeoutMs: 30, watchdogGraceMs: 20 }));
    expect(manifest.pages[0]!.failure).toBe('Lighthouse did not finish within 0 s (tried 2 times)');
    expect(log).toMatchObject({ launched: 2, killed: 2 });
  });

  it('stops at once when cancelled (Ctrl-C, SIGTERM), killing every Chrome', async () => {
    const { log, options, controller } = harness(() => {
      controller.abort('SIGTERM');
      return new Promise(() => {});
    });
    await expect(collect(options([page('/a/'), page('/b/'), page('/c/')], { workers: 2 }))).rejects.toThrow(AuditAbortedError);
    expect(log.requests.length).toBeLessThanOrEqual(2);
    expect(log.launched).toBe(log.killed);
  });

  it('releases the machine lock when cancelled during a timed run', async () => {
    const { log, options, controller } = harness(async (request) => {
      if (request.mode === 'deterministic') return result(request);
      controller.abort('SIGINT');
      return new Promise(() => {});
    });
    const pages = [page('/a/')];
    await expect(collect(options(pages, { timedPages: pages }))).rejects.toThrow(AuditAbortedError);
    expect(log).toMatchObject({ locks: 1, released: 1 });
    expect(log.launched).toBe(log.killed);
  });

  it('stops on a disk error while writing results (not the page’s fault), still killing Chrome', async () => {
    const { log, options, runDir } = harness(async (request) => {
      rmSync(join(runDir, 'pages'), { recursive: true });
      writeFileSync(join(runDir, 'pages'), 'a file where the folder was');
      return result(request);
    });
    await expect(collect(options([page('/a/'), page('/b/')]))).rejects.toThrow(/ENOTDIR/);
    expect(log.requests).toHaveLength(1);
    expect(log).toMatchObject({ launched: 1, killed: 1 });
  });

  it('stops every worker on a disk error in one of them: no Chrome is started after it, and every Chrome is killed', async () => {
    const { log, options, runDir } = harness(async (request, call) => {
      await briefly();
      if (call === 1) {
        rmSync(join(runDir, 'pages'), { recursive: true });
        writeFileSync(join(runDir, 'pages'), 'a file where the folder was');
      }
      return result(request);
    });
    await expect(collect(options(['/a/', '/b/', '/c/', '/d/', '/e/', '/f/'].map((path) => page(path)), { workers: 2 }))).rejects.toThrow(/ENOTDIR/);
    expect(log.launched).toBe(2);
    expect(log.killed).toBe(2);
    expect(log.requests.length).toBeLessThanOrEqual(3);
  });

  it('estimates the time left from the pages done so far, the Chromes at work and the timed runs to come', async () => {
    let clock = 0;
    const { log, options } = harness(async (request) => {
      clock += request.mode === 'timed' ? 5000 : 3000;
      return result(request);
    });
    const pages = [page('/a/'), page('/b/'), page('/c/')];
    await collect(options(pages, { timedPages: [pages[0]!], performanceRuns: 2, now: () => clock }));
    const starts = log.events.flatMap((event) => (event.kind === 'page-start' ? [[event.index, event.total, event.elapsedMs, event.remainingMs]] : []));
    expect(starts).toEqual([
      [1, 3, 0, 3 * 4000 + 2 * 6000], // first guesses: 4 s per page, 6 s per timed run
      [2, 3, 3000, 2 * 3000 + 2 * 6000],
      [3, 3, 6000, 3000 + 2 * 6000],
    ]);
    const timed = log.events.flatMap((event) => (event.kind === 'timed-start' ? [[event.index, event.total, event.remainingMs]] : []));
    expect(timed).toEqual([[1, 1, 2 * 6000]]);
    const runs = log.events.flatMap((event) => (event.kind === 'timed-run' ? [[event.run, event.of, event.performance]] : []));
    expect(runs).toEqual([
      [1, 2, 98],
      [2, 2, 98],
    ]);
  });
});

describe('report file names', () => {
  it.each([
    { path: '/', slug: 'home' },
    { path: '/posts/a/', slug: 'posts-a' },
    { path: '/404.html', slug: '404' },
    { path: '/posts/caf%C3%A9/', slug: 'posts-cafe' },
  ])('names $path $slug', ({ path, slug }) => expect(reportSlug(path, new Set())).toBe(slug));

  it('never gives two pages the same name', () => {
    const taken = new Set<string>();
    expect(['/a-b/', '/a/b/', '/a.b/'].map((path) => reportSlug(path, taken))).toEqual(['a-b', 'a-b-2', 'a-b-3']);
  });
});
