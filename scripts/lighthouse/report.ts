// Report: turns verdicts into what a person reads — progress lines, the summary table, failures
// with their fix, the HTML index of the reports — and keeps the history that gives each run its
// change since the last. The formatting functions are pure; the few that touch files say so.
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AUDITED_CATEGORIES, type AuditedCategory } from '../../src/config/audit-schema.ts';
import type { Judgement, PageVerdict } from './assert.ts';
import type { Manifest, ProgressEvent } from './collect.ts';
import type { DeferredPage, Selection } from './select-pages.ts';

export const CATEGORY_LABELS: Record<AuditedCategory, string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'bp',
  seo: 'seo',
};

/** "42 s" under a minute, "3:05" above. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function formatProgress(event: ProgressEvent): string {
  switch (event.kind) {
    case 'page-start':
      return `[${event.index}/${event.total}] ${event.page.path} (${event.page.template}, ${event.page.reason}) · ${formatDuration(event.elapsedMs)} elapsed · about ${formatDuration(event.remainingMs)} left`;
    case 'page-retry':
      return `      ${event.page.path} failed (${event.reason}); retrying once with a fresh Chrome`;
    case 'page-done': {
      if (event.failure) return `      ✗ could not audit ${event.page.path}: ${event.failure}; continuing`;
      const scores = AUDITED_CATEGORIES.map((id) => `${CATEGORY_LABELS[id]} ${formatScore(event.scores[id])}`).join(' · ');
      return `      ${scores} (${event.seconds.toFixed(1)} s)`;
    }
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
}

export function historyEntryOf(judgement: Judgement, manifest: Manifest, runDir: string): HistoryEntry {
  return {
    at: manifest.finishedAt,
    target: manifest.target,
    preset: manifest.preset,
    passed: judgement.passed,
    runDir,
    pages: Object.fromEntries(judgement.pages.filter((page) => !page.failed).map((page) => [page.path, page.scores])),
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
  if (overCap > 0) lines.push(`${overCap} more changed post(s) wait for the next run (audit.maxChangedPages is ${maxChangedPages}; --all audits everything).`);
  if (overMax > 0) lines.push(`${overMax} page(s) left out by --max-pages.`);
  return lines;
}

export interface SummaryInput {
  judgement: Judgement;
  manifest: Manifest;
  selection: Pick<Selection, 'deferred' | 'unchanged' | 'missingAlways' | 'otherShards'>;
  previous: ReadonlyMap<string, { at: string; scores: PageScores }>;
  maxChangedPages: number;
  /** Where the HTML index of this run is, as the user should open it. */
  reportIndex: string;
}

/** The summary printed at the end of a run. */
export function formatSummary(input: SummaryInput): string {
  const { judgement, manifest, selection } = input;
  const lines: string[] = [];
  const runsNote = manifest.performanceRuns > 1 ? `performance: median of ${manifest.performanceRuns} runs` : 'performance: 1 run';
  lines.push(`Lighthouse ${manifest.lighthouseVersion} audit of ${manifest.target} · ${manifest.preset} · ${judgement.pages.length} page(s) · ${runsNote}`);
  lines.push(...formatScoreTable(judgement.pages, input.previous));

  const notes: string[] = [];
  if (selection.unchanged > 0) notes.push(`${selection.unchanged} unchanged post(s) skipped: they met their budgets at their last audit.`);
  notes.push(...describeDeferred(selection.deferred, input.maxChangedPages));
  if (selection.otherShards > 0) notes.push(`${selection.otherShards} page(s) are audited by the other shards.`);
  for (const path of selection.missingAlways) notes.push(`audit.alwaysAudit lists ${path}, which this build does not have.`);
  const skipped = judgement.pages.filter((page) => page.skippedAudits.length > 0).map((page) => page.path);
  if (skipped.length > 0) notes.push(`Not in the sitemap, so not checked for indexability (is-crawlable): ${skipped.join(', ')}.`);
  lines.push(...notes.map((note) => `  ${note}`));

  const { runs, chromeStarts, totalSeconds } = manifest.timing;
  if (runs.length > 0) {
    const average = runs.reduce((sum, value) => sum + value, 0) / runs.length;
    const chrome = chromeStarts.length > 0 ? `; Chrome started ${chromeStarts.length} time(s), ${(chromeStarts.reduce((a, b) => a + b, 0) / chromeStarts.length).toFixed(1)} s each` : '';
    lines.push(`  Timing: ${runs.length} Lighthouse run(s), ${average.toFixed(1)} s each on average (${Math.min(...runs).toFixed(1)}–${Math.max(...runs).toFixed(1)} s)${chrome}; ${formatDuration(totalSeconds * 1000)} in all.`);
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

/** The index of one run: scores, findings and links to each page's Lighthouse report. */
export function renderRunIndex(judgement: Judgement, manifest: Manifest): string {
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
        return `<li class="${finding.level}"><strong>${finding.level.toUpperCase()}</strong> ${escapeHtml(page.path)}: ${escapeHtml(finding.title)} <code>${escapeHtml(finding.id)}</code>, expected ${escapeHtml(finding.expected)}, found ${escapeHtml(finding.found)}${docs}${causes ? `<ul>${causes}</ul>` : ''}</li>`;
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
<p>${escapeHtml(manifest.finishedAt)} · ${escapeHtml(manifest.preset)} · Lighthouse ${escapeHtml(manifest.lighthouseVersion)} · ${escapeHtml(manifest.chrome)} · performance judged on the median of ${manifest.performanceRuns} run(s). <a href="../../index.html">All runs</a></p>
${verdict}
<table><thead><tr><th>page</th><th>template</th><th>why</th>${header}<th>Lighthouse report</th></tr></thead><tbody>
${rows}
</tbody></table>
${findings ? `<h2>Findings</h2><ul>\n${findings}\n</ul>` : ''}`,
  );
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
