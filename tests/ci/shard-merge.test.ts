// The sharded audit as the CI workflow runs it: three shards of one build in separate processes, side by
// side (as a job matrix would), then `--merge` of their folders, against one `--all` run of the same
// build. Timing is off (`--timed none`): the timed pass measures the clock, which no two runs share, so
// what must be equal is what is deterministic: the pages, the accessibility, best-practices and SEO
// scores, the findings, the verdict and the history entry.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Judgement } from '../../scripts/lighthouse/assert.ts';
import type { HistoryEntry } from '../../scripts/lighthouse/report.ts';
import { audit, judgementOf, removeTemporaryFolders, temporaryFolder } from '../helpers/audit-process.ts';
import { AUDIT_SITE_URL, writeAuditSite, type AuditSite } from '../helpers/audit-site.ts';

const AUDIT_TIMEOUT_MS = 300_000;
/** The four pages left of the audit site: three templates and a page outside the sitemap. */
const KEPT = ['/', '/about/', '/posts/alpha/'];

/** What a run decided, page by page, without what differs between any two runs (times, ports, folders). */
const deterministic = (judgement: Judgement) => ({
  errors: judgement.errors,
  warnings: judgement.warnings,
  passed: judgement.passed,
  pages: judgement.pages.map((page) => ({
    path: page.path,
    template: page.template,
    reason: page.reason,
    scores: page.scores,
    findings: page.findings.map((finding) => `${finding.level} ${finding.id}`),
    failed: page.failed,
  })),
});

const lastHistoryEntry = (reportsDir: string) => JSON.parse(readFileSync(join(reportsDir, 'history.jsonl'), 'utf8').trim().split('\n').at(-1)!) as HistoryEntry;

afterAll(removeTemporaryFolders);

describe('three shards merged, against one run over every page', () => {
  let site: AuditSite;
  let state: string;
  const shardDir = (index: number) => join(state, `shard-${index}`);
  let merged: { exitCode: number | null; output: string };
  let single: { exitCode: number | null; output: string };

  beforeAll(async () => {
    site = writeAuditSite();
    state = temporaryFolder('shard-merge-');
    // The smallest site that gives every shard a page: four pages, one of them outside the sitemap.
    for (const post of ['beta', 'gamma']) rmSync(join(site.dist, 'posts', post), { recursive: true });
    writeFileSync(
      join(site.dist, 'sitemap-index.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${KEPT.map((path) => `<url><loc>${new URL(path, AUDIT_SITE_URL).href}</loc></url>`).join('')}</urlset>\n`,
    );
    const common = ['--dist', site.dist, '--all', '--timed', 'none'];
    // Each shard on a machine of its own: its own reports folder and cache, one Chrome each.
    const shards = await Promise.all(
      [1, 2, 3].map((index) => audit([...common, '--shard', `${index}/3`, '--workers', '1', '--reports-dir', shardDir(index), '--cache-dir', join(state, `cache-${index}`)])),
    );
    for (const shard of shards) expect(shard.exitCode, shard.output).toBe(0);
    merged = await audit(['--merge', shardDir(1), shardDir(2), shardDir(3), '--reports-dir', join(state, 'merged/lighthouse'), '--cache-dir', join(state, 'merged-cache')], {
      GITHUB_STEP_SUMMARY: join(state, 'step-summary.md'),
    });
    single = await audit([...common, '--reports-dir', join(state, 'single/lighthouse'), '--cache-dir', join(state, 'single-cache')]);
  }, AUDIT_TIMEOUT_MS);
  afterAll(() => site?.cleanup());

  it('gives the same pages, in the same order, with the same scores, findings and verdict', () => {
    expect(single.exitCode, single.output).toBe(0);
    expect(merged.exitCode, merged.output).toBe(0);
    const one = deterministic(judgementOf(single.output));
    expect(one.pages.map((page) => page.path).sort()).toEqual(['/', '/404.html', ...KEPT.slice(1)].sort());
    expect(deterministic(judgementOf(merged.output))).toEqual(one);
  });

  it('says which shard audited what, and keeps one history entry with the same scores', () => {
    expect(merged.output).toMatch(/Merged 3 shard result\(s\) of \S+:\n {2}shard 1\/3 \(\S+shard-1\): 2 page\(s\) audited, 0 unchanged in \d+ s · budgets met\n {2}shard 2\/3 .*: 1 page\(s\) audited/);
    expect(merged.output).toContain('✓ Every audited page meets its budgets.');
    const mergedHistory = readFileSync(join(state, 'merged/lighthouse/history.jsonl'), 'utf8').trim().split('\n');
    expect(mergedHistory).toHaveLength(1);
    expect(lastHistoryEntry(join(state, 'merged/lighthouse'))).toMatchObject({ passed: true, pages: lastHistoryEntry(join(state, 'single/lighthouse')).pages });
  });

  it('writes the verdict and the summary to the GitHub Actions job summary', () => {
    const summary = readFileSync(join(state, 'step-summary.md'), 'utf8');
    expect(summary).toMatch(/^## ✅ Lighthouse: budgets met\n\n4 page\(s\) audited in 3 shard\(s\) · 0 error\(s\), \d+ warning\(s\)\n\n```text\nMerged 3 shard result\(s\)/);
    expect(summary).toContain('✓ Every audited page meets its budgets.');
  });

  it('links every page of the merged report to its Lighthouse report, copied from its shard', () => {
    const runIndex = /Reports: (\S+index\.html)/.exec(merged.output)![1]!;
    const html = readFileSync(runIndex, 'utf8');
    for (const page of judgementOf(merged.output).pages) {
      expect(page.report, page.path).toMatch(/^shard-[123]\/pages\/.+\.html$/);
      expect(html).toContain(`<a href="${page.report}">report</a>`);
      expect(readFileSync(join(runIndex, '..', page.report!), 'utf8')).toContain('Lighthouse Report');
    }
  });

  it('leaves a cache from which the next shards audit nothing, as after one run', async () => {
    const next = await audit(['--dist', site.dist, '--shard', '2/3', '--reports-dir', join(state, 'next-2'), '--cache-dir', join(state, 'merged-cache')]);
    expect(next.exitCode, next.output).toBe(0);
    expect(next.output).toContain('Lighthouse: nothing to audit');
    expect(next.output).toMatch(/Shard result: \S+shard-2-of-3\.json/);
  });

  it('on the next run, audits only the page that changed, in the one shard it falls to, and fails the merge on its budget', async () => {
    await site.addHeavyImage('/posts/alpha/');
    // As the workflow does: every shard starts from a copy of the one merged cache.
    const shards = await Promise.all(
      [1, 2, 3].map((index) => {
        const cache = join(state, `second-cache-${index}`);
        cpSync(join(state, 'merged-cache'), cache, { recursive: true });
        return audit(['--dist', site.dist, '--timed', 'none', '--shard', `${index}/3`, '--reports-dir', join(state, `second-${index}`), '--cache-dir', cache]);
      }),
    );
    expect(shards.map((shard) => shard.exitCode)).toEqual([1, 0, 0]);
    expect(shards[0]!.output).toMatch(/Lighthouse: 1 of 4 pages of \S+ to audit \(shard 1\/3\)/);
    for (const idle of shards.slice(1)) expect(idle.output).toContain('Lighthouse: nothing to audit');
    const second = await audit(['--merge', ...[1, 2, 3].map((index) => join(state, `second-${index}`)), '--reports-dir', join(state, 'merged/lighthouse'), '--cache-dir', join(state, 'merged-cache')]);
    expect(second.exitCode, second.output).toBe(1);
    expect(second.output).toMatch(/ERROR \/posts\/alpha\/ {2}Avoids enormous network payloads \[total-byte-weight\]/);
    expect(second.output).toContain('✗ Below budget');
    expect(readFileSync(join(state, 'merged/lighthouse/history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  }, AUDIT_TIMEOUT_MS);

  it('refuses to merge with a shard missing, naming it', async () => {
    const { exitCode, output } = await audit(['--merge', shardDir(1), shardDir(3), '--reports-dir', join(state, 'incomplete'), '--cache-dir', join(state, 'incomplete-cache')]);
    expect(exitCode).toBe(1);
    expect(output).toContain('Lighthouse merge failed: Shard 2/3 is missing: got shard 1/3');
  });
});
