import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFileFor, serveReport } from './report-server.ts';

describe('reportFileFor: which file of reports/ a request gets', () => {
  it.each([
    { path: '/', file: 'index.html' },
    { path: '/pages/posts_a.html', file: 'pages/posts_a.html' },
    { path: '/images/og/caf%C3%A9.png', file: 'images/og/café.png' },
    { path: '/pages/', file: 'pages/index.html' },
    { path: '/../seo-lint.json', file: undefined },
    { path: '/pages/%2e%2e/%2e%2e/etc/passwd', file: undefined },
    { path: '/a%2Fb', file: undefined },
    { path: '/%E0%A4%A', file: undefined },
  ])('$path → $file', ({ path, file }) => {
    expect(reportFileFor(path)).toBe(file);
  });
});

describe('serveReport', () => {
  it('answers with the report’s files and 404 for anything else', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'report-server-'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>r</title>');
    const { server, url } = await serveReport(folder, 0);
    try {
      const index = await fetch(url);
      expect([index.status, index.headers.get('content-type'), await index.text()]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>r</title>']);
      expect((await fetch(`${url}missing.html`)).status).toBe(404);
    } finally {
      server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
