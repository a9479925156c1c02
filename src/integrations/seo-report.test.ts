import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { page, POLICY, site, type SiteFiles } from '../../tests/helpers/lint-site.ts';
import { siteConfig } from '../site.config.ts';
import { loadSite } from '../seo/lint/load-dist.ts';
import { seoFactsPath } from './seo-facts-store.ts';
import { historyPath, refreshSeoReport, reportLine, writeSeoReport, type SeoReportOptions } from './seo-report.ts';

const config = { ...siteConfig, url: POLICY.site, trailingSlash: POLICY.trailingSlash, buildFormat: POLICY.format };
const encoder = new TextEncoder();
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A built site on disk (dist/), its report folder and its cache folder. */
function project(files: SiteFiles) {
  const root = mkdtempSync(join(tmpdir(), 'seo-report-'));
  folders.push(root);
  const distDir = join(root, 'dist');
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(distDir, file)), { recursive: true });
    writeFileSync(join(distDir, file), contents);
  }
  const loaded = loadSite({ files: Object.keys(files), read: (file) => (typeof files[file] === 'string' ? encoder.encode(files[file]) : (files[file] as Uint8Array)) }, POLICY);
  const options = (overrides: Partial<SeoReportOptions> = {}): SeoReportOptions => ({
    reportDir: join(root, 'reports'),
    distDir,
    historyTarget: 'dist',
    cacheDir: join(root, 'cache'),
    loaded,
    findings: [],
    config,
    keepFacts: true,
    now: new Date('2026-06-01T10:00:00Z'),
    ...overrides,
  });
  return { root, options };
}

describe('writeSeoReport', () => {
  const files = site({ '/posts/a/': page({ route: '/posts/a/' }) });

  it('writes the index, a page per URL, the stylesheet, the script and a copy of the og:image', () => {
    const { root, options } = project(files);
    const written = writeSeoReport(options());
    expect(written).toMatchObject({ indexPath: join(root, 'reports/index.html'), pages: 2, risks: 0, hadPrevious: false });
    for (const file of ['index.html', 'pages/home.html', 'pages/posts_a.html', 'report.css', 'report.js']) expect(existsSync(join(root, 'reports', file)), file).toBe(true);
    expect(readFileSync(join(root, 'reports/images/og/card.png'))).toEqual(readFileSync(join(root, 'dist/og/card.png')));
  });

  it('keeps this build’s facts for the next build only when asked (the lint passed), after writing the report', () => {
    const { root, options } = project(files);
    writeSeoReport(options({ keepFacts: false }));
    expect(existsSync(seoFactsPath(join(root, 'cache')))).toBe(false);
    expect(writeSeoReport(options()).hadPrevious).toBe(false);
    expect(writeSeoReport(options()).hadPrevious).toBe(true);
  });

  it('removes the report pages and image copies of pages the site no longer has, and copies an image that changed', () => {
    const { root, options } = project(files);
    mkdirSync(join(root, 'reports/pages'), { recursive: true });
    writeFileSync(join(root, 'reports/pages/posts_gone.html'), 'old');
    mkdirSync(join(root, 'reports/images/og'), { recursive: true });
    writeFileSync(join(root, 'reports/images/og/gone.png'), 'old');
    writeFileSync(join(root, 'reports/images/og/card.png'), 'an older card');
    writeSeoReport(options());
    expect(existsSync(join(root, 'reports/pages/posts_gone.html'))).toBe(false);
    expect(existsSync(join(root, 'reports/images/og/gone.png'))).toBe(false);
    expect(readFileSync(join(root, 'reports/images/og/card.png'))).toEqual(readFileSync(join(root, 'dist/og/card.png')));
  });

  it('leaves the lint’s JSON report and the Lighthouse reports beside it alone', () => {
    const { root, options } = project(files);
    mkdirSync(join(root, 'reports/lighthouse'), { recursive: true });
    writeFileSync(join(root, 'reports/seo-lint.json'), '{}');
    writeFileSync(join(root, 'reports/lighthouse/history.jsonl'), '');
    writeSeoReport(options());
    expect([existsSync(join(root, 'reports/seo-lint.json')), existsSync(join(root, 'reports/lighthouse/history.jsonl'))]).toEqual([true, true]);
  });
});

describe('refreshSeoReport: the audit redraws the report with the run it has just added to the history', () => {
  const files = site({ '/posts/a/': page({ route: '/posts/a/' }) });
  /** One history line as the audit appends it (scripts/lighthouse/report.ts historyEntryOf). */
  const auditRun = (passed: boolean) =>
    `${JSON.stringify({ at: '2026-06-01T11:00:00.000Z', target: 'dist', preset: config.audit.preset, passed, runDir: 'runs/1', pages: { '/posts/a/': { performance: 71, seo: 100 } }, facts: { '/posts/a/': { lcpMs: 3100, bytes: 90000 } } })}\n`;

  it('draws the new run into the summary, the site charts and the audited page, and keeps the build’s diff, time and image copies', () => {
    const { root, options } = project(files);
    const built = writeSeoReport(options());
    const index = () => readFileSync(join(root, 'reports/index.html'), 'utf8');
    const pageA = () => readFileSync(join(root, 'reports/pages/posts_a.html'), 'utf8');
    expect(index()).toContain('No Lighthouse history yet');
    expect(pageA()).toContain('This page has not been audited yet');

    mkdirSync(join(root, 'reports/lighthouse'), { recursive: true });
    writeFileSync(historyPath(join(root, 'reports')), auditRun(false));
    const refreshed = refreshSeoReport(join(root, 'reports'));

    expect(refreshed).toMatchObject({ indexPath: built.indexPath, pages: built.pages, risks: built.risks, hadPrevious: false });
    expect(index()).not.toContain('No Lighthouse history yet');
    expect(index()).toContain('some budgets missed');
    expect(index()).toContain('/posts/a/: 3,100 ms');
    expect(index()).toContain('built 2026-06-01 10:00 UTC');
    expect(pageA()).not.toContain('This page has not been audited yet');
    expect(pageA()).toContain('<svg');
    expect(readFileSync(join(root, 'reports/images/og/card.png'))).toEqual(readFileSync(join(root, 'dist/og/card.png')));
  });

  it('does nothing where no build has written a report', () => {
    const { root } = project(files);
    expect(refreshSeoReport(join(root, 'reports'))).toBeUndefined();
    expect(existsSync(join(root, 'reports/index.html'))).toBe(false);
  });
});

describe('reportLine', () => {
  const written = { indexPath: join(process.cwd(), 'reports/index.html'), pages: 21, changes: 3, durationMs: 41.6 };
  it.each([
    { hadPrevious: false, risks: 0, line: 'SEO report: reports/index.html (21 pages, no previous build to compare with; 42 ms)' },
    { hadPrevious: true, risks: 0, line: 'SEO report: reports/index.html (21 pages, 0 risky changes since the last build; 42 ms)' },
    { hadPrevious: true, risks: 1, line: 'SEO report: reports/index.html (21 pages, 1 risky change since the last build; 42 ms)' },
    { hadPrevious: true, risks: 2, line: 'SEO report: reports/index.html (21 pages, 2 risky changes since the last build; 42 ms)' },
  ])('$line', ({ hadPrevious, risks, line }) => {
    expect(reportLine({ ...written, hadPrevious, risks })).toBe(line);
  });
});
