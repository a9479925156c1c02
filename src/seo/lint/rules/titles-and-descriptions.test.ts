import { describe, expect, it } from 'vitest';
import { brief, findingsOf, page, site } from '../../../../tests/helpers/lint-site.ts';

describe('title-present', () => {
  it('passes a page with one title', () => {
    expect(findingsOf('title-present', site({ '/about/': page({ route: '/about/' }) }))).toEqual([]);
  });

  it.each([
    { name: 'no title', options: { omit: ['title'] }, message: 'The page has no <title>.' },
    { name: 'an empty title', options: { replace: { title: '<title>  </title>' } }, message: 'The <title> is empty.' },
    { name: 'two titles', options: { head: '<title>Again</title>' }, message: 'The page has 2 <title> elements.' },
  ])('reports $name', ({ options, message }) => {
    expect(brief(findingsOf('title-present', site({ '/about/': page({ route: '/about/', ...options }) })))).toEqual([['/about/', 'error', message]]);
  });

  it('does not count the <title> of an inline SVG icon', () => {
    const html = page({ route: '/about/', body: '<svg><title>Search icon</title></svg>' });
    expect(findingsOf('title-present', site({ '/about/': html }))).toEqual([]);
  });
});

describe('title-width', () => {
  it('passes a title that fits in 600px of 20px Arial, however many characters it has', () => {
    const narrow = 'Iiiiii li il lil ill tilt lilt fill till jilt lift tiff illicit fill little till lilt ill still';
    expect([...narrow].length).toBeGreaterThan(70);
    expect(findingsOf('title-width', site({ '/about/': page({ route: '/about/', title: narrow }) }))).toEqual([]);
  });

  it('warns about a title wider than 600px, naming where Google would cut it', () => {
    const wide = 'WHY WOMEN WANT WIDE WARM WOOL MAWKISH WOMBATS NOW';
    expect([...wide].length).toBeLessThan(50);
    const findings = findingsOf('title-width', site({ '/about/': page({ route: '/about/', title: wide }) }));
    expect(brief(findings)).toEqual([
      ['/about/', 'warn', 'The title is 653px wide in Google\'s results, over the 600px they show; it would be cut after "WHY WOMEN WANT WIDE WARM WOOL MAWKISH WOMBATS".'],
    ]);
    expect(findings[0]?.fix).toBe('Shorten it by about 7 characters, putting the words that matter first (the page title).');
  });

  it('ignores pages that are not indexed', () => {
    const wide = 'WHY WOMEN WANT WIDE WARM WOOL MAWKISH WOMBATS NOW';
    expect(findingsOf('title-width', site({ '/about/': page({ route: '/about/', title: wide, noindex: true }) }))).toEqual([]);
  });
});

describe('title-unique', () => {
  it('passes pages with their own titles', () => {
    const files = site({ '/posts/a/': page({ route: '/posts/a/', title: 'First' }), '/posts/b/': page({ route: '/posts/b/', title: 'Second' }) });
    expect(findingsOf('title-unique', files)).toEqual([]);
  });

  it('reports each page that shares a title, naming the others', () => {
    const files = site({ '/posts/a/': page({ route: '/posts/a/', title: 'Same' }), '/posts/b/': page({ route: '/posts/b/', title: 'Same' }) });
    expect(brief(findingsOf('title-unique', files))).toEqual([
      ['/posts/a/', 'error', 'The title "Same" is also the title of /posts/b/.'],
      ['/posts/b/', 'error', 'The title "Same" is also the title of /posts/a/.'],
    ]);
  });

  it('shortens a long shared title in its message without splitting an emoji', () => {
    const title = '🚀'.repeat(100);
    const files = site({ '/posts/a/': page({ route: '/posts/a/', title }), '/posts/b/': page({ route: '/posts/b/', title }) });
    expect(brief(findingsOf('title-unique', files))[0]).toEqual(['/posts/a/', 'error', `The title "${'🚀'.repeat(79)}…" is also the title of /posts/b/.`]);
  });

  it('ignores a noindex page that shares a title', () => {
    const files = site({ '/posts/a/': page({ route: '/posts/a/', title: 'Same' }), '/posts/b/': page({ route: '/posts/b/', title: 'Same', noindex: true }) });
    expect(findingsOf('title-unique', files)).toEqual([]);
  });
});

describe('description-present', () => {
  it('passes a page with one description', () => {
    expect(findingsOf('description-present', site({ '/about/': page({ route: '/about/' }) }))).toEqual([]);
  });

  it.each([
    { name: 'no description', options: { omit: ['description'] }, message: 'The page has no <meta name="description">.' },
    { name: 'an empty description', options: { replace: { description: '<meta name="description" content=" ">' } }, message: 'The meta description is empty.' },
    { name: 'two descriptions', options: { head: '<meta name="description" content="Another">' }, message: 'The page has 2 meta descriptions.' },
  ])('reports $name', ({ options, message }) => {
    expect(brief(findingsOf('description-present', site({ '/about/': page({ route: '/about/', ...options }) })))).toEqual([['/about/', 'error', message]]);
  });
});

describe('description-length', () => {
  const described = (description: string) => site({ '/about/': page({ route: '/about/', description }) });

  it('passes 70 to 160 characters', () => {
    expect(findingsOf('description-length', described('x'.repeat(70)))).toEqual([]);
    expect(findingsOf('description-length', described('x'.repeat(160)))).toEqual([]);
  });

  it('warns about a description that is too short or too long', () => {
    expect(brief(findingsOf('description-length', described('Too short to help.')))).toEqual([
      ['/about/', 'warn', 'The meta description has 18 characters, fewer than 70; search engines may replace it with text from the page.'],
    ]);
    expect(brief(findingsOf('description-length', described('y'.repeat(161))))).toEqual([
      ['/about/', 'warn', 'The meta description has 161 characters, more than 160; results cut it off.'],
    ]);
  });

  it('offers the post’s opening words as a starting point', () => {
    const files = site({ '/posts/a/': page({ route: '/posts/a/', description: 'Too short.' }) });
    const [finding] = findingsOf('description-length', files, { sources: { '/posts/a/': { opening: () => 'Routers keep a list of every device on the network.' } } });
    expect(finding?.fix).toBe(
      'Say in 70–160 characters what the reader gets from the page (description: in content/posts/a.md). The post opens: "Routers keep a list of every device on the network."',
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(findingsOf('description-length', described('🎉'.repeat(70)))).toEqual([]);
  });
});

describe('description-unique', () => {
  it('passes pages with their own descriptions', () => {
    expect(findingsOf('description-unique', site({ '/posts/a/': page({ route: '/posts/a/' }), '/posts/b/': page({ route: '/posts/b/' }) }))).toEqual([]);
  });

  it('reports each page that shares a description', () => {
    const description = 'The same words on two pages, which tells searchers nothing about how the pages differ.';
    const files = site({ '/posts/a/': page({ route: '/posts/a/', description }), '/posts/b/': page({ route: '/posts/b/', description }) });
    expect(brief(findingsOf('description-unique', files))).toEqual([
      ['/posts/a/', 'error', 'The meta description is the same as on /posts/b/.'],
      ['/posts/b/', 'error', 'The meta description is the same as on /posts/a/.'],
    ]);
  });
});
