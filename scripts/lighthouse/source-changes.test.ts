import { describe, expect, it } from 'vitest';
import { sourceChangesOf } from './source-changes.ts';

const posts = new Map([
  ['content/posts/alpha.md', '/posts/alpha/'],
  ['content/posts/beta/index.md', '/posts/beta/'],
  ['content/posts/renamed-by-slug.md', '/posts/custom-url/'],
]);
const changes = (...files: string[]) => {
  const result = sourceChangesOf(files, posts, 'content/posts');
  return { paths: [...result.paths].sort(), sharedSourcesChanged: result.sharedSourcesChanged };
};

describe('pages whose sources changed since a commit (--since)', () => {
  it.each([
    { name: 'a post’s Markdown maps to its page', files: ['content/posts/alpha.md'], paths: ['/posts/alpha/'], shared: false },
    { name: 'a post with its own slug maps to the URL it publishes at', files: ['content/posts/renamed-by-slug.md'], paths: ['/posts/custom-url/'], shared: false },
    { name: 'an image in a post’s folder maps to that post', files: ['content/posts/beta/photos/hero.jpg'], paths: ['/posts/beta/'], shared: false },
    { name: 'a deleted post has no page to audit', files: ['content/posts/gone.md'], paths: [], shared: false },
    { name: 'a template, the CSS or the config may change any page', files: ['src/styles/global.css'], paths: [], shared: true },
    { name: 'both at once', files: ['content/posts/alpha.md', 'astro.config.mjs'], paths: ['/posts/alpha/'], shared: true },
    { name: 'nothing changed', files: [], paths: [], shared: false },
  ])('$name', ({ files, paths, shared }) => {
    expect(changes(...files)).toEqual({ paths, sharedSourcesChanged: shared });
  });
});
