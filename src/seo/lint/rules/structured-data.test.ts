import { describe, expect, it } from 'vitest';
import { brief, findingsOf, page, site, SITE } from '../../../../tests/helpers/lint-site.ts';
import { sameDate } from './blogposting-matches-page.ts';

const jsonLd = (data: unknown) => `<script type="application/ld+json">${typeof data === 'string' ? data : JSON.stringify(data)}</script>`;

const posting = (overrides: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'Organization', '@id': `${SITE}#publisher`, name: 'Example Ltd' },
    {
      '@type': 'BlogPosting',
      headline: 'A post',
      description: 'What /posts/a/ covers, in one sentence long enough for a search result and short enough not to be cut.',
      image: `${SITE}og/card.png`,
      datePublished: '2026-03-10T00:00:00+00:00',
      dateModified: '2026-03-10T00:00:00+00:00',
      author: { '@type': 'Person', name: 'Ann Author' },
      publisher: { '@id': `${SITE}#publisher` },
      mainEntityOfPage: `${SITE}posts/a/`,
      wordCount: 120,
      inLanguage: 'en-GB',
      ...overrides,
    },
  ],
});

const post = (data: unknown, options: Parameters<typeof page>[0] = {}) =>
  site({ '/posts/a/': page({ route: '/posts/a/', title: 'A post', replace: { jsonld: jsonLd(data) }, ...options }) });

describe('structured-data-present', () => {
  it('passes an indexable page with JSON-LD, and a noindex page without', () => {
    expect(findingsOf('structured-data-present', site({ '/about/': page({ route: '/about/' }) }))).toEqual([]);
    expect(findingsOf('structured-data-present', site({ '/about/': page({ route: '/about/', omit: ['jsonld'], noindex: true }) }))).toEqual([]);
  });

  it('reports an indexable page without JSON-LD', () => {
    expect(brief(findingsOf('structured-data-present', site({ '/about/': page({ route: '/about/', omit: ['jsonld'] }) })))).toEqual([
      ['/about/', 'error', 'The page has no <script type="application/ld+json">.'],
    ]);
  });
});

describe('structured-data-valid', () => {
  it('passes JSON-LD with a schema.org context and types', () => {
    expect(findingsOf('structured-data-valid', post(posting()))).toEqual([]);
  });

  it.each([
    { name: 'text that is not JSON', data: '{"@context": "https://schema.org", "@type": "WebSite",}', message: /^The JSON-LD is not valid JSON: .+\.$/ },
    { name: 'a missing @context', data: { '@type': 'WebSite', name: 'x' }, message: /^The JSON-LD has no "@context": "https:\/\/schema\.org"\.$/ },
    { name: 'no @type anywhere', data: { '@context': 'https://schema.org', name: 'x' }, message: /^The JSON-LD declares no "@type"\.$/ },
  ])('reports $name', ({ data, message }) => {
    const findings = brief(findingsOf('structured-data-valid', post(data)));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.[2]).toMatch(message);
  });

  it('numbers the block at fault when a page has several', () => {
    const files = site({ '/about/': page({ route: '/about/', head: jsonLd('not json') }) });
    expect(brief(findingsOf('structured-data-valid', files))[0]?.[2]).toMatch(/^JSON-LD block 2 is not valid JSON/);
  });
});

describe('blogposting-properties', () => {
  it('passes a BlogPosting with every recommended property, following @id references', () => {
    expect(findingsOf('blogposting-properties', post(posting()))).toEqual([]);
  });

  it('reports a post without a BlogPosting', () => {
    const data = { '@context': 'https://schema.org', '@type': 'WebSite', name: 'x' };
    expect(brief(findingsOf('blogposting-properties', post(data)))).toEqual([['/posts/a/', 'error', 'The post’s JSON-LD has no BlogPosting.']]);
  });

  it('lists the missing properties and a publisher without a name', () => {
    const data = posting({ image: undefined, wordCount: undefined, dateModified: '', publisher: { '@id': `${SITE}#nobody` } });
    expect(brief(findingsOf('blogposting-properties', post(data)))).toEqual([
      ['/posts/a/', 'error', 'The BlogPosting lacks image, dateModified, wordCount.'],
      ['/posts/a/', 'error', "The BlogPosting's publisher has no name."],
    ]);
  });
});

describe('blogposting-matches-page', () => {
  it('passes a BlogPosting that says what the page shows', () => {
    expect(findingsOf('blogposting-matches-page', post(posting()))).toEqual([]);
  });

  it('reports each property that disagrees with the page', () => {
    const data = posting({
      headline: 'An older title',
      datePublished: '2026-03-09T00:00:00+00:00',
      dateModified: '2026-04-01',
      description: 'Something else.',
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}posts/other/` },
      inLanguage: 'fr',
    });
    expect(brief(findingsOf('blogposting-matches-page', post(data, { modified: '2026-04-02T00:00:00+01:00' })))).toEqual([
      ['/posts/a/', 'error', 'The BlogPosting headline "An older title" differs from the page\'s h1 "A post".'],
      ['/posts/a/', 'error', 'The BlogPosting datePublished is 2026-03-09T00:00:00+00:00 but the page shows 2026-03-10T00:00:00+00:00.'],
      ['/posts/a/', 'error', 'The BlogPosting dateModified is 2026-04-01 but the page shows 2026-04-02T00:00:00+01:00.'],
      ['/posts/a/', 'error', 'The BlogPosting description differs from the meta description.'],
      ['/posts/a/', 'error', `The BlogPosting mainEntityOfPage is ${SITE}posts/other/, not the canonical URL ${SITE}posts/a/.`],
      ['/posts/a/', 'error', 'The BlogPosting inLanguage is "fr" but the page is <html lang="en-GB">.'],
    ]);
  });

  it('reports a post that shows no publication date', () => {
    const files = site({
      '/posts/a/': page({ route: '/posts/a/', title: 'A post', replace: { jsonld: jsonLd(posting()) }, main: '<h1>A post</h1><p>No date here.</p>' }),
    });
    expect(brief(findingsOf('blogposting-matches-page', files))).toEqual([
      ['/posts/a/', 'error', 'The post shows no publication date (<time data-date="published" datetime="…">).'],
    ]);
  });
});

describe('sameDate', () => {
  it.each([
    { structured: '2026-04-02T00:00:00+01:00', shown: '2026-04-01T23:00:00Z', same: true },
    { structured: '2026-04-02', shown: '2026-04-02T00:00:00+01:00', same: true },
    { structured: '2026-04-01', shown: '2026-04-02T00:00:00+01:00', same: false },
    { structured: 'yesterday', shown: '2026-04-02T00:00:00+01:00', same: false },
  ])('$structured and $shown are the same date: $same', ({ structured, shown, same }) => {
    expect(sameDate(structured, shown)).toBe(same);
  });
});
