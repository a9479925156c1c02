// The whole audit: find Chrome, find the pages, choose which to audit, then the three stages
// (collect → assert → report), which talk through the run folder's files. Returns the exit code;
// only the entry script (scripts/audit.ts) exits.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditConfig } from '../../src/config/audit-schema.ts';
import type { SiteConfig } from '../../src/config/site-schema.ts';
import { displayPath } from '../../src/lib/files.ts';
import { routeHref, urlPolicyOf, type RoutePath } from '../../src/seo/urls.ts';
import { auditIsRequired, type AuditArgs } from './audit-args.ts';
import { judgeRun, type Budgets } from './assert.ts';
import { CHROME_SOURCE_NAMES, chromeVersion, ChromeStartError, countProcessesWith, launchChrome, resolveChrome } from './chrome.ts';
import { AuditAbortedError, collect, type Manifest } from './collect.ts';
import { DistServerError, startDistServer, type DistServer } from './dist-server.ts';
import type { LighthouseResultLike } from './lighthouse-result.ts';
import { lighthouseVersion, loadLighthouseRunner } from './lighthouse-runner.ts';
import { acquireMachineLock, formatWait } from './machine-lock.ts';
import { cacheFileFor, hashOf, nextAuditedHashes, readAuditedHashes, writeAuditedHashes } from './page-cache.ts';
import { appendHistory, formatProgress, formatSummary, historyEntryOf, previousScores, pruneRuns, readHistory, renderReportsIndex, renderRunIndex } from './report.ts';
import { selectPages } from './select-pages.ts';
import { AuditInputError, discoverDistPages, discoverRemotePages, servePolicyOf, type SitePage } from './site-pages.ts';

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

  // 2. The pages, from the build or from the deployed site.
  const target = args.url ?? displayPath(dist, cwd);
  let pages: SitePage[];
  try {
    if (args.url) {
      ({ pages } = await discoverRemotePages(args.url));
    } else {
      ({ pages } = discoverDistPages({ dist, siteUrl: site.url, trailingSlash: site.trailingSlash, format: site.buildFormat, preview: context.preview }));
      if (context.preview) out('Preview build (SITE_PREVIEW): every page is noindex on purpose, so indexability (is-crawlable) is not checked.');
    }
  } catch (error) {
    if (!(error instanceof AuditInputError)) throw error;
    err(`Lighthouse audit failed: ${error.message}`);
    return 1;
  }
  const auditedSite = { ...urlPolicyOf(site), site: args.url ?? site.url };
  const alwaysAudit = config.alwaysAudit.map((route) => routeHref(route as RoutePath, auditedSite));

  // 3. Which of them this run audits.
  const budgets: Budgets = { categories: config.categories, assertions: config.assertions };
  const version = lighthouseVersion();
  const cacheContext = hashOf({ version, preset, budgets, blocked: config.blockedUrlPatterns });
  const cacheFile = cacheFileFor(cacheDir, args.url ?? `dist:${site.url}`, preset);
  const auditedHashes = readAuditedHashes(cacheFile, cacheContext);
  const selection = selectPages({
    pages,
    auditedHashes,
    alwaysAudit,
    all: args.all,
    maxChangedPages: config.maxChangedPages,
    maxPages: args.maxPages,
    shard: args.shard,
  });
  const shardNote = args.shard ? ` (shard ${args.shard.index}/${args.shard.count})` : '';
  out(`Lighthouse: ${selection.pages.length} of ${pages.length} pages of ${target} to audit${shardNote}, ${preset}, ${performanceRuns} performance run(s) each, one audit at a time.`);
  if (selection.pages.length === 0) {
    out('Nothing to audit.');
    return 0;
  }

  // 4. Collect, holding the machine's audit lock, with a server for dist/ and a Chrome profile of our own.
  let release: () => void;
  try {
    release = await acquireMachineLock({
      signal: context.signal,
      onWait: (info) => out(formatWait(info)),
      onReclaim: (reason) => out(`Took over the machine's Lighthouse audit lock: ${reason}.`),
    });
  } catch (error) {
    if (!context.signal.aborted) throw error;
    err('Lighthouse audit stopped while waiting for another audit to finish.');
    return 1;
  }
  const started = new Date();
  const runDirName = `runs/${runId(started, preset)}`;
  const runDir = join(reportsDir, runDirName);
  let server: DistServer | undefined;
  const profileRoot = mkdtempSync(join(tmpdir(), 'lighthouse-audit-chrome-'));
  let manifest: Manifest;
  try {
    if (!args.url) {
      server = await startDistServer({ root: dist, policy: servePolicyOf({ siteUrl: site.url, trailingSlash: site.trailingSlash, format: site.buildFormat }), ...(args.port ? { port: args.port } : {}) });
    }
    const origin = args.url ? new URL(args.url).origin : server!.origin;
    out(`Chrome: ${chrome.version} (${chrome.path}), profile ${profileRoot}${server ? `; serving ${target} at ${server.siteUrl}` : ''}`);
    const runLighthouse = await loadLighthouseRunner();
    mkdirSync(runDir, { recursive: true });
    manifest = await collect({
      pages: selection.pages,
      origin,
      target,
      runDir,
      preset,
      performanceRuns,
      blockedUrlPatterns: config.blockedUrlPatterns,
      pageTimeoutMs: (args.pageTimeoutSeconds ?? config.pageTimeoutSeconds) * 1000,
      chromeDescription: chrome.version,
      lighthouseVersion: version,
      launchChrome: (attempt, signal) => launchChrome({ chromePath: chrome.path, extraFlags: chrome.extraFlags, profileDir: join(profileRoot, `chrome-${attempt}`), signal }),
      runLighthouse,
      signal: context.signal,
      onProgress: (event) => out(formatProgress(event)),
    });
  } catch (error) {
    if (error instanceof DistServerError || error instanceof ChromeStartError) {
      err(`Lighthouse audit failed: ${error.message}`);
      return 1;
    }
    if (error instanceof AuditAbortedError) {
      err(`Lighthouse audit stopped (${error.message}); Chrome and the server are shut down.`);
      return 1;
    }
    throw error;
  } finally {
    await server?.close();
    // Chrome killed while starting has no one waiting for it: let its processes go before removing their profile.
    for (let waited = 0; waited < 5000 && countProcessesWith(profileRoot) > 0; waited += 100) await sleep(100);
    rmSync(profileRoot, { recursive: true, force: true });
    release();
  }

  // 5. Assert, from the files collect wrote.
  const judgement = judgeRun(manifest.pages, (file) => JSON.parse(readFileSync(join(runDir, file), 'utf8')) as LighthouseResultLike, budgets);
  writeFileSync(join(runDir, 'assertions.json'), `${JSON.stringify(judgement, null, 1)}\n`);

  // 6. Report: the summary, the HTML index, the history and the changed-only cache.
  const historyFile = join(reportsDir, 'history.jsonl');
  const history = readHistory(historyFile);
  const previous = previousScores(history, manifest.target, manifest.preset);
  writeFileSync(join(runDir, 'index.html'), renderRunIndex(judgement, manifest));
  const summary = formatSummary({
    judgement,
    manifest,
    selection,
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
  writeAuditedHashes(
    cacheFile,
    cacheContext,
    nextAuditedHashes(
      auditedHashes,
      judgement.pages.map((page) => ({ path: page.path, contentHash: page.contentHash, passed: !page.findings.some((finding) => finding.level === 'error') })),
    ),
  );
  return judgement.passed ? 0 : 1;
}
