import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, PageVerdict } from './assert.ts';
import { cacheFileFor, nextAuditCache, readAuditCache, verdictPasses, writeAuditCache, type CachedPage } from './page-cache.ts';
import type { PageInputs } from './page-inputs.ts';
import { passingVerdict } from './test-verdicts.ts';

const directory = mkdtempSync(join(tmpdir(), 'page-cache-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const inputs = (html: string, css = 'css-1'): PageInputs => ({ htmlHash: html, deps: { 'BaseLayout.css': css }, headersHash: 'h' });
const verdict = (path: string, findings: Finding[] = []): PageVerdict => passingVerdict(path, { findings });
const kept = (path: string, html: string, at = 'earlier'): CachedPage => ({ inputs: inputs(html), at, passed: true, verdict: verdict(path), observedPaths: [] });
const error: Finding = { level: 'error', id: 'seo', title: 'SEO score', expected: '≥ 100', found: '92' };

describe('the audit cache', () => {
  it('keeps a pass, and a fail so the page is audited again; a timing error let off for load is not a pass', () => {
    expect(verdictPasses(verdict('/a/'))).toBe(true);
    expect(verdictPasses(verdict('/a/', [{ ...error, level: 'warn' }]))).toBe(true);
    expect(verdictPasses(verdict('/a/', [error]))).toBe(false);
    expect(verdictPasses(verdict('/a/', [{ ...error, id: 'largest-contentful-paint', level: 'warn', notFailedBecause: 'the machine was busy' }]))).toBe(false);
    // Timed runs that could not be made leave the page to be timed again.
    expect(verdictPasses(verdict('/a/', [{ level: 'warn', id: 'timing-failed', title: 'Lighthouse could not time this page', expected: 'completed timed runs', found: 'NO_FCP (tried 2 times)' }]))).toBe(false);
  });

  it('records audited pages with their new inputs and drops pages the build no longer has', () => {
    const previous = { '/a/': kept('/a/', 'a1'), '/b/': kept('/b/', 'b1'), '/gone/': kept('/gone/', 'g') };
    const current = new Map([
      ['/a/', inputs('a2')],
      ['/b/', inputs('b1')],
    ]);
    const next = nextAuditCache(previous, { at: 'now', audited: [{ path: '/a/', inputs: inputs('a2'), verdict: verdict('/a/'), observedPaths: ['/favicon.ico'] }], shared: [], currentInputs: current });
    expect(Object.keys(next).sort()).toEqual(['/a/', '/b/']);
    expect(next['/a/']).toMatchObject({ inputs: inputs('a2'), at: 'now', passed: true, observedPaths: ['/favicon.ico'] });
    expect(next['/b/']).toBe(previous['/b/']);
  });

  it('gives pages that share a representative its run, but only when the representative passed', () => {
    const previous = { '/a/': kept('/a/', 'a'), '/b/': kept('/b/', 'b'), '/c/': kept('/c/', 'c') };
    const current = new Map(['/a/', '/b/', '/c/'].map((path) => [path, inputs(path[1]!, 'css-2')]));
    const shared = [
      { path: '/b/', template: 'post', with: '/a/', because: 'shared-files' as const },
      { path: '/c/', template: 'post', with: '/a/', because: 'shared-files' as const },
    ];
    const passed = nextAuditCache(previous, { at: 'now', audited: [{ path: '/a/', inputs: current.get('/a/')!, verdict: verdict('/a/'), observedPaths: [] }], shared, currentInputs: current });
    expect(passed['/b/']).toMatchObject({ inputs: current.get('/b/'), at: 'now', sharedWith: '/a/', passed: true });
    const failed = nextAuditCache(previous, { at: 'now', audited: [{ path: '/a/', inputs: current.get('/a/')!, verdict: verdict('/a/', [error]), observedPaths: [] }], shared, currentInputs: current });
    expect(failed['/a/']!.passed).toBe(false);
    expect(failed['/b/']).toBe(previous['/b/']);
  });

  it('round-trips through its file', () => {
    const file = cacheFileFor(directory, 'dist:https://example.com/', 'mobile');
    writeAuditCache(file, 'context-1', { '/': kept('/', 'h') });
    expect(readAuditCache(file, 'context-1')).toEqual({ '/': kept('/', 'h') });
  });

  it('starts afresh when the budgets, preset, Lighthouse or Chrome changed: an old result says nothing', () => {
    const file = cacheFileFor(directory, 'dist:https://example.com/', 'mobile');
    writeAuditCache(file, 'context-1', { '/': kept('/', 'h') });
    expect(readAuditCache(file, 'context-2')).toEqual({});
  });

  it('keeps one file per audited site and preset', () => {
    const files = new Set([cacheFileFor(directory, 'dist:https://a.example/', 'mobile'), cacheFileFor(directory, 'dist:https://a.example/', 'desktop'), cacheFileFor(directory, 'https://b.example/', 'mobile')]);
    expect(files.size).toBe(3);
  });

  it('reads a missing, corrupt or older-format file as empty', () => {
    const file = join(directory, 'corrupt.json');
    expect(readAuditCache(join(directory, 'missing.json'), 'c')).toEqual({});
    writeFileSync(file, '{"version": 2, "context": "c", "pages": ');
    expect(readAuditCache(file, 'c')).toEqual({});
    writeFileSync(file, JSON.stringify({ version: 1, context: 'c', pages: { '/': 'hash' } }));
    expect(readAuditCache(file, 'c')).toEqual({});
  });
});
