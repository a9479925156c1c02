import { describe, expect, it } from 'vitest';
import { isSearchablePage, isUnusedBundleFile, searchBodyAttributes, searchResultHref, searchTitleAttributes } from './search-index.ts';

describe('which pages are searched', () => {
  it.each([
    { html: '<h1 data-pagefind-body>T</h1>', searchable: true },
    { html: '<div class="content" data-pagefind-body="">x</div>', searchable: true },
    { html: '<p>Mention data-pagefind-body in text</p>', searchable: false },
    { html: '<code>&lt;div data-pagefind-body&gt;</code>', searchable: false },
    { html: '<div data-pagefind-body-extra>x</div>', searchable: false },
    { html: '<main>no marker</main>', searchable: false },
  ])('$html → $searchable', ({ html, searchable }) => {
    expect(isSearchablePage(html)).toBe(searchable);
  });

  it('marks indexable posts only, and lets the title name the post’s own link', () => {
    expect(searchTitleAttributes(true, '/blog/posts/a')).toEqual({ 'data-pagefind-body': '', 'data-pagefind-meta': 'url:/blog/posts/a' });
    expect(searchBodyAttributes(true)).toEqual({ 'data-pagefind-body': '' });
    expect(searchTitleAttributes(false, '/posts/a/')).toEqual({});
    expect(searchBodyAttributes(false)).toEqual({});
  });
});

describe('search result links', () => {
  it('use the link the page declared, whatever file it was built to', () => {
    expect(searchResultHref({ url: '/posts/a.html', meta: { url: '/posts/a', title: 'A' } })).toBe('/posts/a');
  });

  it('fall back to Pagefind’s URL for a page that declared none', () => {
    expect(searchResultHref({ url: '/posts/a/', meta: { title: 'A' } })).toBe('/posts/a/');
  });
});

describe('the search bundle', () => {
  it('drops Pagefind’s ready-made UIs and keeps what its API loads', () => {
    const written = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];
    const loaded = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en-gb.pagefind', 'pagefind.en-gb_1ce7e32c5a1ba.pf_meta'];
    expect(written.filter(isUnusedBundleFile)).toEqual(written);
    expect(loaded.filter(isUnusedBundleFile)).toEqual([]);
  });
});
