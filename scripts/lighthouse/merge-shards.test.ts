import { describe, expect, it } from 'vitest';
import type { PageVerdict } from './assert.ts';
import type { Manifest } from './collect.ts';
import { buildIdOf, mergedCache, mergeShards, planIdOf, shardResultName, stepSummaryOf, type ShardInput, type ShardResult } from './merge-shards.ts';
import type { CachedPage } from './page-cache.ts';
import { selectPages, type SelectedPage } from './select-pages.ts';
import type { SitePage } from './site-pages.ts';

// ---- fixtures: one build of seven pages, split by selectPages itself ----

const SITE: SitePage[] = ['/', '/about/', '/posts/a/', '/posts/b/', '/posts/c/', '/posts/d/', '/tags/x/'].map((path) => ({
  path,
  template: path === '/' ? 'home' : path === '/about/' ? 'about' : path.startsWith('/tags/') ? 'tag' : 'post',
  indexable: true,
  contentHash: `html-of-${path}`,
}));
const inputs = { htmlHash: 'h', deps: {}, headersHash: '' };

function selectionFor(shard?: { index: number; count: number }) {
  return selectPages({ pages: SITE.map((page) => ({ ...page, inputs })), cache: {}, compare: () => ({ kind: 'same' }), alwaysAudit: [], all: true, maxChangedPages: 100, shard });
}

const verdictOf = (page: SelectedPage, fields: Partial<PageVerdict> = {}): PageVerdict => ({
  path: page.path,
  url: `http://127.0.0.1:4000${page.path}`,
  template: page.template,
  reason: page.reason,
  indexable: true,
  scores: { performance: null, accessibility: 100, 'best-practices': 100, seo: 100 },
  facts: { cls: 0, bytes: 7000, requests: 6 },
  findings: [],
  report: `pages/${page.path.replace(/\W+/g, '-')}.html`,
  skippedAudits: [],
  failed: false,
  ...fields,
});

const manifestOf = (pages: readonly SelectedPage[], seconds: number, startedAt: string, finishedAt: string): Manifest => ({
  version: 2,
  target: 'dist',
  preset: 'mobile',
  performanceRuns: 1,
  workers: 1,
  lighthouseVersion: '13.5.0',
  chrome: 'Chromium 153',
  startedAt,
  finishedAt,
  timing: { chromeStarts: [1], deterministicRuns: pages.map(() => 2), timedRuns: [], deterministicSeconds: seconds, lockWaitSeconds: 0, timedSeconds: 0, totalSeconds: seconds + 1 },
  pages: pages.map((page) => ({ path: page.path, url: page.path, template: page.template, reason: page.reason, indexable: true, run: 'pages/x.json', report: 'pages/x.html', observedPaths: [], skippedAudits: [], attempts: 1, seconds: 2 })),
});

const cached = (at: string): CachedPage => ({ inputs, at, passed: true, verdict: verdictOf({ ...SITE[0]!, reason: 'all' }), observedPaths: [] });

function shardOf(index: number, count: number, options: { failing?: string; fields?: Partial<ShardResult> } = {}): ShardInput {
  const selection = selectionFor({ index, count });
  const pages = selection.pages.map((page) =>
    verdictOf(page, page.path === options.failing ? { findings: [{ level: 'error', id: 'seo', title: 'SEO score', expected: '≥ 100', found: '92' }], scores: { performance: null, accessibility: 100, 'best-practices': 100, seo: 92 } } : {}),
  );
  const errors = pages.filter((page) => page.findings.length > 0).length;
  const result: ShardResult = {
    kind: 'lighthouse-audit-shard',
    version: 1,
    shard: { index, count },
    target: 'dist',
    preset: 'mobile',
    build: buildIdOf('dist', SITE),
    context: 'budgets-and-versions',
    plan: planIdOf(selection.plan),
    at: `2026-12-02T08:0${index}:00.000Z`,
    maxChangedPages: 100,
    runDir: `runs/shard-${index}-run`,
    manifest: manifestOf(selection.pages, 10 * index, `2026-12-02T08:00:0${index}.000Z`, `2026-12-02T08:0${index}:00.000Z`),
    judgement: { pages, errors, warnings: 0, passed: errors === 0 },
    selection: { shared: [], unchanged: [], deferred: [], missingAlways: [] },
    cache: { target: 'dist:https://example.com/', pages: SITE.map((page) => page.path), updates: Object.fromEntries(selection.pages.map((page) => [page.path, cached(`2026-12-02T08:0${index}:00.000Z`)])) },
    ...options.fields,
  };
  return { dir: `shards/${index}`, folder: `/work/shards/${index}`, result };
}

const threeShards = (options: { failing?: string } = {}) => [shardOf(1, 3, options), shardOf(2, 3, options), shardOf(3, 3, options)];

// ---- the merge ----

describe('merging shard results', () => {
  it('names each shard’s result file after its share', () => {
    expect(shardResultName({ index: 2, count: 4 })).toBe('shard-2-of-4.json');
  });

  it('gives back the pages in the order one run over every page audits them', () => {
    const merged = mergeShards(threeShards().reverse());
    expect(merged.judgement.pages.map((page) => page.path)).toEqual(selectionFor().pages.map((page) => page.path));
    expect(merged.manifest!.pages.map((page) => page.path)).toEqual(selectionFor().pages.map((page) => page.path));
    expect(merged.selection.otherShards).toBe(0);
  });

  it('passes when every shard met its budgets', () => {
    const merged = mergeShards(threeShards());
    expect(merged.judgement).toMatchObject({ errors: 0, warnings: 0, passed: true });
    expect(merged.passed).toBe(true);
  });

  it('fails when one shard missed a budget, keeping its finding', () => {
    const merged = mergeShards(threeShards({ failing: '/posts/b/' }));
    expect(merged.passed).toBe(false);
    expect(merged.judgement.errors).toBe(1);
    expect(merged.judgement.pages.find((page) => page.path === '/posts/b/')!.findings[0]).toMatchObject({ id: 'seo', found: '92' });
    expect(merged.shards.filter((line) => !line.passed)).toHaveLength(1);
  });

  it('links each page to its report inside the shard’s copied run folder', () => {
    const merged = mergeShards(threeShards());
    const first = merged.judgement.pages[0]!;
    expect(first.report).toBe('shard-1/pages/-.html');
    expect(merged.runFolders.map((folder) => folder.prefix)).toEqual(['shard-1', 'shard-2', 'shard-3']);
    expect(merged.manifest!.pages[1]!.run).toBe('shard-2/pages/x.json');
  });

  it('counts the shards as side by side: every Chrome, and the longest shard’s time', () => {
    const { manifest } = mergeShards(threeShards());
    expect(manifest!.workers).toBe(3);
    expect(manifest!.timing.deterministicSeconds).toBe(30);
    expect(manifest!.timing.deterministicRuns).toHaveLength(SITE.length);
    expect(manifest!.startedAt).toBe('2026-12-02T08:00:01.000Z');
    expect(manifest!.finishedAt).toBe('2026-12-02T08:03:00.000Z');
  });

  it('has no run folder when no shard audited anything, and passes on the kept results', () => {
    const idle = (index: number) => {
      const input = shardOf(index, 2);
      const { runDir: _runDir, manifest: _manifest, ...rest } = input.result;
      return { ...input, result: { ...rest, judgement: { pages: [], errors: 0, warnings: 0, passed: true }, selection: { ...rest.selection, unchanged: [{ path: `/page-${index}/`, template: 'post', since: '2026-12-01T00:00:00.000Z' }] } } };
    };
    const merged = mergeShards([idle(1), idle(2)]);
    expect(merged.manifest).toBeUndefined();
    expect(merged.runFolders).toEqual([]);
    expect(merged.passed).toBe(true);
    expect(merged.selection.unchanged.map((page) => page.path)).toEqual(['/page-1/', '/page-2/']);
  });
});

describe('shard results that cannot be merged', () => {
  it('names the missing shard and how to get it', () => {
    expect(() => mergeShards([shardOf(1, 3), shardOf(3, 3)])).toThrow(
      'Shard 2/3 is missing: got shard 1/3 (shards/1), shard 3/3 (shards/3). Run npm run audit -- --shard i/3 for it (or download its results) and pass its folder too.',
    );
  });

  it('refuses the same shard twice, naming both folders', () => {
    const again = { ...shardOf(2, 3), dir: 'old/2' };
    expect(() => mergeShards([...threeShards(), again])).toThrow('Shard 2/3 is there twice: in shards/2 and in old/2. Pass each shard\'s results once.');
  });

  it('refuses shards of different splits', () => {
    expect(() => mergeShards([shardOf(1, 2), shardOf(2, 3)])).toThrow('shard 1/2 (shards/1) and shard 2/3 (shards/2) split the pages into different numbers of shards');
  });

  it('refuses shards of different builds', () => {
    const [one, two, three] = threeShards();
    const rebuilt = { ...three!, result: { ...three!.result, build: buildIdOf('dist', SITE.map((page) => ({ ...page, contentHash: 'edited' }))) } };
    expect(() => mergeShards([one!, two!, rebuilt])).toThrow(/shard 1\/3 \(shards\/1\) and shard 3\/3 \(shards\/3\) audited different builds .*Every shard must audit the same dist\//);
  });

  it('refuses shards judged with different budgets', () => {
    const [one, two, three] = threeShards();
    expect(() => mergeShards([one!, { ...two!, result: { ...two!.result, context: 'other-budgets' } }, three!])).toThrow(/were judged with different budgets, preset, Lighthouse or Chrome/);
  });

  it('refuses shards that started from different audit caches', () => {
    const [one, two, three] = threeShards();
    expect(() => mergeShards([one!, two!, { ...three!, result: { ...three!.result, plan: planIdOf(['/']) } }])).toThrow(/planned different page lists: they started from different audit caches .*restore one cache key/);
  });

  it('refuses shards that audited the same page', () => {
    const [one, two, three] = threeShards();
    const overlapping = { ...two!, result: { ...two!.result, judgement: { ...two!.result.judgement, pages: [...two!.result.judgement.pages, one!.result.judgement.pages[0]!] } } };
    expect(() => mergeShards([one!, overlapping, three!])).toThrow('/ was audited by both shard 1/3 (shards/1) and shard 2/3 (shards/2): the shards overlap.');
  });

  it('says what to pass when there is nothing to merge', () => {
    expect(() => mergeShards([])).toThrow('--merge needs the folders of the shard results');
  });
});

describe('the audit cache after a merge', () => {
  it('keeps what it had for pages still built and takes every shard’s new results', () => {
    const base = { '/': cached('2026-11-01T00:00:00.000Z'), '/gone/': cached('2026-11-01T00:00:00.000Z'), '/about/': cached('2026-11-01T00:00:00.000Z') };
    const next = mergedCache(base, { target: 't', context: 'c', pages: ['/', '/about/', '/posts/new/'], updates: { '/about/': cached('2026-12-02T08:00:00.000Z'), '/posts/new/': cached('2026-12-02T08:00:00.000Z') } });
    expect(Object.keys(next).sort()).toEqual(['/', '/about/', '/posts/new/']);
    expect(next['/']!.at).toBe('2026-11-01T00:00:00.000Z');
    expect(next['/about/']!.at).toBe('2026-12-02T08:00:00.000Z');
  });
});

describe('the job summary', () => {
  it('leads with the verdict and keeps the printed summary verbatim, backticks included', () => {
    const merged = mergeShards(threeShards({ failing: '/posts/b/' }));
    const text = stepSummaryOf(merged, 'ERROR /posts/b/ uses ``` inside');
    expect(text.startsWith('## ❌ Lighthouse: below budget\n\n7 page(s) audited in 3 shard(s) · 1 error(s), 0 warning(s)\n\n````text\n')).toBe(true);
    expect(text.endsWith('ERROR /posts/b/ uses ``` inside\n````\n')).toBe(true);
  });
});
