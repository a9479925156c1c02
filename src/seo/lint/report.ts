// Turns findings into what people read: a report grouped by page, a one-line summary, and JSON.
import { LINT_RULE_IDS } from './rule-ids.ts';
import type { Finding } from './types.ts';
import { shortUrl } from './rules/helpers.ts';

export interface LintReport {
  /** The site URL the pages were checked against. */
  site: string;
  /** HTML pages checked. */
  pages: number;
  /** Other files checked: sitemaps, robots.txt, feeds, llms.txt. */
  files: string[];
  errors: number;
  warnings: number;
  durationMs: number;
  findings: Finding[];
  /** Things the lint could not read (a post with broken frontmatter), which limit what it can say. */
  notes: string[];
}

const ruleOrder = (finding: Finding) => LINT_RULE_IDS.indexOf(finding.rule);

function byPage(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.page);
    if (group) group.push(finding);
    else groups.set(finding.page, [finding]);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => Number(a.level === 'warn') - Number(b.level === 'warn') || ruleOrder(a) - ruleOrder(b));
  }
  // Pages with errors first, then by address; files such as robots.txt after the pages.
  const hasErrors = (group: readonly Finding[]) => Number(group[0]?.level === 'error'); // errors sort first
  const isFile = (page: string) => Number(!/^https?:/.test(page));
  return new Map(
    [...groups].sort(([pageA, a], [pageB, b]) => hasErrors(b) - hasErrors(a) || isFile(pageA) - isFile(pageB) || pageA.localeCompare(pageB)),
  );
}

/** The source line, when known: " (line 12)" if the fix already names the file, else " (file:12)". */
function where(finding: Finding): string {
  const match = /^(.*):(\d+)$/.exec(finding.source ?? '');
  if (!match) return '';
  return finding.fix.includes(match[1]!) ? ` (line ${match[2]})` : ` (${finding.source})`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line: what was checked, how long it took, what was found ("SEO lint: 21 pages, … checked in 84 ms: …"). */
export function summaryLine(report: LintReport): string {
  const checked = [plural(report.pages, 'page'), ...report.files];
  const list = checked.length > 1 ? `${checked.slice(0, -1).join(', ')} and ${checked.at(-1)}` : checked[0];
  const prefix = `SEO lint: ${list} checked in ${Math.round(report.durationMs)} ms`;
  if (report.errors === 0 && report.warnings === 0) return `${prefix}: no problems.`;
  const places = new Set(report.findings.map((finding) => finding.page));
  const pages = [...places].filter((place) => /^https?:/.test(place)).length;
  const where = [pages > 0 ? plural(pages, 'page') : '', places.size > pages ? plural(places.size - pages, 'file') : ''].filter(Boolean).join(' and ');
  const found = [report.errors > 0 ? plural(report.errors, 'error') : '', report.warnings > 0 ? plural(report.warnings, 'warning') : ''].filter(Boolean).join(' and ');
  return `${prefix}: ${found} on ${where}.`;
}

/** Each page (and its source file) with its findings, errors first, each with its fix; then the notes. */
export function formatFindings(report: LintReport): string {
  const lines: string[] = [];
  const ruleWidth = Math.max(0, ...report.findings.map((finding) => finding.rule.length));
  for (const [page, findings] of byPage(report.findings)) {
    const sources = [...new Set(findings.map((finding) => finding.source?.replace(/:\d+$/, '')).filter(Boolean))];
    lines.push(`${/^https?:/.test(page) ? shortUrl(page) : page}${sources.length > 0 ? `  (${sources.join(', ')})` : ''}`);
    for (const finding of findings) {
      const level = finding.level === 'error' ? 'error' : 'warn ';
      const indent = ' '.repeat(2 + level.length + 2 + ruleWidth + 2);
      lines.push(`  ${level}  ${finding.rule.padEnd(ruleWidth)}  ${finding.message}`);
      lines.push(`${indent}fix: ${finding.fix}${where(finding)}`);
    }
    lines.push('');
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

/** The readable report: the findings, then the one-line summary. */
export function formatReport(report: LintReport): string {
  const findings = formatFindings(report);
  return findings === '' ? summaryLine(report) : `${findings}\n${summaryLine(report)}`;
}

export function reportJson(report: LintReport): string {
  // A finding without a known source file says so with null rather than dropping the key.
  return `${JSON.stringify(report, (_, value: unknown) => (value === undefined ? null : value), 2)}\n`;
}
