import { describe, expect, it } from 'vitest';
import { createSlugRegistry, locatedProblem, postSlug, SlugCollisionError } from './posts-loader.ts';

describe('postSlug', () => {
  it.each([
    { path: 'my-post.md', data: {}, slug: 'my-post' },
    { path: 'My Post.md', data: {}, slug: 'my-post' },
    { path: 'netsession/index.md', data: {}, slug: 'netsession' },
    { path: '2024/Trip Report.md', data: {}, slug: '2024/trip-report' },
    { path: 'cafe\u0301.md', data: {}, slug: 'café' },
    { path: 'café.md', data: {}, slug: 'café' },
    { path: '日本語.md', data: {}, slug: '日本語' },
    { path: 'anything.md', data: { slug: 'chosen-slug' }, slug: 'chosen-slug' },
  ])('$path gets the slug $slug', ({ path, data, slug }) => {
    expect(postSlug(path, data)).toBe(slug);
    expect(postSlug(path, data)).toBe(slug.normalize('NFC'));
  });
});

describe('createSlugRegistry', () => {
  it('lets each file keep its own slug, also when claimed again (a rebuild in dev)', () => {
    const registry = createSlugRegistry();
    registry.claim('a', 'content/posts/a.md');
    expect(() => registry.claim('a', 'content/posts/a.md')).not.toThrow();
  });

  it.each([
    { files: ['content/posts/a.md', 'content/posts/a/index.md'], case: 'a file and a folder index' },
    { files: ['content/posts/Post.md', 'content/posts/post.md'], case: 'a case-only difference' },
    { files: ['content/posts/café.md', 'content/posts/cafe\u0301.md'], case: 'NFC and NFD spellings' },
  ])('fails on $case, naming both files', ({ files }) => {
    const registry = createSlugRegistry();
    const [first, second] = files as [string, string];
    registry.claim(postSlug(first.replace('content/posts/', ''), {}), first);
    expect(() => registry.claim(postSlug(second.replace('content/posts/', ''), {}), second)).toThrow(SlugCollisionError);
    expect(() => registry.claim(postSlug(second.replace('content/posts/', ''), {}), second)).toThrow(
      `${first} and ${second}. Rename one of the files or give one of them a different slug: in its frontmatter.`,
    );
  });

  it('fails when an explicit slug takes another post’s URL', () => {
    const registry = createSlugRegistry();
    registry.claim(postSlug('intro.md', {}), 'content/posts/intro.md');
    expect(() => registry.claim(postSlug('other.md', { slug: 'intro' }), 'content/posts/other.md')).toThrow(
      'Two posts resolve to the same URL slug "intro": content/posts/intro.md and content/posts/other.md.',
    );
  });

  it('points the error at the second file, with no stack trace', () => {
    const registry = createSlugRegistry(() => true, (file) => `/site/${file}`);
    registry.claim('a', 'content/posts/a.md');
    let error: SlugCollisionError | undefined;
    try {
      registry.claim('a', 'content/posts/a/index.md');
    } catch (thrown) {
      error = thrown as SlugCollisionError;
    }
    expect(error?.loc).toEqual({ file: '/site/content/posts/a/index.md', line: 1, column: 1 });
    expect(error?.stack).toBe('');
  });

  it('forgets a file that was renamed away (dev server)', () => {
    const existing = new Set(['content/posts/new.md']);
    const registry = createSlugRegistry((file) => existing.has(file));
    registry.claim('a', 'content/posts/old.md');
    expect(() => registry.claim('a', 'content/posts/new.md')).not.toThrow();
  });
});

describe('locatedProblem', () => {
  it.each([
    { location: 'content/posts/a.md:10:1', problem: { file: 'content/posts/a.md', line: 10, column: 1, message: 'm' } },
    { location: 'C:/site/content/posts/a.md:2:7', problem: { file: 'C:/site/content/posts/a.md', line: 2, column: 7, message: 'm' } },
    { location: 'content/posts/a.md', problem: { file: 'content/posts/a.md', message: 'm' } },
  ])('reads $location', ({ location, problem }) => {
    expect(locatedProblem(location, 'm')).toEqual(problem);
  });
});
