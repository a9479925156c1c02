import { describe, expect, it } from 'vitest';
import { brief, findingsOf, page, site } from '../../../../tests/helpers/lint-site.ts';

const about = (options: Parameters<typeof page>[0]) => site({ '/about/': page({ route: '/about/', ...options }) });

describe('h1-single', () => {
  it('passes a page with one h1', () => {
    expect(findingsOf('h1-single', about({}))).toEqual([]);
  });

  it.each([
    { name: 'no h1', main: '<h2>Only a subheading</h2>', message: 'The page has no <h1>.' },
    { name: 'two h1s', main: '<h1>Title</h1><h1>Another title</h1>', message: 'The page has 2 <h1> elements: "Title", "Another title".' },
    { name: 'an empty h1', main: '<h1> </h1>', message: 'The <h1> is empty.' },
  ])('reports $name', ({ main, message }) => {
    expect(brief(findingsOf('h1-single', about({ main })))).toEqual([['/about/', 'error', message]]);
  });
});

describe('heading-order', () => {
  it('passes headings that go down one level at a time and jump back up freely', () => {
    expect(findingsOf('heading-order', about({ main: '<h1>T</h1><h2>A</h2><h3>A.1</h3><h4>A.1.a</h4><h2>B</h2><h3>B.1</h3>' }))).toEqual([]);
  });

  it('reports each heading that skips a level', () => {
    const findings = findingsOf('heading-order', about({ main: '<h1>T</h1><h3>Too deep</h3><h2>B</h2><h5>Far too deep</h5>' }));
    expect(brief(findings)).toEqual([
      ['/about/', 'error', 'The heading "Too deep" is an h3 after an h1; the outline skips h2.'],
      ['/about/', 'error', 'The heading "Far too deep" is an h5 after an h2; the outline skips h3.'],
    ]);
    expect(findings[0]?.fix).toBe('Make it an h2 (## in Markdown), or add the missing level above it.');
  });
});

describe('html-lang', () => {
  it('passes the site’s language', () => {
    expect(findingsOf('html-lang', about({ lang: 'en-gb' }))).toEqual([]);
  });

  it.each([
    { lang: null, message: 'The <html> element has no lang attribute.' },
    { lang: 'english', message: '<html lang="english"> is not a language tag.' },
    { lang: 'fr', message: '<html lang="fr"> differs from the site\'s language "en-GB".' },
  ])('reports lang=$lang', ({ lang, message }) => {
    expect(brief(findingsOf('html-lang', about({ lang })))).toEqual([['/about/', 'error', message]]);
  });
});
