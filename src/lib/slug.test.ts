import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify, slugFromPath } from './slug.ts';

describe('slugify', () => {
  it.each([
    { text: 'Windows Firewall blocked netsession_win.exe', slug: 'windows-firewall-blocked-netsession-win-exe' },
    { text: 'What’s new in SEO?', slug: 'whats-new-in-seo' },
    { text: '  Digital   photography ', slug: 'digital-photography' },
    { text: 'Café crème', slug: 'café-crème' },
    { text: 'Cafe\u0301', slug: 'café' },
    { text: '日本語のテスト', slug: '日本語のテスト' },
    { text: '!!!', slug: '' },
  ])('$text → $slug', ({ text, slug }) => {
    expect(slugify(text)).toBe(slug);
    if (slug) expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('slugFromPath', () => {
  it.each([
    { path: 'a.md', slug: 'a' },
    { path: 'a/index.md', slug: 'a' },
    { path: 'Index.md', slug: 'index' },
    { path: 'year/My Post.md', slug: 'year/my-post' },
  ])('$path → $slug', ({ path, slug }) => {
    expect(slugFromPath(path)).toBe(slug);
  });
});
