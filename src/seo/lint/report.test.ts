import { describe, expect, it } from 'vitest';
import { formatReport, reportJson, summaryLine, type LintReport } from './report.ts';

const report: LintReport = {
  site: 'https://blog.example/',
  pages: 12,
  files: ['sitemap-index.xml', 'robots.txt', 'rss.xml'],
  errors: 2,
  warnings: 1,
  durationMs: 41.6,
  notes: [],
  findings: [
    { rule: 'description-length', level: 'warn', page: 'https://blog.example/posts/a/', message: 'The meta description has 40 characters.', fix: 'Write more (description: in content/posts/a.md).', source: 'content/posts/a.md:3' },
    { rule: 'robots-txt-sitemap', level: 'error', page: 'robots.txt', message: 'robots.txt does not name the sitemap.', fix: 'Name it.', source: undefined },
    { rule: 'title-unique', level: 'error', page: 'https://blog.example/posts/a/', message: 'The title "A" is also the title of /posts/b/.', fix: 'Give each page its own title.', source: 'content/posts/a.md:2' },
  ],
};

describe('formatReport', () => {
  it('groups findings by page, errors first, each with its fix and source line', () => {
    expect(formatReport(report)).toBe(
      [
        '/posts/a/  (content/posts/a.md)',
        '  error  title-unique        The title "A" is also the title of /posts/b/.',
        '                             fix: Give each page its own title. (content/posts/a.md:2)',
        '  warn   description-length  The meta description has 40 characters.',
        '                             fix: Write more (description: in content/posts/a.md). (line 3)',
        '',
        'robots.txt',
        '  error  robots-txt-sitemap  robots.txt does not name the sitemap.',
        '                             fix: Name it.',
        '',
        'SEO lint: 12 pages, sitemap-index.xml, robots.txt and rss.xml checked in 42 ms: 2 errors and 1 warning on 1 page and 1 file.',
      ].join('\n'),
    );
  });
});

describe('summaryLine', () => {
  it('says so when there is nothing to fix', () => {
    expect(summaryLine({ ...report, errors: 0, warnings: 0, findings: [], files: [] })).toBe('SEO lint: 12 pages checked in 42 ms: no problems.');
  });
});

describe('reportJson', () => {
  it('keeps every key, writing an unknown source as null', () => {
    const json = JSON.parse(reportJson(report)) as LintReport;
    expect(json.findings[1]).toEqual({ rule: 'robots-txt-sitemap', level: 'error', page: 'robots.txt', message: 'robots.txt does not name the sitemap.', fix: 'Name it.', source: null });
  });
});
