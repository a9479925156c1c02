// Shards: each `--shard i/n` run writes a self-describing result file, and `--merge DIR…` combines the
// results of shards 1/n … n/n into one judgement, one manifest, one selection and one cache, as one
// run over every page would have made them. Pure: results in, merged run (or a ShardMergeError that
// names the folder and the fix) out; run-merge.ts reads and writes the files.
import type { Preset } from '../../src/config/audit-schema.ts';
import type { Judgement, PageVerdict } from './assert.ts';
import type { Manifest, ManifestEntry } from './collect.ts';
import type { CachedPage } from './page-cache.ts';
import { hashOf } from './page-cache.ts';
import type { DeferredPage, Selection, Shard, SharedPage, UnchangedPage } from './select-pages.ts';
import type { SitePage } from './site-pages.ts';

export const SHARD_RESULT_KIND = 'lighthouse-audit-shard';

/** The result file of shard i of n, in the shard's reports folder. */
export function shardResultName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

export const SHARD_RESULT_PATTERN = /^shard-(\d+)-of-(\d+)\.json$/;

/** Everything a merge needs from one shard, with no other file than its run folder's page reports. */
export interface ShardResult {
  kind: typeof SHARD_RESULT_KIND;
  version: 1;
  shard: Shard;
  /** What was audited: "dist/" or a deployed site's URL. */
  target: string;
  preset: Preset;
  /** The build's identity: every page's path and HTML hash. */
  build: string;
  /** Budgets, preset, Lighthouse and Chrome versions: what a result depends on besides the page. */
  context: string;
  /** Every shard's pages in order: the same for the shards of one build and one audit cache. */
  plan: string;
  /** When this shard finished. */
  at: string;
  /** audit.maxChangedPages, for the summary's note on deferred pages. */
  maxChangedPages: number;
  /** This shard's run folder, relative to the result file's folder; absent when it audited nothing. */
  runDir?: string;
  manifest?: Manifest;
  /** The pages this shard audited (none when nothing of its share changed). */
  judgement: Judgement;
  selection: Pick<Selection, 'shared' | 'unchanged' | 'deferred' | 'missingAlways'>;
  cache: {
    /** What the cache file is for (cacheFileFor's target). */
    target: string;
    /** Every page of the build: the merged cache keeps only these. */
    pages: string[];
    /** The cache entries this shard made: its audited pages and those that share their results. */
    updates: Record<string, CachedPage>;
  };
}

/** The build's identity for shards: the same pages with the same HTML (hashed asset names included). */
export function buildIdOf(target: string, pages: readonly Pick<SitePage, 'path' | 'contentHash'>[]): string {
  return hashOf({ target, pages: pages.map((page) => [page.path, page.contentHash]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)) });
}

export function planIdOf(plan: readonly string[]): string {
  return hashOf(plan);
}

/** A merge that cannot stand: says which folder and what to do. */
export class ShardMergeError extends Error {
  override name = 'ShardMergeError';
}

export interface ShardInput {
  /** The folder the result was read from, as the user named it. */
  dir: string;
  /** The same folder, resolved: where the shard's run folder is. */
  folder: string;
  result: ShardResult;
}

export interface ShardLine {
  shard: Shard;
  dir: string;
  audited: number;
  unchanged: number;
  passed: boolean;
  seconds?: number;
}

export interface MergedRun {
  shardCount: number;
  target: string;
  preset: Preset;
  maxChangedPages: number;
  /** The pages audited by every shard, in the order one run would have audited them. */
  judgement: Judgement;
  /** Absent when no shard audited anything. */
  manifest?: Manifest;
  selection: Pick<Selection, 'shared' | 'unchanged' | 'deferred' | 'missingAlways' | 'otherShards'>;
  /** [prefix in the merged run folder, shard input] for each shard that has a run folder. */
  runFolders: { prefix: string; input: ShardInput }[];
  shards: ShardLine[];
  /** Every shard met its budgets. */
  passed: boolean;
  cache: { target: string; context: string; pages: string[]; updates: Record<string, CachedPage> };
}

const describe = (input: ShardInput) => `shard ${input.result.shard.index}/${input.result.shard.count} (${input.dir})`;

function sameEverywhere(inputs: readonly ShardInput[], value: (result: ShardResult) => string, problem: (a: ShardInput, b: ShardInput) => string): void {
  const first = inputs[0]!;
  const other = inputs.find((input) => value(input.result) !== value(first.result));
  if (other) throw new ShardMergeError(problem(first, other));
}

/** Checks that the inputs are shards 1/n … n/n of one build, budgets and plan, each once. */
export function checkShards(inputs: readonly ShardInput[]): void {
  if (inputs.length === 0) throw new ShardMergeError('--merge needs the folders of the shard results, e.g. npm run audit -- --merge shards/1 shards/2 shards/3');
  sameEverywhere(
    inputs,
    (result) => String(result.shard.count),
    (a, b) => `${describe(a)} and ${describe(b)} split the pages into different numbers of shards. Merge the results of one run of shards 1/n … n/n, with the same n; delete the stale result file.`,
  );
  const count = inputs[0]!.result.shard.count;
  const byIndex = new Map<number, ShardInput>();
  for (const input of inputs) {
    const twin = byIndex.get(input.result.shard.index);
    if (twin) throw new ShardMergeError(`Shard ${input.result.shard.index}/${count} is there twice: in ${twin.dir} and in ${input.dir}. Pass each shard's results once.`);
    byIndex.set(input.result.shard.index, input);
  }
  const missing = Array.from({ length: count }, (_, position) => position + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw new ShardMergeError(
      `Shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: got ${inputs.map(describe).join(', ')}. ` +
        `Run npm run audit -- --shard i/${count} for ${missing.length > 1 ? 'each missing one' : 'it'} (or download its results) and pass its folder too.`,
    );
  }
  sameEverywhere(
    inputs,
    (result) => `${result.target}\0${result.build}`,
    (a, b) => `${describe(a)} and ${describe(b)} audited different builds (${a.result.target}, ${b.result.target}: their pages' HTML differs). Every shard must audit the same dist/: build once and give every shard that build; delete stale shard results.`,
  );
  sameEverywhere(
    inputs,
    (result) => `${result.preset}\0${result.context}`,
    (a, b) => `${describe(a)} and ${describe(b)} were judged with different budgets, preset, Lighthouse or Chrome (${a.result.preset}, ${b.result.preset}). Run every shard with the same site config, preset and Chrome.`,
  );
  sameEverywhere(
    inputs,
    (result) => result.plan,
    (a, b) => `${describe(a)} and ${describe(b)} planned different page lists: they started from different audit caches (or options such as --all). Give every shard the same cache (restore one cache key) and the same options, then run them again.`,
  );
  const seen = new Map<string, ShardInput>();
  for (const input of inputs) {
    for (const page of input.result.judgement.pages) {
      const other = seen.get(page.path);
      if (other) throw new ShardMergeError(`${page.path} was audited by both ${describe(other)} and ${describe(input)}: the shards overlap. Run the shards of one plan again.`);
      seen.set(page.path, input);
    }
  }
}

/** Shards split the plan round-robin: taking one page from each in turn gives one run's order back. */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const merged: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let position = 0; position < longest; position++) for (const list of lists) if (position < list.length) merged.push(list[position]!);
  return merged;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function prefixed(prefix: string, file: string | undefined): string | undefined {
  return file === undefined ? undefined : `${prefix}/${file}`;
}

function withPrefix(page: PageVerdict, prefix: string | undefined): PageVerdict {
  if (!prefix || page.report === undefined) return page;
  return { ...page, report: prefixed(prefix, page.report)! };
}

function entryWithPrefix(entry: ManifestEntry, prefix: string): ManifestEntry {
  return {
    ...entry,
    ...(entry.run !== undefined ? { run: prefixed(prefix, entry.run)! } : {}),
    ...(entry.report !== undefined ? { report: prefixed(prefix, entry.report)! } : {}),
    ...(entry.timedRuns !== undefined ? { timedRuns: entry.timedRuns.map((file) => `${prefix}/${file}`) } : {}),
  };
}

/** The manifests of the shards as one: shards run side by side, so the pass times are the longest shard's. */
function mergeManifests(manifests: readonly { manifest: Manifest; prefix: string }[]): Manifest | undefined {
  if (manifests.length === 0) return undefined;
  const first = manifests[0]!.manifest;
  const all = manifests.map((item) => item.manifest);
  const longest = (pick: (timing: Manifest['timing']) => number) => Math.max(...all.map((manifest) => pick(manifest.timing)));
  return {
    ...first,
    workers: all.reduce((sum, manifest) => sum + manifest.workers, 0),
    startedAt: all.map((manifest) => manifest.startedAt).sort()[0]!,
    finishedAt: all.map((manifest) => manifest.finishedAt).sort().at(-1)!,
    timing: {
      chromeStarts: all.flatMap((manifest) => manifest.timing.chromeStarts),
      deterministicRuns: all.flatMap((manifest) => manifest.timing.deterministicRuns),
      timedRuns: all.flatMap((manifest) => manifest.timing.timedRuns),
      deterministicSeconds: longest((timing) => timing.deterministicSeconds),
      lockWaitSeconds: longest((timing) => timing.lockWaitSeconds),
      timedSeconds: longest((timing) => timing.timedSeconds),
      totalSeconds: longest((timing) => timing.totalSeconds),
    },
    pages: interleave(manifests.map(({ manifest, prefix }) => manifest.pages.map((entry) => entryWithPrefix(entry, prefix)))),
  };
}

/** Prefix, inside the merged run folder, of shard i's copied run folder. */
export const shardFolderName = (shard: Shard) => `shard-${shard.index}`;

/** The shards' results as one run's. Throws ShardMergeError when they are not one complete set. */
export function mergeShards(unsorted: readonly ShardInput[]): MergedRun {
  checkShards(unsorted);
  const inputs = [...unsorted].sort((a, b) => a.result.shard.index - b.result.shard.index);
  const first = inputs[0]!.result;
  const prefixOf = (input: ShardInput) => (input.result.runDir ? shardFolderName(input.result.shard) : undefined);
  const pages = interleave(inputs.map((input) => input.result.judgement.pages.map((page) => withPrefix(page, prefixOf(input)))));
  const errors = inputs.reduce((sum, input) => sum + input.result.judgement.errors, 0);
  const warnings = inputs.reduce((sum, input) => sum + input.result.judgement.warnings, 0);
  const passed = inputs.every((input) => input.result.judgement.passed);
  const withManifest = inputs.filter((input) => input.result.manifest && input.result.runDir);
  const manifest = mergeManifests(withManifest.map((input) => ({ manifest: input.result.manifest!, prefix: prefixOf(input)! })));
  const updates: Record<string, CachedPage> = {};
  for (const input of inputs) Object.assign(updates, input.result.cache.updates);
  return {
    shardCount: first.shard.count,
    target: first.target,
    preset: first.preset,
    maxChangedPages: first.maxChangedPages,
    judgement: { pages, errors, warnings, passed },
    ...(manifest ? { manifest } : {}),
    selection: {
      shared: inputs.flatMap((input) => input.result.selection.shared).sort(byPath) as SharedPage[],
      unchanged: inputs.flatMap((input) => input.result.selection.unchanged).sort(byPath) as UnchangedPage[],
      deferred: inputs.flatMap((input) => input.result.selection.deferred) as DeferredPage[],
      missingAlways: first.selection.missingAlways,
      otherShards: 0,
    },
    runFolders: withManifest.map((input) => ({ prefix: prefixOf(input)!, input })),
    shards: inputs.map((input) => ({
      shard: input.result.shard,
      dir: input.dir,
      audited: input.result.judgement.pages.length,
      unchanged: input.result.selection.unchanged.length,
      passed: input.result.judgement.passed,
      ...(input.result.manifest ? { seconds: input.result.manifest.timing.totalSeconds } : {}),
    })),
    passed,
    cache: { target: first.cache.target, context: first.context, pages: first.cache.pages, updates },
  };
}

/** The audit cache after the merge: what it held for pages still built, then every shard's new entries. */
export function mergedCache(base: Readonly<Record<string, CachedPage>>, cache: MergedRun['cache']): Record<string, CachedPage> {
  const built = new Set(cache.pages);
  const next: Record<string, CachedPage> = {};
  for (const [path, cached] of Object.entries(base)) if (built.has(path)) next[path] = cached;
  return Object.assign(next, cache.updates);
}

/** One line per shard, for the merged summary. */
export function formatShardLines(merged: MergedRun): string[] {
  return [
    `Merged ${merged.shardCount} shard result(s) of ${merged.target}:`,
    ...merged.shards.map(
      (line) =>
        `  shard ${line.shard.index}/${line.shard.count} (${line.dir}): ${line.audited} page(s) audited, ${line.unchanged} unchanged` +
        `${line.seconds !== undefined ? ` in ${Math.round(line.seconds)} s` : ''} · ${line.passed ? 'budgets met' : 'below budget'}`,
    ),
  ];
}

/** The job summary on GitHub Actions ($GITHUB_STEP_SUMMARY): the verdict as a heading, the summary as printed. */
export function stepSummaryOf(merged: Pick<MergedRun, 'passed' | 'shardCount' | 'target' | 'judgement'>, summary: string): string {
  const verdict = merged.passed ? '✅ Lighthouse: budgets met' : '❌ Lighthouse: below budget';
  const counts = `${merged.judgement.pages.length} page(s) audited in ${merged.shardCount} shard(s) · ${merged.judgement.errors} error(s), ${merged.judgement.warnings} warning(s)`;
  // A fence longer than any run of backticks in the text keeps it verbatim.
  const fence = '`'.repeat(Math.max(3, ...[...summary.matchAll(/`+/g)].map((match) => match[0].length + 1)));
  return `## ${verdict}\n\n${counts}\n\n${fence}text\n${summary}\n${fence}\n`;
}
