import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFileFor, nextAuditedHashes, readAuditedHashes, writeAuditedHashes } from './page-cache.ts';

const directory = mkdtempSync(join(tmpdir(), 'page-cache-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the changed-only cache', () => {
  it('remembers pages that met their budgets and forgets pages that failed, so they are audited again', () => {
    const previous = { '/posts/a/': 'old a', '/posts/b/': 'old b', '/posts/c/': 'c' };
    expect(
      nextAuditedHashes(previous, [
        { path: '/posts/a/', contentHash: 'new a', passed: true },
        { path: '/posts/b/', contentHash: 'new b', passed: false },
        { path: '/posts/d/', contentHash: 'd', passed: true },
      ]),
    ).toEqual({ '/posts/a/': 'new a', '/posts/c/': 'c', '/posts/d/': 'd' });
  });

  it('round-trips through its file', () => {
    const file = cacheFileFor(directory, 'dist:https://example.com/', 'mobile');
    writeAuditedHashes(file, 'budgets-1', { '/': 'h' });
    expect(readAuditedHashes(file, 'budgets-1')).toEqual({ '/': 'h' });
  });

  it('starts afresh when the budgets, preset or Lighthouse version changed: an old pass says nothing', () => {
    const file = cacheFileFor(directory, 'dist:https://example.com/', 'mobile');
    writeAuditedHashes(file, 'budgets-1', { '/': 'h' });
    expect(readAuditedHashes(file, 'budgets-2')).toEqual({});
  });

  it('keeps one file per audited site and preset', () => {
    const files = new Set([
      cacheFileFor(directory, 'dist:https://example.com/', 'mobile'),
      cacheFileFor(directory, 'dist:https://example.com/', 'desktop'),
      cacheFileFor(directory, 'https://example.com/', 'mobile'),
    ]);
    expect(files.size).toBe(3);
  });

  it('treats a missing or damaged file as no cache', () => {
    expect(readAuditedHashes(join(directory, 'missing.json'), 'x')).toEqual({});
    const damaged = join(directory, 'damaged.json');
    writeFileSync(damaged, '{"version": 1, "context": "x", "pages": ');
    expect(readAuditedHashes(damaged, 'x')).toEqual({});
  });
});
