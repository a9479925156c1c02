import { describe, expect, it } from 'vitest';
import { readHeadFacts } from './page-head.ts';

const page = (head: string, body = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('readHeadFacts', () => {
  it('reads canonical, robots and the page’s dates from the head only', () => {
    const html = page(
      '<link rel="canonical" href="https://example.com/a/"><meta name="robots" content="noindex, follow">' +
        '<meta property="article:published_time" content="2026-03-10T00:00:00+00:00">' +
        '<meta property="article:modified_time" content="2026-04-02T00:00:00+01:00">' +
        '<meta property="og:updated_time" content="2026-04-03T00:00:00+01:00">',
      '<link rel="canonical" href="https://example.com/wrong/">',
    );
    expect(readHeadFacts(html)).toEqual({
      canonical: 'https://example.com/a/',
      robots: 'noindex, follow',
      published: '2026-03-10T00:00:00+00:00',
      modified: '2026-04-02T00:00:00+01:00',
      updated: '2026-04-03T00:00:00+01:00',
    });
  });
});
