// Report: turns verdicts into what a person reads — progress lines, the summary table, failures
// with their fix, the HTML index of the reports — and keeps the history that gives each run its
// change since the last. The formatting functions are pure; the few that touch files say so.
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AUDITED_CATEGORIES, DETERMINISTIC_CATEGORIES, type AuditedCategory } from '../../src/config/audit-schema.ts';
import { formatDuration } from '../../src/lib/duration.ts';
import type { Judgement, PageFacts, PageVerdict } from './assert.ts';
import type { Manifest, ProgressEvent } from './collect.ts';
import type { CachedPage } from './page-cache.ts';
import type { DeferredPage, Selection, SharedPage, UnchangedPage } from './select-pages.ts';

export const CATEGORY_LABELS: Record<AuditedCategory, string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'bp',
  seo: 'seo',
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatProgress(event: ProgressEvent): string {
  switch (event.kind) {
    case 'page-start':
      return `[${event.index}/${event.total}] ${event.page.path} (${event.page.template}, ${event.page.reason}) · Chrome ${event.worker} · ${formatDuration(event.elapsedMs)} elapsed · about ${formatDuration(event.remainingMs)} left`;
    case 'page-retry':
      return `      ${event.page.path} failed (${event.reason}); retrying once with a fresh Chrome`;
    case 'page-done': {
      if (event.failure) return `      ✗ could not audit ${event.page.path}: ${event.failure}; continuing`;
      const scores = DETERMINISTIC_CATEGORIES.map((id) => `${CATEGORY_LABELS[id]} ${formatScore(event.scores[id])}`).join(' · ');
      return `      ${event.page.path}: ${scores} (${event.seconds.toFixed(1)} s)`;
    }
    case 'timed-start':
      return `[timing ${event.index}/${event.total}] ${event.page.path} (${event.page.template}): ${event.runs} timed run(s), one at a time · ${formatDuration(event.elapsedMs)} elapsed · about ${formatDuration(event.remainingMs)} left`;
    case 'timed-run': {
      const facts = [`perf ${formatScore(event.performance)}`, ...(event.lcpMs !== undefined ? [`LCP ${seconds(event.lcpMs)}`] : []), ...(event.tbtMs !== undefined ? [`TBT ${Math.round(event.tbtMs)} ms`] : [])];
      const load = event.load.otherCores === null ? '' : ` · other processes ${event.load.otherCores.toFixed(1)} of ${event.load.cores} cores`;
      return `      timed run ${event.run} of ${event.of}: ${facts.join(' · ')}${load}`;
    }
    case 'timed-failed':
      return `      ✗ could not time ${event.page.path}: ${event.reason}; its other results stand`;
  }
}

function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '–' : String(score);
}

// ---- history ----

export type PageScores = Partial<Record<AuditedCategory, number | null>>;

export interface HistoryEntry {
  at: string;
  target: string;
  preset: string;
  passed: boolean;
  /** The run's folder, relative to the reports folder. */
  runDir: string;
  pages: Record<string, PageScores>;
  /** Each audited page's main metrics, for the report's charts. Absent from entries written before it was added. */
  facts?: Record<string, HistoryFacts>;
}

/** The metrics the history keeps per page: LCP and TBT are medians of the timed runs, so pages without them have none. */
export type HistoryFacts = Pick<PageFacts, 'lcpMs' | 'cls' | 'tbtMs' | 'bytes'>;

function historyFactsOf({ lcpMs, cls, tbtMs, bytes }: PageFacts): HistoryFacts {
  return { ...(lcpMs !== undefined ? { lcpMs } : {}), ...(cls !== undefined ? { cls } : {}), ...(tbtMs !== undefined ? { tbtMs } : {}), ...(bytes !== undefined ? { bytes } : {}) };
}

export function historyEntryOf(judgement: Judgement, manifest: Manifest, runDir: string): HistoryEntry {
  const audited = judgement.pages.filter((page) => !page.failed);
  return {
    at: manifest.finishedAt,
    target: manifest.target,
    preset: manifest.preset,
    passed: judgement.passed,
    runDir,
    pages: Object.fromEntries(audited.map((page) => [page.path, page.scores])),
    facts: Object.fromEntries(audited.map((page) => [page.path, historyFactsOf(page.facts)])),
  };
}

/** Each page's most recent earlier scores for the same site and preset. */
export function previousScores(history: readonly HistoryEntry[], target: string, preset: string): Map<string, { at: string; scores: PageScores }> {
  const previous = new Map<string, { at: string; scores: PageScores }>();
  for (const entry of history) {
    if (entry.target !== target || entry.preset !== preset) continue;
    for (const [path, scores] of Object.entries(entry.pages)) previous.set(path, { at: entry.at, scores });
  }
  return previous;
}

export function readHistory(file: string): HistoryEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as HistoryEntry];
      } catch {
        return []; // a line cut short by an interrupted run
      }
    });
}

export function appendHistory(file: string, entry: HistoryEntry): void {
  // A run killed mid-write leaves a line without its newline; start a fresh line after it.
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  appendFileSync(file, `${separator}${JSON.stringify(entry)}\n`);
}

// ---- the summary ----

function delta(now: number | null, before: number | null | undefined): string {
  if (now === null || before === null || before === undefined || now === before) return '';
  return now > before ? ` +${now - before}` : ` −${before - now}`;
}

function padTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()}`);
}

function factCells(page: PageVerdict): string[] {
  if (page.failed) return ['', '', '', '', ''];
  const { lcpMs, cls, tbtMs, bytes, requests } = page.facts;
  return [
    lcpMs === undefined ? '–' : `${(lcpMs / 1000).toFixed(1)} s`,
    cls === undefined ? '–' : cls.toFixed(3),
    tbtMs === undefined ? '–' : `${Math.round(tbtMs)} ms`,
    bytes === undefined ? '–' : `${Math.round(bytes / 1024)} KiB`,
    requests === undefined ? '–' : String(requests),
  ];
}

/** The table of scores per page and category, with the change since each page's previous audit. */
export function formatScoreTable(pages: readonly PageVerdict[], previous: ReadonlyMap<string, { scores: PageScores }>): string[] {
  const header = ['page', 'template', 'why', ...AUDITED_CATEGORIES.map((id) => CATEGORY_LABELS[id]), 'LCP', 'CLS', 'TBT', 'size', 'requests'];
  const rows = pages.map((page) => {
    const before = previous.get(page.path)?.scores;
    const scores = AUDITED_CATEGORIES.map((id) => (page.failed ? 'failed' : `${formatScore(page.scores[id])}${delta(page.scores[id], before?.[id])}`));
    return [page.path, page.template, page.reason, ...scores, ...factCells(page)];
  });
  return padTable([header, ...rows]);
}

/** Each finding with what was expected, what was found and where to read about the fix. */
export function formatFindings(pages: readonly PageVerdict[]): string[] {
  const lines: string[] = [];
  for (const level of ['error', 'warn'] as const) {
    for (const page of pages) {
      for (const finding of page.findings.filter((item) => item.level === level)) {
        lines.push(`  ${level === 'error' ? 'ERROR' : 'WARN '} ${page.path}  ${finding.title} [${finding.id}]: expected ${finding.expected}, found ${finding.found}`);
        if (finding.notFailedBecause) lines.push(`        not failed: ${finding.notFailedBecause}`);
        if (finding.docs) lines.push(`        ${finding.docs}`);
        for (const cause of finding.causes ?? []) {
          lines.push(`        · ${cause.title} [${cause.id}]: ${cause.found}`);
          if (cause.docs) lines.push(`          ${cause.docs}`);
        }
      }
    }
  }
  return lines;
}

function describeDeferred(deferred: readonly DeferredPage[], maxChangedPages: number): string[] {
  const overCap = deferred.filter((item) => item.why === 'max-changed-pages').length;
  const overMax = deferred.filter((item) => item.why === 'max-pages').length;
  const lines: string[] = [];
  if (overCap > 0) lines.push(`${overCap} more changed page(s) wait for the next run (audit.maxChangedPages is ${maxChangedPages}; --all audits everything).`);
  if (overMax > 0) lines.push(`${overMax} page(s) left out by --max-pages.`);
  return lines;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

/** "2 Dec 2026, 00:41 UTC". */
export function formatWhen(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** A few paths, then how many more. */
function listPaths(paths: readonly string[], limit = 6): string {
  return paths.length <= limit ? paths.join(', ') : `${paths.slice(0, limit).join(', ')} and ${paths.length - limit} more`;
}

/** Pages whose kept results stand, one line per template, each with the date of its oldest result. */
export function formatUnchanged(unchanged: readonly UnchangedPage[]): string[] {
  if (unchanged.length === 0) return [];
  const byTemplate = new Map<string, UnchangedPage[]>();
  for (const page of unchanged) byTemplate.set(page.template, [...(byTemplate.get(page.template) ?? []), page]);
  const lines = [`${unchanged.length} page(s) unchanged since their last audit; their results stand:`];
  for (const [template, pages] of byTemplate) {
    const oldest = pages.reduce((first, page) => (page.since < first ? page.since : first), pages[0]!.since);
    lines.push(`  ${template}: ${pages.length === 1 ? `${pages[0]!.path} unchanged since ${formatWhen(oldest)}` : `${pages.length} pages (${listPaths(pages.map((page) => page.path), 3)}), unchanged since ${formatWhen(oldest)} or later`}`);
  }
  return lines;
}

/** Pages that share a representative's result, grouped by it. */
export function formatShared(shared: readonly SharedPage[]): string[] {
  const byRepresentative = new Map<string, SharedPage[]>();
  for (const item of shared) byRepresentative.set(item.with, [...(byRepresentative.get(item.with) ?? []), item]);
  const why = { 'shared-files': 'only files they share with it changed', 'shared-sources': 'the sources of their template changed' } as const;
  return [...byRepresentative].map(
    ([representative, items]) =>
      `${items.length} other ${items[0]!.template} page(s) share the result of ${representative} (${why[items[0]!.because]}): ${listPaths(items.map((item) => item.path))}.`,
  );
}

export interface UnchangedRunInput {
  target: string;
  selection: Pick<Selection, 'unchanged' | 'deferred' | 'otherShards' | 'missingAlways'>;
  cache: Readonly<Record<string, CachedPage>>;
  maxChangedPages: number;
}

/** What a run with nothing to audit says. */
export function formatUnchangedRun(input: UnchangedRunInput): string {
  const { selection } = input;
  const lines = [
    selection.deferred.length > 0
      ? `Lighthouse: nothing audited in ${input.target} this run.`
      : `Lighthouse: nothing to audit in ${input.target}: no page's HTML, loaded files or headers changed since its last audit.`,
  ];
  lines.push(...formatUnchanged(selection.unchanged).map((line) => `  ${line}`));
  if (selection.otherShards > 0) lines.push(`  ${selection.otherShards} page(s) are audited by the other shards.`);
  for (const path of selection.missingAlways) lines.push(`  audit.alwaysAudit lists ${path}, which this build does not have.`);
  lines.push(...describeDeferred(selection.deferred, input.maxChangedPages).map((line) => `  ${line}`));
  const warnings = selection.unchanged.reduce((count, page) => count + (input.cache[page.path]?.verdict.findings.filter((finding) => finding.level === 'warn').length ?? 0), 0);
  const kept = `kept results${warnings > 0 ? `, ${warnings} warning(s) among them` : ''}`;
  lines.push(
    selection.deferred.length > 0
      ? `✓ Every page audited before meets its budgets (${kept}); ${selection.deferred.length} page(s) wait for a later run.`
      : `✓ Every page meets its budgets (${kept}). npm run audit -- --all audits every page again.`,
  );
  return lines.join('\n');
}

export interface SummaryInput {
  judgement: Judgement;
  manifest: Manifest;
  selection: Pick<Selection, 'deferred' | 'unchanged' | 'shared' | 'missingAlways' | 'otherShards'>;
  /** Paths of the pages that had timed runs. */
  timedPages: readonly string[];
  previous: ReadonlyMap<string, { at: string; scores: PageScores }>;
  maxChangedPages: number;
  /** Where the HTML index of this run is, as the user should open it. */
  reportIndex: string;
}

/** Rows of the printed table at most; the HTML index lists every page. */
export const MAX_TABLE_ROWS = 40;

/** The pages the printed table shows: all of them on a small run; else those with findings first, then the rest up to the limit. */
export function tableRows(pages: readonly PageVerdict[], limit = MAX_TABLE_ROWS): PageVerdict[] {
  if (pages.length <= limit) return [...pages];
  const flagged = pages.filter((page) => page.findings.length > 0);
  const rest = pages.filter((page) => page.findings.length === 0);
  return [...flagged, ...rest.slice(0, Math.max(0, limit - flagged.length))];
}

/** The machine's load during the timed runs, and what it meant for the verdict. */
function formatLoad(pages: readonly PageVerdict[]): string[] {
  const timed = pages.filter((page) => page.timing?.load);
  if (timed.length === 0) return [];
  const busy = timed.filter((page) => page.timing!.load!.throttled);
  const shown = [...busy, ...timed.filter((page) => !page.timing!.load!.throttled)].slice(0, 8);
  const lines = shown.map((page) => `  ${page.path}: ${page.timing!.load!.summary}${page.timing!.load!.throttled ? ' (busy)' : ''}`);
  if (timed.length > shown.length) lines.push(`  … and ${timed.length - shown.length} more timed page(s)`);
  if (busy.length === 0) return ['Machine load during the timed runs (quiet enough to trust the timings):', ...lines];
  const letOff = busy.filter((page) => page.findings.some((finding) => finding.notFailedBecause !== undefined));
  const reason = busy[0]!.timing!.load!.reason;
  return [
    `⚠ The machine was busy during the timed runs of ${busy.length} of ${timed.length} page(s): their timings read slower than the pages are.`,
    ...lines,
    ...(reason ? [`  ${reason}`] : []),
    letOff.length > 0
      ? `  Timing errors on ${letOff.length} page(s) are reported as warnings instead; those pages are audited and timed again on the next run.`
      : '  No timing error was let off; to measure timing again on a quiet machine, run npm run audit -- --all.',
  ];
}

/** The summary printed at the end of a run. */
export function formatSummary(input: SummaryInput): string {
  const { judgement, manifest, selection } = input;
  const lines: string[] = [];
  const runsNote =
    input.timedPages.length === 0
      ? 'no page timed'
      : `perf, LCP and TBT: ${manifest.performanceRuns > 1 ? `median of ${manifest.performanceRuns} timed runs` : '1 timed run'}, – where a page was not timed`;
  lines.push(`Lighthouse ${manifest.lighthouseVersion} audit of ${manifest.target} · ${manifest.preset} · ${judgement.pages.length} page(s) · ${runsNote}`);
  const shown = tableRows(judgement.pages);
  lines.push(...formatScoreTable(shown, input.previous));
  if (shown.length < judgement.pages.length) lines.push(`  … ${judgement.pages.length - shown.length} more page(s) without findings: every page is in ${input.reportIndex}`);

  const notes: string[] = [];
  if (input.timedPages.length > 0) {
    notes.push(`Timed (performance score, LCP, TBT): ${listPaths(input.timedPages)}; pages of one template share their layout, CSS and scripts (audit.timedPages).`);
  }
  notes.push(...formatShared(selection.shared));
  notes.push(...formatUnchanged(selection.unchanged));
  notes.push(...describeDeferred(selection.deferred, input.maxChangedPages));
  if (selection.otherShards > 0) notes.push(`${selection.otherShards} page(s) are audited by the other shards.`);
  for (const path of selection.missingAlways) notes.push(`audit.alwaysAudit lists ${path}, which this build does not have.`);
  const skipped = judgement.pages.filter((page) => page.skippedAudits.length > 0).map((page) => page.path);
  if (skipped.length > 0) notes.push(`Not in the sitemap, so not checked for indexability (is-crawlable): ${listPaths(skipped)}.`);
  notes.push(...formatLoad(judgement.pages));
  lines.push(...notes.map((note) => `  ${note}`));

  const { deterministicRuns, timedRuns, chromeStarts, deterministicSeconds, lockWaitSeconds, timedSeconds, totalSeconds } = manifest.timing;
  if (deterministicRuns.length > 0) {
    const perMinute = deterministicSeconds > 0 ? (judgement.pages.length / deterministicSeconds) * 60 : 0;
    const waited = lockWaitSeconds >= 1 ? `, after waiting ${formatDuration(lockWaitSeconds * 1000)} for another audit's timed runs` : '';
    const timed = timedRuns.length > 0 ? `; timed pass: ${timedRuns.length} run(s) one at a time in ${formatDuration(timedSeconds * 1000)}${waited}` : '';
    lines.push(
      `  Timing: deterministic pass: ${judgement.pages.length} page(s) on ${manifest.workers} Chrome(s) in ${formatDuration(deterministicSeconds * 1000)} ` +
        `(${perMinute.toFixed(0)} pages/min)${timed}; Chrome started ${chromeStarts.length} time(s); ${formatDuration(totalSeconds * 1000)} in all.`,
    );
  }
  lines.push(`  Reports: ${input.reportIndex}`);
  lines.push('');
  if (judgement.errors === 0 && judgement.warnings === 0) {
    lines.push(`✓ Every audited page meets its budgets.`);
  } else {
    const verdict = judgement.passed ? '✓ Budgets met' : '✗ Below budget';
    lines.push(`${verdict}: ${judgement.errors} error(s), ${judgement.warnings} warning(s)`);
    lines.push(...formatFindings(judgement.pages));
  }
  return lines.join('\n');
}

// ---- HTML ----

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1c1e21;background:#fff}table{border-collapse:collapse}th,td{border:1px solid #ccd;padding:.3rem .6rem;text-align:left}td.num{text-align:right}.error{color:#a1140f}.warn{color:#7a4a00}.ok{color:#1d6b1d}a{color:#0b5cad}li{margin:.25rem 0}`;

function htmlPage(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n${body}\n</body></html>\n`;
}

function timingNote(manifest: Manifest): string {
  const timed = manifest.pages.filter((entry) => entry.timedRuns !== undefined).length;
  return timed === 0 ? 'no page timed' : `timing on ${timed} page(s), the median of ${manifest.performanceRuns} timed run(s) each`;
}

/** The index of one run: scores, findings, links to each page's Lighthouse report, and the pages not audited again. */
export function renderRunIndex(judgement: Judgement, manifest: Manifest, kept: { shared: readonly SharedPage[]; unchanged: readonly UnchangedPage[] } = { shared: [], unchanged: [] }): string {
  const rows = judgement.pages
    .map((page) => {
      const scores = AUDITED_CATEGORIES.map((id) => `<td class="num">${page.failed ? 'failed' : formatScore(page.scores[id])}</td>`).join('');
      const report = page.report ? `<a href="${escapeHtml(page.report)}">report</a> · <a href="${escapeHtml(page.report.replace(/\.html$/, '.json'))}">JSON</a>` : '–';
      // A local build was served on a port that is gone by now: only a deployed site's pages are linked.
      const name = /^https?:\/\//.test(manifest.target) ? `<a href="${escapeHtml(page.url)}">${escapeHtml(page.path)}</a>` : escapeHtml(page.path);
      return `<tr><td>${name}</td><td>${escapeHtml(page.template)}</td><td>${escapeHtml(page.reason)}</td>${scores}<td>${report}</td></tr>`;
    })
    .join('\n');
  const findings = judgement.pages
    .flatMap((page) =>
      page.findings.map((finding) => {
        const docs = finding.docs ? ` <a href="${escapeHtml(finding.docs)}">docs</a>` : '';
        const causes = (finding.causes ?? [])
          .map((cause) => `<li>${escapeHtml(cause.title)} <code>${escapeHtml(cause.id)}</code>: ${escapeHtml(cause.found)}${cause.docs ? ` <a href="${escapeHtml(cause.docs)}">docs</a>` : ''}</li>`)
          .join('');
        const forgiven = finding.notFailedBecause ? ` (not failed: ${escapeHtml(finding.notFailedBecause)})` : '';
        return `<li class="${finding.level}"><strong>${finding.level.toUpperCase()}</strong> ${escapeHtml(page.path)}: ${escapeHtml(finding.title)} <code>${escapeHtml(finding.id)}</code>, expected ${escapeHtml(finding.expected)}, found ${escapeHtml(finding.found)}${forgiven}${docs}${causes ? `<ul>${causes}</ul>` : ''}</li>`;
      }),
    )
    .join('\n');
  const verdict = judgement.passed
    ? `<p class="ok">Budgets met (${judgement.warnings} warning(s)).</p>`
    : `<p class="error">Below budget: ${judgement.errors} error(s), ${judgement.warnings} warning(s).</p>`;
  const header = AUDITED_CATEGORIES.map((id) => `<th>${CATEGORY_LABELS[id]}</th>`).join('');
  return htmlPage(
    `Lighthouse audit ${manifest.finishedAt}`,
    `<h1>Lighthouse audit of ${escapeHtml(manifest.target)}</h1>
<p>${escapeHtml(manifest.finishedAt)} · ${escapeHtml(manifest.preset)} · Lighthouse ${escapeHtml(manifest.lighthouseVersion)} · ${escapeHtml(manifest.chrome)} · ${timingNote(manifest)}. <a href="../../index.html">All runs</a></p>
${verdict}
<table><thead><tr><th>page</th><th>template</th><th>why</th>${header}<th>Lighthouse report</th></tr></thead><tbody>
${rows}
</tbody></table>
${findings ? `<h2>Findings</h2><ul>\n${findings}\n</ul>` : ''}
${renderKept(kept)}`,
  );
}

function renderKept(kept: { shared: readonly SharedPage[]; unchanged: readonly UnchangedPage[] }): string {
  const shared = kept.shared.map((item) => `<tr><td>${escapeHtml(item.path)}</td><td>${escapeHtml(item.template)}</td><td>shares the result of ${escapeHtml(item.with)}</td></tr>`);
  const unchanged = kept.unchanged.map((page) => `<tr><td>${escapeHtml(page.path)}</td><td>${escapeHtml(page.template)}</td><td>unchanged since ${escapeHtml(formatWhen(page.since))}</td></tr>`);
  if (shared.length + unchanged.length === 0) return '';
  return `<h2>Not audited again</h2>\n<table><thead><tr><th>page</th><th>template</th><th>result</th></tr></thead><tbody>\n${[...shared, ...unchanged].join('\n')}\n</tbody></table>`;
}

/** The reports folder's front page: every kept run, newest first. */
export function renderReportsIndex(history: readonly HistoryEntry[], keptRunDirs: ReadonlySet<string>): string {
  const items = [...history]
    .reverse()
    .filter((entry) => keptRunDirs.has(entry.runDir))
    .map(
      (entry) =>
        `<li class="${entry.passed ? 'ok' : 'error'}"><a href="${escapeHtml(entry.runDir)}/index.html">${escapeHtml(entry.at)}</a> · ${escapeHtml(entry.target)} · ${escapeHtml(entry.preset)} · ${Object.keys(entry.pages).length} page(s) · ${entry.passed ? 'budgets met' : 'below budget'}</li>`,
    )
    .join('\n');
  return htmlPage('Lighthouse audits', `<h1>Lighthouse audits</h1>\n<ul>\n${items}\n</ul>`);
}

/** Keeps the newest `keep` run folders and deletes the rest; returns the kept ones (relative to the reports folder). */
export function pruneRuns(reportsDir: string, keep: number): Set<string> {
  const runsDir = join(reportsDir, 'runs');
  const runs = existsSync(runsDir) ? readdirSync(runsDir).sort() : [];
  for (const old of runs.slice(0, Math.max(0, runs.length - keep))) rmSync(join(runsDir, old), { recursive: true, force: true });
  return new Set(runs.slice(-keep).map((run) => `runs/${run}`));
}
