// Pure parts of the audit benchmark: what one audit run measured (from its output and the files it
// wrote), judging the targets and the markdown table. The runs themselves are in audit-bench.ts.
import type { TargetVerdict } from './bench-report.ts';

export type AuditScenarioName = 'first' | 'unchanged' | 'one-post' | 'css' | 'throughput';

/** The audit's own timing, as its manifest.json gives it. */
export interface AuditManifestTiming {
  chromeStarts: number[];
  deterministicRuns: number[];
  timedRuns: number[];
  deterministicSeconds: number;
  timedSeconds: number;
  totalSeconds: number;
}

/** The parts of a run folder's manifest.json and assertions.json the benchmark reads. */
export interface AuditRunFiles {
  manifest: { workers: number; timing: AuditManifestTiming };
  judgement: { pages: { path: string; template: string; reason: string; failed?: boolean }[]; errors: number; warnings: number };
}

export interface AuditedPage {
  path: string;
  template: string;
  reason: string;
}

export interface AuditRun {
  exitCode: number;
  /** Wall-clock time of the whole `npm run audit` process, Node's start-up included. */
  milliseconds: number;
  /** Peak resident memory of the audit and its Chromes together. */
  peakMemoryBytes?: number;
  /** Average cores other processes used while it ran (null without /proc). */
  otherCores?: number | null;
  /** It said "nothing to audit": no run folder, no Chrome. */
  nothingToAudit: boolean;
  audited: AuditedPage[];
  /** Chrome instances of the deterministic pass. */
  workers?: number;
  timing?: AuditManifestTiming;
  errors?: number;
  warnings?: number;
  /** It waited for another audit's timed runs (the machine-wide lock). */
  waitedForLock: boolean;
}

export interface AuditScenario {
  name: AuditScenarioName;
  /** The build just before the audit, for scale; none when the audit ran on the previous one's dist/ (edited, for the CSS change). */
  build: { kind: 'cold' | 'warm'; milliseconds: number } | { kind: 'none' };
  audit: AuditRun;
}

export interface AuditBenchResult {
  posts: number;
  pages: number;
  /** Templates of the site's pages (from the first audit, which audits every page). */
  templates: string[];
  /** A warm `astro build` of the same site with nothing changed. */
  warmBuildMs: number;
  scenarios: AuditScenario[];
}

/** What the audit's printed output says about a run: whether it audited anything, and where the reports are. */
export function parseAuditOutput(output: string): { nothingToAudit: boolean; reportIndex?: string; waitedForLock: boolean } {
  const reportIndex = /^\s*Reports: (\S+index\.html)\s*$/m.exec(output)?.[1];
  return {
    nothingToAudit: /^Lighthouse: nothing (?:to audit|audited) in /m.test(output),
    ...(reportIndex ? { reportIndex } : {}),
    waitedForLock: /^Waiting for another Lighthouse audit on this machine/m.test(output),
  };
}

/** One audit run, from its exit code, wall time, output and (when it audited pages) its run folder's files. */
export function auditRunOf(input: {
  exitCode: number;
  milliseconds: number;
  output: string;
  files?: AuditRunFiles;
  peakMemoryBytes?: number;
  otherCores?: number | null;
}): AuditRun {
  const { nothingToAudit, waitedForLock } = parseAuditOutput(input.output);
  const { files } = input;
  return {
    exitCode: input.exitCode,
    milliseconds: input.milliseconds,
    ...(input.peakMemoryBytes === undefined ? {} : { peakMemoryBytes: input.peakMemoryBytes }),
    ...(input.otherCores === undefined ? {} : { otherCores: input.otherCores }),
    nothingToAudit,
    audited: (files?.judgement.pages ?? []).map(({ path, template, reason }) => ({ path, template, reason })),
    ...(files
      ? { workers: files.manifest.workers, timing: files.manifest.timing, errors: files.judgement.errors, warnings: files.judgement.warnings }
      : {}),
    waitedForLock,
  };
}

/** Pages per minute of the deterministic pass (a11y, best practices, SEO, performance facts), as the audit's summary computes it. */
export function deterministicPagesPerMinute(run: AuditRun): number {
  const seconds = run.timing?.deterministicSeconds ?? 0;
  return seconds > 0 ? (run.audited.length / seconds) * 60 : Number.NaN;
}

export const AUDIT_TARGETS = {
  /** Seconds the audit may add to a build when nothing changed. */
  unchangedSeconds: 3,
  /** Deterministic pages per minute on the benchmark machine (2 cores). */
  deterministicPagesPerMinute: 20,
};

const SCENARIO_LABELS: Record<AuditScenarioName, string> = {
  first: 'first audit (empty cache, --all)',
  unchanged: 'unchanged rebuild',
  'one-post': "one post's Markdown edited",
  css: 'shared CSS changed (made on dist/: new hash in every page)',
  throughput: 'deterministic pass only (--all --timed none)',
};

const distinctTemplates = (pages: readonly AuditedPage[]) => new Set(pages.map((page) => page.template)).size;

/** The pages each scenario should audit: none, one, one per template; undefined where any number is right. */
export function expectedPages(name: AuditScenarioName, templates: readonly string[]): number | undefined {
  if (name === 'unchanged') return 0;
  if (name === 'one-post') return 1;
  if (name === 'css') return templates.length;
  return undefined;
}

/** The audit's targets, each with the measured figure and whether it was met (undefined: not measured). */
export function judgeAuditTargets(result: AuditBenchResult): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  const scenario = (name: AuditScenarioName) => result.scenarios.find((item) => item.name === name);
  const pagesVerdict = (name: AuditScenarioName, target: string) => {
    const found = scenario(name);
    const expected = expectedPages(name, result.templates);
    if (expected === undefined) return;
    const audited = found?.audit.audited.length;
    const detail = found && name === 'css' ? ` (${distinctTemplates(found.audit.audited)} of ${result.templates.length} templates)` : '';
    verdicts.push({
      target,
      measured: found ? `${audited} page(s)${detail}` : 'not measured',
      met: found ? audited === expected && (name !== 'css' || distinctTemplates(found.audit.audited) === expected) : undefined,
    });
  };

  const unchanged = scenario('unchanged');
  verdicts.push({
    target: `unchanged rebuild: audit adds < ${AUDIT_TARGETS.unchangedSeconds} s`,
    measured: unchanged ? `${(unchanged.audit.milliseconds / 1000).toFixed(2)} s` : 'not measured',
    met: unchanged ? unchanged.audit.milliseconds < AUDIT_TARGETS.unchangedSeconds * 1000 : undefined,
  });
  pagesVerdict('unchanged', 'unchanged rebuild: audits 0 pages');
  pagesVerdict('one-post', 'one post edited: audits 1 page');
  pagesVerdict('css', `shared CSS changed: audits one page per template (${result.templates.length})`);
  const throughput = scenario('throughput');
  const rate = throughput ? deterministicPagesPerMinute(throughput.audit) : Number.NaN;
  verdicts.push({
    target: `deterministic pass ≥ ${AUDIT_TARGETS.deterministicPagesPerMinute} pages/min`,
    measured: Number.isNaN(rate) ? 'not measured' : `${rate.toFixed(1)} pages/min on ${throughput!.audit.workers} Chrome(s)`,
    met: Number.isNaN(rate) ? undefined : rate >= AUDIT_TARGETS.deterministicPagesPerMinute,
  });
  return verdicts;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const secondsOf = (value: number | undefined) => (value === undefined ? '–' : seconds(value * 1000));
const megabytes = (bytes: number | undefined) => (bytes === undefined ? '–' : `${Math.round(bytes / 1024 / 1024)} MB`);

function buildCell(build: AuditScenario['build']): string {
  return build.kind === 'none' ? '–' : `${seconds(build.milliseconds)} (${build.kind})`;
}

function pagesCell(run: AuditRun): string {
  if (run.nothingToAudit) return '0 (nothing to audit)';
  const templates = distinctTemplates(run.audited);
  const shown = run.audited.length === 1 ? `: ${run.audited[0]!.path}` : templates > 1 ? ` (${templates} templates)` : '';
  return `${run.audited.length}${shown}`;
}

function passesCell(run: AuditRun): string {
  if (!run.timing) return '–';
  const deterministic = `${secondsOf(run.timing.deterministicSeconds)} deterministic`;
  const timed = run.timing.timedRuns.length > 0 ? ` + ${secondsOf(run.timing.timedSeconds)} timed (${run.timing.timedRuns.length} run(s))` : '';
  return `${deterministic}${timed}`;
}

function rateCell(run: AuditRun): string {
  const rate = deterministicPagesPerMinute(run);
  return Number.isNaN(rate) ? '–' : `${rate.toFixed(1)} on ${run.workers}`;
}

function notesOf(run: AuditRun): string[] {
  const notes: string[] = [];
  if (run.exitCode !== 0) notes.push(`exit ${run.exitCode}${run.errors ? ` (${run.errors} budget error(s))` : ''}`);
  if (run.waitedForLock) notes.push("waited for another audit's timed runs");
  if (typeof run.otherCores === 'number' && run.otherCores >= 0.25) notes.push(`other processes used ${run.otherCores.toFixed(1)} cores`);
  return notes;
}

/** A markdown report of one audit benchmark. */
export function formatAuditMarkdown(result: AuditBenchResult, cores: number): string {
  const lines = [
    `## Lighthouse audit: ${result.posts} posts (${result.pages} pages, ${result.templates.length} templates)`,
    '',
    `Each audit after the build it follows (\`astro build\` of the same site; a warm build with nothing changed takes ${seconds(result.warmBuildMs)}). ` +
      `Audit time is the whole \`npm run audit\` process; the deterministic pass runs on up to ${cores} Chrome(s), timed runs one at a time.`,
    '',
    '| scenario | build before it | audit | pages audited | audit passes | deterministic pages/min | peak memory | notes |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const scenario of result.scenarios) {
    const run = scenario.audit;
    lines.push(
      `| ${SCENARIO_LABELS[scenario.name]} | ${buildCell(scenario.build)} | ${seconds(run.milliseconds)} | ${pagesCell(run)} | ${passesCell(run)} | ${rateCell(run)} | ${megabytes(run.peakMemoryBytes)} | ${notesOf(run).join('; ') || ''} |`,
    );
  }
  lines.push(
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...judgeAuditTargets(result).map((verdict) => `| ${verdict.target} | ${verdict.measured} | ${verdict.met === undefined ? '–' : verdict.met ? 'yes' : '**no**'} |`),
    '',
  );
  return lines.join('\n');
}

/** The progress line the benchmark prints after each audit. */
export function formatAuditProgress(name: AuditScenarioName, run: AuditRun): string {
  const pages = run.nothingToAudit ? 'nothing to audit' : `${run.audited.length} page(s) audited`;
  const passes = run.timing ? ` (${passesCell(run)})` : '';
  const notes = notesOf(run);
  return `audit · ${SCENARIO_LABELS[name]}: ${seconds(run.milliseconds)}, ${pages}${passes}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`;
}
