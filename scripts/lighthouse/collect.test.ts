import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChromeSession } from './chrome.ts';
import { AuditAbortedError, collect, reportSlug, type CollectOptions, type LighthouseRequest, type LighthouseRun, type ProgressEvent } from './collect.ts';
import type { LighthouseResultLike } from './lighthouse-result.ts';
import type { SelectedPage } from './select-pages.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const page = (path: string, indexable = true): SelectedPage => ({ path, template: 'post', reason: 'template', indexable, contentHash: `hash ${path}` });

function result(runtimeError?: string): LighthouseRun {
  const lhr: LighthouseResultLike = {
    categories: { performance: { id: 'performance', title: 'Performance', score: 0.98, auditRefs: [] }, seo: { id: 'seo', title: 'SEO', score: 1, auditRefs: [] } },
    audits: {},
    ...(runtimeError ? { runtimeError: { code: runtimeError, message: 'the page stopped responding' } } : {}),
  };
  return { lhr, json: JSON.stringify(lhr), html: '<html>report</html>' };
}

/** A fake Chrome and Lighthouse that record what the collector asks of them. */
function harness(behaviour: (request: LighthouseRequest, call: number) => Promise<LighthouseRun> = async () => result()) {
  const log = { launched: 0, killed: 0, requests: [] as LighthouseRequest[], events: [] as ProgressEvent[], active: 0, maxActive: 0 };
  const runDir = mkdtempSync(join(tmpdir(), 'collect-'));
  folders.push(runDir);
  const controller = new AbortController();
  const options = (pages: SelectedPage[], extra: Partial<CollectOptions> = {}): CollectOptions => ({
    pages,
    origin: 'http://127.0.0.1:4000',
    target: 'dist',
    runDir,
    preset: 'mobile',
    performanceRuns: 3,
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
      try {
        return await behaviour(request, log.requests.length);
      } finally {
        log.active--;
      }
    },
    signal: controller.signal,
    onProgress: (event) => log.events.push(event),
    ...extra,
  });
  return { log, runDir, controller, options };
}

describe('collecting Lighthouse results', () => {
  it('runs every category once and performance N times per page, one run at a time', async () => {
    const { log, runDir, options } = harness(async () => {
      await new Promise((resolveRun) => setTimeout(resolveRun, 5));
      return result();
    });
    const manifest = await collect(options([page('/posts/a/'), page('/posts/b/')]));
    expect(log.maxActive).toBe(1);
    expect(log.requests.map((request) => [request.url, request.categories.join(',')])).toEqual([
      ['http://127.0.0.1:4000/posts/a/', 'performance,accessibility,best-practices,seo'],
      ['http://127.0.0.1:4000/posts/a/', 'performance'],
      ['http://127.0.0.1:4000/posts/a/', 'performance'],
      ['http://127.0.0.1:4000/posts/b/', 'performance,accessibility,best-practices,seo'],
      ['http://127.0.0.1:4000/posts/b/', 'performance'],
      ['http://127.0.0.1:4000/posts/b/', 'performance'],
    ]);
    expect(manifest.pages[0]).toMatchObject({ runs: ['pages/posts-a.json', 'pages/posts-a.performance-2.json', 'pages/posts-a.performance-3.json'], report: 'pages/posts-a.html', attempts: 1 });
    for (const file of [...manifest.pages[0]!.runs, manifest.pages[0]!.report!, 'manifest.json']) expect(existsSync(join(runDir, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(runDir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect(manifest.timing.runs).toHaveLength(6);
  });

  it('starts Chrome once for the whole run and kills it at the end', async () => {
    const { log, options } = harness();
    await collect(options([page('/a/'), page('/b/')]));
    expect(log).toMatchObject({ launched: 1, killed: 1 });
  });

  it('blocks third parties and skips is-crawlable only on pages left out of the sitemap', async () => {
    const { log, options } = harness();
    const manifest = await collect(options([page('/posts/a/'), page('/404.html', false)], { performanceRuns: 1 }));
    expect(log.requests.map((request) => request.skipAudits)).toEqual([[], ['is-crawlable']]);
    expect(log.requests.every((request) => request.blockedUrlPatterns.includes('*giscus.app*'))).toBe(true);
    expect(manifest.pages[1]!.skippedAudits).toEqual(['is-crawlable']);
  });

  it('retries a page once with a fresh Chrome after a crash, and goes on', async () => {
    const { log, options } = harness(async (_, call) => {
      if (call === 1) throw new Error('Protocol error: Target closed');
      return result();
    });
    const manifest = await collect(options([page('/a/'), page('/b/')], { performanceRuns: 1 }));
    expect(manifest.pages.map((entry) => [entry.path, entry.attempts, entry.failure])).toEqual([
      ['/a/', 2, undefined],
      ['/b/', 1, undefined],
    ]);
    expect(log.launched).toBe(2);
    expect(log.killed).toBe(2);
    expect(log.events).toContainEqual({ kind: 'page-retry', page: page('/a/'), reason: 'Protocol error: Target closed' });
  });

  it('reports a page that fails twice, and audits the pages after it', async () => {
    const { log, options } = harness(async (request) => (request.url.endsWith('/hangs/') ? result('PAGE_HUNG') : result()));
    const manifest = await collect(options([page('/hangs/'), page('/after/')], { performanceRuns: 1 }));
    expect(manifest.pages[0]).toMatchObject({ path: '/hangs/', attempts: 2, runs: [], failure: 'PAGE_HUNG: the page stopped responding (tried 2 times)' });
    expect(manifest.pages[0]!.report).toBeUndefined();
    expect(manifest.pages[1]).toMatchObject({ path: '/after/', attempts: 1, runs: ['pages/after.json'] });
    const done = log.events.flatMap((event) => (event.kind === 'page-done' ? [event.failure] : []));
    expect(done).toEqual(['PAGE_HUNG: the page stopped responding (tried 2 times)', undefined]);
    expect(log.launched).toBe(log.killed);
  });

  it('gives up on a run that never finishes, killing its Chrome', async () => {
    const { log, options } = harness(() => new Promise(() => {}));
    const manifest = await collect(options([page('/stuck/')], { performanceRuns: 1, pageTimeoutMs: 30, watchdogGraceMs: 20 }));
    expect(manifest.pages[0]!.failure).toBe('Lighthouse did not finish within 0 s (tried 2 times)');
    expect(log).toMatchObject({ launched: 2, killed: 2 });
  });

  it('stops at once when cancelled (Ctrl-C, SIGTERM), killing Chrome', async () => {
    const { log, options, controller } = harness(() => {
      controller.abort('SIGTERM');
      return new Promise(() => {});
    });
    await expect(collect(options([page('/a/'), page('/b/')]))).rejects.toThrow(AuditAbortedError);
    expect(log.requests).toHaveLength(1);
    expect(log).toMatchObject({ launched: 1, killed: 1 });
  });

  it('stops on a disk error while writing results (not the page’s fault), still killing Chrome', async () => {
    const { log, options, runDir } = harness(async () => {
      rmSync(join(runDir, 'pages'), { recursive: true });
      writeFileSync(join(runDir, 'pages'), 'a file where the folder was');
      return result();
    });
    await expect(collect(options([page('/a/'), page('/b/')], { performanceRuns: 1 }))).rejects.toThrow(/ENOTDIR/);
    expect(log.requests).toHaveLength(1);
    expect(log).toMatchObject({ launched: 1, killed: 1 });
  });

  it('reports progress with the page number, the time spent and an estimate of the time left', async () => {
    let clock = 0;
    const { log, options } = harness(async () => {
      clock += 6000;
      return result();
    });
    await collect(options([page('/a/'), page('/b/'), page('/c/')], { performanceRuns: 1, now: () => clock }));
    const starts = log.events.filter((event) => event.kind === 'page-start');
    expect(starts.map((event) => event.kind === 'page-start' && [event.index, event.total, event.elapsedMs, event.remainingMs])).toEqual([
      [1, 3, 0, 21_000], // before any page is done: a first guess of 7 s per run
      [2, 3, 6000, 12_000],
      [3, 3, 12_000, 6000],
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
