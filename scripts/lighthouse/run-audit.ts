// The whole audit: find Chrome, find the pages and what each one's audit depends on, choose which to
// audit, then the three stages (collect → assert → report), which talk through the run folder's files.
// Returns the exit code; only the entry script (scripts/audit.ts) exits.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AUDIT_LIMITS, deterministicPerformanceAudits, type AuditConfig } from '../../src/config/audit-schema.ts';
import { readProjectPaths } from '../../src/config/build-env.ts';
import type { SiteConfig } from '../../src/config/site-schema.ts';
import { historyPath, refreshSeoReport } from '../../src/integrations/seo-report.ts';
import { displayPath } from '../../src/lib/files.ts';
import { parseHeadersFile, type HeaderRule } from '../../src/security/headers.ts';
import { routeHref, urlPolicyOf, type RoutePath } from '../../src/seo/urls.ts';
import { auditIsRequired, type AuditArgs } from './audit-args.ts';
import { judgeRun, type Budgets } from './assert.ts';
import { CHROME_SOURCE_NAMES, chromeVersion, ChromeStartError, countProcessesWith, launchChrome, resolveChrome } from './chrome.ts';
import { AuditAbortedError, collect, type Manifest } from './collect.ts';
import { DistServerError, startDistServer, type DistServer } from './dist-server.ts';
import type { LighthouseResultLike } from './lighthouse-result.ts';
import { lighthouseVersion, startLighthouseThreads, type LighthouseThreads } from './lighthouse-runner.ts';
import { judgeLoad, startLoadSample } from './machine-load.ts';
import { acquireMachineLock, formatWait, lockFileFrom, runTokenFrom } from './machine-lock.ts';
import { buildIdOf, planIdOf, SHARD_RESULT_KIND, shardResultName, type ShardResult } from './merge-shards.ts';
import { cacheFileFor, hashOf, nextAuditCache, readAuditCache, writeAuditCache, type CachedPage } from './page-cache.ts';
import { compareInputs, InputHasher, type PageInputs } from './page-inputs.ts';
import { appendHistory, formatProgress, formatSummary, formatUnchangedRun, historyEntryOf, previousScores, pruneRuns, readHistory, renderReportsIndex, renderRunIndex } from './report.ts';
import { selectPages, timedPagesOf, type Selection, type SourceChanges } from './select-pages.ts';
import { AuditInputError, discoverDistPages, discoverRemotePages, servePolicyOf, type SitePage } from './site-pages.ts';
import { SinceError, sourceChangesSince } from './source-changes.ts';

/** Run folders kept in the reports folder; older ones are deleted. */
const KEPT_RUNS = 10;

export interface AuditEnvironment {
  args: AuditArgs;
  env: Readonly<Record<string, string | undefined>>;
  /** The project root: default dist/, reports/ and .cache/ are inside it. */
  projectRoot: string;
  site: SiteConfig;
  /** A preview build (SITE_PREVIEW): pages are noindex on purpose, so indexability is not judged. */
  preview: boolean;
  signal: AbortSignal;
  out: (line: string) => void;
  err: (line: string) => void;
}

function runId(date: Date, preset: string): string {
  return `${date.toISOString().replace(/[:.]/g, '-')}-${preset}`;
}

function readDistFile(dist: string, file: string): Buffer | undefined {
  try {
    return readFileSync(join(dist, file));
  } catch {
    return undefined;
  }
}

/** The site's _headers rules, as a static host would apply them (none when the build wrote no file). */
function readHeaderRules(dist: string): HeaderRule[] {
  const file = join(dist, '_headers');
  return existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : [];
}

export async function runAudit(context: AuditEnvironment): Promise<number> {
  const { args, env, site, out, err } = context;
  const config: AuditConfig = site.audit;
  const preset = args.preset ?? config.preset;
  const performanceRuns = args.runs ?? config.performanceRuns;
  const cwd = process.cwd();
  const dist = resolve(cwd, args.dist ?? join(context.projectRoot, 'dist'));
  const reportsDir = resolve(cwd, args.reportsDir ?? join(context.projectRoot, 'reports/lighthouse'));
  const cacheDir = resolve(cwd, args.cacheDir ?? join(context.projectRoot, '.cache/lighthouse'));

  // 1. Chrome, before anything slow: without it there is nothing to do.
  const lookup = await resolveChrome(env, { onUnpack: (path) => out(`Unpacking the Chromium that npm ci installed into ${path} (once; about 210 MB)…`) });
  let chrome: { path: string; version: string; extraFlags: readonly string[] } | undefined;
  let problem = lookup.found ? undefined : lookup.message;
  if (lookup.found) {
    try {
      chrome = { path: lookup.path, version: `${chromeVersion(lookup.path)}, ${CHROME_SOURCE_NAMES[lookup.source]}`, extraFlags: lookup.extraFlags };
    } catch (error) {
      if (!(error instanceof ChromeStartError)) throw error;
      problem = error.message;
    }
  }
  if (!chrome) {
    if (auditIsRequired(args, env)) {
      err(`Lighthouse audit failed: ${problem}`);
      if (args.afterBuild) err('The audit is required here (--require-audit or CI is set), so the build fails.');
      return 1;
    }
    err(`⚠ Lighthouse audit skipped: ${problem}`);
    err('  The build itself succeeded. To audit it, run npm ci (it installs a Chromium), install Chromium or set CHROME_PATH, then run npm run audit.');
    err('  (With --require-audit or on CI, a missing Chrome fails the build instead.)');
    return 0;
  }

  // 2. The pages, from the build or from the deployed site, and what each one's audit depends on.
  // What the reports and history call it: a staged build goes by the folder it will replace, so its
  // scores compare with those of `npm run audit` on the published site.
  const target = args.url ?? args.reportAs ?? displayPath(dist, cwd);
  const policy = servePolicyOf({ siteUrl: site.url, trailingSlash: site.trailingSlash, format: site.buildFormat });
  let pages: SitePage[];
  let since: SourceChanges | undefined;
  try {
    if (args.url) {
      ({ pages } = await discoverRemotePages(args.url));
    } else {
      ({ pages } = discoverDistPages({ dist, siteUrl: site.url, trailingSlash: site.trailingSlash, format: site.buildFormat, preview: context.preview }));
      if (context.preview) out('Preview build (SITE_PREVIEW): every page is noindex on purpose, so indexability (is-crawlable) is not checked.');
    }
    if (args.since) since = sourceChangesSince(args.since, { projectRoot: context.projectRoot, contentDir: resolve(context.projectRoot, readProjectPaths(env).contentDir), policy: urlPolicyOf(site) });
  } catch (error) {
    if (!(error instanceof AuditInputError) && !(error instanceof SinceError)) throw error;
    err(`Lighthouse audit failed: ${error.message}`);
    return 1;
  }
  const auditedSite = { ...urlPolicyOf(site), site: args.url ?? site.url };
  const alwaysAudit = config.alwaysAudit.map((route) => routeHref(route as RoutePath, auditedSite));
  const budgets: Budgets = { categories: config.categories, assertions: config.assertions };
  const version = lighthouseVersion();
  // A kept result stands only for the same budgets, preset, Lighthouse and Chrome.
  const cacheContext = hashOf({ version, chrome: chrome.version, preset, budgets, blocked: config.blockedUrlPatterns });
  const cacheTarget = args.url ?? `dist:${site.url}`;
  const cacheFile = cacheFileFor(cacheDir, cacheTarget, preset);
  const cache = readAuditCache(cacheFile, cacheContext);
  const headerRules = args.url ? [] : readHeaderRules(dist);
  const hasher = new InputHasher({ read: (file) => readDistFile(dist, file), policy, headerRules });
  const inputsOf = (page: SitePage, observedPaths: readonly string[]): PageInputs =>
    page.file ? hasher.pageInputs({ file: page.file, path: page.path, extraPaths: observedPaths }) : { htmlHash: page.contentHash, deps: {}, headersHash: '' };
  const currentInputs = new Map(pages.map((page) => [page.path, inputsOf(page, cache[page.path]?.observedPaths ?? [])]));

  // 3. Which of them this run audits.
  const selection = selectPages({
    pages: pages.map((page) => ({ ...page, inputs: currentInputs.get(page.path)! })),
    cache,
    compare: compareInputs,
    alwaysAudit,
    all: args.all,
    since,
    maxChangedPages: config.maxChangedPages,
    maxPages: args.maxPages,
    shard: args.shard,
  });
  const timedPages = timedPagesOf(selection.pages, args.timed ?? config.timedPages);
  const workers = args.workers ?? (config.workers || Math.min(availableParallelism(), AUDIT_LIMITS.maxWorkers));
  const shardNote = args.shard ? ` (shard ${args.shard.index}/${args.shard.count})` : '';
  // A shard says what it did in a file of its own, even when it audited nothing, so --merge knows it ran.
  const writeShardResult = (run: Pick<ShardResult, 'judgement' | 'at' | 'runDir' | 'manifest'> & { updates: Record<string, CachedPage> }) => {
    if (!args.shard) return;
    const { updates, ...rest } = run;
    const result: ShardResult = {
      kind: SHARD_RESULT_KIND,
      version: 1,
      shard: args.shard,
      target,
      preset,
      build: buildIdOf(target, pages),
      context: cacheContext,
      plan: planIdOf(selection.plan),
      maxChangedPages: config.maxChangedPages,
      ...rest,
      selection: shardSelectionOf(selection),
      cache: { target: cacheTarget, pages: pages.map((page) => page.path), updates },
    };
    mkdirSync(reportsDir, { recursive: true });
    const file = join(reportsDir, shardResultName(args.shard));
    writeFileSync(`${file}.tmp`, `${JSON.stringify(result)}\n`);
    renameSync(`${file}.tmp`, file);
    out(`Shard result: ${displayPath(file, cwd)} (npm run audit -- --merge with every shard's folder combines them)`);
  };
  if (selection.pages.length === 0) {
    out(formatUnchangedRun({ target, selection, cache, maxChangedPages: config.maxChangedPages }));
    writeShardResult({ judgement: { pages: [], errors: 0, warnings: 0, passed: true }, at: new Date().toISOString(), updates: {} });
    return 0;
  }
  out(
    `Lighthouse: ${selection.pages.length} of ${pages.length} pages of ${target} to audit${shardNote}, ${preset}: ` +
      `accessibility, best practices, SEO and performance facts on ${Math.min(workers, selection.pages.length)} Chrome(s) at once; ` +
      (timedPages.length > 0 ? `timing on ${timedPages.length} page(s), ${performanceRuns} run(s) each, one at a time.` : 'no timed runs.'),
  );

  // 4. Collect, with a server for dist/ (sending the site's _headers) and Chrome profiles of our own.
  const started = new Date();
  const runDirName = `runs/${runId(started, preset)}`;
  const runDir = join(reportsDir, runDirName);
  let server: DistServer | undefined;
  let threads: LighthouseThreads | undefined;
  const profileRoot = mkdtempSync(join(tmpdir(), 'lighthouse-audit-chrome-'));
  let manifest: Manifest;
  try {
    if (!args.url) server = await startDistServer({ root: dist, policy, headerRules, ...(args.port ? { port: args.port } : {}) });
    const origin = args.url ? new URL(args.url).origin : server!.origin;
    out(`Chrome: ${chrome.version} (${chrome.path}), profiles in ${profileRoot}${server ? `; serving ${target} at ${server.siteUrl}` : ''}`);
    threads = startLighthouseThreads(deterministicPerformanceAudits(config.assertions));
    mkdirSync(runDir, { recursive: true });
    manifest = await collect({
      pages: selection.pages,
      timedPages,
      origin,
      ...(server ? { blankPage: server.blankPage } : {}),
      target,
      runDir,
      preset,
      performanceRuns,
      workers,
      blockedUrlPatterns: config.blockedUrlPatterns,
      pageTimeoutMs: (args.pageTimeoutSeconds ?? config.pageTimeoutSeconds) * 1000,
      chromeDescription: chrome.version,
      lighthouseVersion: version,
      launchChrome: (attempt, signal) => launchChrome({ chromePath: chrome.path, extraFlags: chrome.extraFlags, profileDir: join(profileRoot, `chrome-${attempt}`), signal }),
      runLighthouse: threads.run,
      acquireTimedLock: () =>
        acquireMachineLock({
          file: lockFileFrom(env),
          ...(runTokenFrom(env) ? { run: runTokenFrom(env)! } : {}),
          signal: context.signal,
          onWait: (info) => out(formatWait(info)),
          onReclaim: (reason) => out(`Took over the machine's Lighthouse audit lock: ${reason}`),
        }),
      sampleLoad: () => startLoadSample(),
      signal: context.signal,
      onProgress: (event) => out(formatProgress(event)),
    });
  } catch (error) {
    if (error instanceof DistServerError || error instanceof ChromeStartError) {
      err(`Lighthouse audit failed: ${error.message}`);
      return 1;
    }
    if (error instanceof AuditAbortedError || context.signal.aborted) {
      err(`Lighthouse audit stopped (${context.signal.aborted ? String(context.signal.reason) : (error as Error).message}); Chrome and the server are shut down.`);
      return 1;
    }
    throw error;
  } finally {
    await threads?.close();
    await server?.close();
    // Chrome killed while starting has no one waiting for it: let its processes go before removing their profile.
    for (let waited = 0; waited < 5000 && countProcessesWith(profileRoot) > 0; waited += 100) await sleep(100);
    rmSync(profileRoot, { recursive: true, force: true });
  }

  // 5. Assert, from the files collect wrote.
  const readRun = (file: string) => JSON.parse(readFileSync(join(runDir, file), 'utf8')) as LighthouseResultLike;
  const judgement = judgeRun(manifest.pages, readRun, budgets, (entry, timed) =>
    judgeLoad(entry.loads ?? [], timed.map((run) => run.environment?.benchmarkIndex).filter((value): value is number => typeof value === 'number')),
  );
  writeFileSync(join(runDir, 'assertions.json'), `${JSON.stringify(judgement, null, 1)}\n`);

  // 6. Report: the summary, the HTML index, the history and the cache of results.
  const historyFile = join(reportsDir, 'history.jsonl');
  const history = readHistory(historyFile);
  const previous = previousScores(history, manifest.target, manifest.preset);
  writeFileSync(join(runDir, 'index.html'), renderRunIndex(judgement, manifest, { shared: selection.shared, unchanged: selection.unchanged }));
  const summary = formatSummary({
    judgement,
    manifest,
    selection,
    timedPages: judgement.pages.filter((page) => page.timing).map((page) => page.path),
    previous,
    maxChangedPages: config.maxChangedPages,
    reportIndex: displayPath(join(runDir, 'index.html'), cwd),
  });
  writeFileSync(join(runDir, 'summary.txt'), `${summary}\n`);
  out('');
  out(summary);
  const entry = historyEntryOf(judgement, manifest, runDirName);
  appendHistory(historyFile, entry);
  const kept = pruneRuns(reportsDir, KEPT_RUNS);
  writeFileSync(join(reportsDir, 'index.html'), renderReportsIndex([...history, entry], kept));
  // The SEO report beside the audit's folder (reports/) charts this history: redraw it with this run.
  const seoReportDir = dirname(reportsDir);
  if (historyPath(seoReportDir) === historyFile) {
    try {
      const refreshed = refreshSeoReport(seoReportDir);
      if (refreshed) out(`SEO report redrawn with this run's scores: ${displayPath(refreshed.indexPath, cwd)}`);
    } catch (error) {
      err(`⚠ ${(error as Error).message}`);
    }
  }
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const nextCache = nextAuditCache(cache, {
    at: manifest.finishedAt,
    audited: judgement.pages.map((verdict) => {
      const observedPaths = manifest.pages.find((item) => item.path === verdict.path)?.observedPaths ?? [];
      // Hashed again with what Lighthouse saw it load, so the next run compares like with like.
      return { path: verdict.path, verdict, observedPaths, inputs: inputsOf(byPath.get(verdict.path)!, observedPaths) };
    }),
    shared: selection.shared,
    currentInputs,
  });
  writeAuditCache(cacheFile, cacheContext, nextCache);
  const made = [...judgement.pages.map((page) => page.path), ...selection.shared.map((item) => item.path)];
  writeShardResult({
    judgement,
    manifest,
    at: manifest.finishedAt,
    runDir: runDirName,
    updates: Object.fromEntries(made.filter((path) => nextCache[path]).map((path) => [path, nextCache[path]!])),
  });
  return judgement.passed ? 0 : 1;
}

/** What a shard's result keeps of its selection: the merged summary's notes. */
function shardSelectionOf(selection: Selection): ShardResult['selection'] {
  return { shared: selection.shared, unchanged: selection.unchanged, deferred: selection.deferred, missingAlways: selection.missingAlways };
}
