// npm run audit -- --merge DIR…: reads the shard results in each folder, merges them (merge-shards.ts)
// and writes what one run over every page writes: a run folder with the summary, the index and every
// shard's page reports, one history entry, the reports index, the audit cache, and on GitHub Actions
// the job summary. Returns the exit code: 1 when a shard missed its budgets or the shards do not fit.
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { historyPath, refreshSeoReport } from '../../src/integrations/seo-report.ts';
import { displayPath } from '../../src/lib/files.ts';
import { formatShardLines, mergedCache, mergeShards, SHARD_RESULT_KIND, SHARD_RESULT_PATTERN, ShardMergeError, stepSummaryOf, type ShardInput, type ShardResult } from './merge-shards.ts';
import { cacheFileFor, readAuditCache, writeAuditCache } from './page-cache.ts';
import { appendHistory, formatSummary, formatUnchangedRun, historyEntryOf, previousScores, pruneRuns, readHistory, renderReportsIndex, renderRunIndex } from './report.ts';

/** Run folders kept in the reports folder, as for a single run. */
const KEPT_RUNS = 10;

export interface MergeEnvironment {
  dirs: readonly string[];
  reportsDir?: string | undefined;
  cacheDir?: string | undefined;
  projectRoot: string;
  env: Readonly<Record<string, string | undefined>>;
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => Date;
}

/** The shard results in one folder; throws ShardMergeError when there are none or one is unreadable. */
export function readShardResults(dir: string, shown: string): ShardInput[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ShardMergeError(`${shown} is not a folder. Pass the reports folder of each shard (the one it ran with --reports-dir, or its downloaded artifact).`);
  const files = readdirSync(dir).filter((name) => SHARD_RESULT_PATTERN.test(name)).sort();
  if (files.length === 0) {
    throw new ShardMergeError(`${shown} has no shard result (shard-i-of-n.json). Run npm run audit -- --shard i/n --reports-dir ${shown} for each shard first, or download each shard's results into its own folder.`);
  }
  return files.map((name) => {
    let result: ShardResult;
    try {
      result = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ShardResult;
    } catch (error) {
      throw new ShardMergeError(`${join(shown, name)} is not a readable shard result (${(error as Error).message}). Run that shard again.`);
    }
    if (result.kind !== SHARD_RESULT_KIND || result.version !== 1) throw new ShardMergeError(`${join(shown, name)} is not a shard result of this audit's version. Run that shard again with this checkout.`);
    return { dir: shown, folder: dir, result };
  });
}

export function runMerge(context: MergeEnvironment): number {
  const { out, err } = context;
  const cwd = process.cwd();
  const reportsDir = resolve(cwd, context.reportsDir ?? join(context.projectRoot, 'reports/lighthouse'));
  const cacheDir = resolve(cwd, context.cacheDir ?? join(context.projectRoot, '.cache/lighthouse'));
  let merged;
  try {
    const inputs = context.dirs.flatMap((dir) => readShardResults(resolve(cwd, dir), dir));
    merged = mergeShards(inputs);
    for (const { input } of merged.runFolders) {
      const source = join(input.folder, input.result.runDir!);
      if (!existsSync(source)) throw new ShardMergeError(`${input.dir} has the result of shard ${input.result.shard.index}/${input.result.shard.count} but not its run folder ${input.result.runDir}: keep (or upload) the shard's whole reports folder.`);
    }
  } catch (error) {
    if (!(error instanceof ShardMergeError)) throw error;
    err(`Lighthouse merge failed: ${error.message}`);
    return 1;
  }

  const lines = formatShardLines(merged);
  const cacheFile = cacheFileFor(cacheDir, merged.cache.target, merged.preset);
  const cache = mergedCache(readAuditCache(cacheFile, merged.cache.context), merged.cache);
  let summary: string;
  if (!merged.manifest) {
    // No shard audited anything: as for one run, no run folder and no history entry, only the kept results.
    summary = [...lines, '', formatUnchangedRun({ target: merged.target, selection: merged.selection, cache, maxChangedPages: merged.maxChangedPages })].join('\n');
  } else {
    const at = (context.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const runDirName = `runs/${at}-${merged.preset}-merged`;
    const runDir = join(reportsDir, runDirName);
    mkdirSync(runDir, { recursive: true });
    for (const { prefix, input } of merged.runFolders) {
      cpSync(join(input.folder, input.result.runDir!), join(runDir, prefix), { recursive: true });
    }
    const { judgement, manifest, selection } = merged;
    writeFileSync(join(runDir, 'assertions.json'), `${JSON.stringify(judgement, null, 1)}\n`);
    writeFileSync(join(runDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    writeFileSync(join(runDir, 'index.html'), renderRunIndex(judgement, manifest, { shared: selection.shared, unchanged: selection.unchanged }));
    const historyFile = join(reportsDir, 'history.jsonl');
    const history = readHistory(historyFile);
    summary = [
      ...lines,
      '',
      formatSummary({
        judgement,
        manifest,
        selection,
        timedPages: judgement.pages.filter((page) => page.timing).map((page) => page.path),
        previous: previousScores(history, manifest.target, manifest.preset),
        maxChangedPages: merged.maxChangedPages,
        reportIndex: displayPath(join(runDir, 'index.html'), cwd),
      }),
    ].join('\n');
    writeFileSync(join(runDir, 'summary.txt'), `${summary}\n`);
    const entry = historyEntryOf(judgement, manifest, runDirName);
    appendHistory(historyFile, entry);
    const kept = pruneRuns(reportsDir, KEPT_RUNS);
    writeFileSync(join(reportsDir, 'index.html'), renderReportsIndex([...history, entry], kept));
    const seoReportDir = resolve(reportsDir, '..');
    if (historyPath(seoReportDir) === historyFile) {
      try {
        const refreshed = refreshSeoReport(seoReportDir);
        if (refreshed) out(`SEO report redrawn with the merged scores: ${displayPath(refreshed.indexPath, cwd)}`);
      } catch (error) {
        err(`⚠ ${(error as Error).message}`);
      }
    }
  }
  writeAuditCache(cacheFile, merged.cache.context, cache);
  out(summary);
  const stepSummary = context.env['GITHUB_STEP_SUMMARY'];
  if (stepSummary) appendFileSync(stepSummary, stepSummaryOf(merged, summary));
  return merged.passed ? 0 : 1;
}
