// Drafts and scheduled posts must be absent from every output; the clock decides, and the
// calendar never shifts with the machine's time zone.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/lib/files.ts';
import { parseLlmsTxt } from '../../src/seo/lint/site-files.ts';
import { buildFixture, post, PROJECT_ROOT, runFixtureBuild, type BuildResult } from '../helpers/fixture-site.ts';

const posts = {
  'published.md': post({ title: '"Published post"', tags: '["Shared"]', pubDate: '2026-03-01' }),
  'older.md': post({ title: '"Older post"', tags: '["Shared"]', pubDate: '2026-02-01' }),
  'secret-draft.md': post({ title: '"Secret draft"', draft: 'true', tags: '["Shared", "Draftonly"]' }, 'The zebra-quartz phrase must never be published.'),
  'scheduled.md': post({ title: '"Scheduled post"', pubDate: '2026-07-01', tags: '["Shared", "Futureonly"]' }, 'The walrus-garnet phrase waits for its day.'),
  'hidden.md': post({ title: '"Hidden post"', noindex: 'true', pubDate: '2026-02-15' }),
};
/** The IndexNow key this build is given, as CI gives it (README "Tell search engines what changed"). */
const INDEXNOW_KEY = 'publishing-test-key-2026';

function everyFileContaining(build: BuildResult, needle: string): string[] {
  return build.files().filter((path) => !/\.(png|ico|jpe?g|webp|avif)$/.test(path) && build.read(path).includes(needle));
}

describe('publishing in a real build', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildFixture({ posts, env: { BUILD_DATE: '2026-06-01', INDEXNOW_KEY } });
    expect(build.exitCode, build.output).toBe(0);
  });
  afterAll(() => build.cleanup());

  it('builds the published posts', () => {
    expect(build.exists('posts/published/index.html')).toBe(true);
    expect(build.exists('posts/older/index.html')).toBe(true);
  });

  it('says once which posts it left out: each scheduled post with its date, each draft', () => {
    const postsFolder = displayPath(join(build.directory, 'content/posts'), PROJECT_ROOT);
    const leftOut = build.output.split('\n').filter((line) => /\] (draft|scheduled): /.test(line));
    expect(leftOut.map((line) => line.replace(/^.*\] /, ''))).toEqual([
      `scheduled: ${postsFolder}/scheduled.md for 2026-07-01`,
      `draft: ${postsFolder}/secret-draft.md`,
    ]);
  });

  it('warns once that the default settings are still on the placeholder domain', () => {
    const warning = 'The site is still on the placeholder domain urban-haze.example (url, author.url, email).';
    expect(build.output.split(warning).length - 1).toBe(1);
  });

  it.each([
    { name: 'draft', slug: 'secret-draft', title: 'Secret draft', phrase: 'zebra-quartz', tag: 'draftonly' },
    { name: 'scheduled post', slug: 'scheduled', title: 'Scheduled post', phrase: 'walrus-garnet', tag: 'futureonly' },
  ])('leaves no trace of the $name: no page, list entry, tag page, feed item or sitemap URL', ({ slug, title, phrase, tag }) => {
    expect(build.files().filter((path) => path.includes(slug))).toEqual([]);
    expect(everyFileContaining(build, title)).toEqual([]);
    expect(everyFileContaining(build, phrase)).toEqual([]);
    expect(everyFileContaining(build, `/posts/${slug}/`)).toEqual([]);
    expect(build.files().filter((path) => path.includes(tag))).toEqual([]);
  });

  it('indexes for search only the published posts, never the draft or the scheduled post', () => {
    // Pagefind's fragments are compressed, so the phrases above cannot be searched for in its files; count its pages.
    const entry = JSON.parse(build.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(2);
    const marked = build.files().filter((path) => path.endsWith('.html') && build.read(path).includes('data-pagefind-body'));
    expect(marked.sort()).toEqual(['posts/older/index.html', 'posts/published/index.html']);
  });

  describe('llms.txt and the IndexNow key file', () => {
    it('lists in llms.txt the published, indexable posts at their canonical URLs, and no draft, scheduled or noindex post', () => {
      const llms = parseLlmsTxt(build.read('llms.txt'), 'llms.txt');
      expect(llms.problems).toEqual([]);
      expect(llms.links.filter((link) => link.section === 'Posts').map((link) => link.url)).toEqual([
        'https://urban-haze.example/posts/published/',
        'https://urban-haze.example/posts/older/',
      ]);
      for (const absent of ['Secret draft', 'Scheduled post', 'Hidden post', '/posts/hidden/']) expect(build.read('llms.txt')).not.toContain(absent);
      // The build's own lint read it, with the sitemap and the feed.
      expect(build.output).toMatch(/SEO lint: .*rss\.xml and llms\.txt checked in \d+ ms: no problems/);
    });

    it('serves the IndexNow key at /<key>.txt, and names it nowhere else: not in the sitemap, the feed, llms.txt or search', () => {
      expect(build.read(`${INDEXNOW_KEY}.txt`)).toBe(INDEXNOW_KEY);
      expect(everyFileContaining(build, INDEXNOW_KEY)).toEqual([`${INDEXNOW_KEY}.txt`]);
    });
  });

  it('publishes the scheduled post once the clock passes its date, and removes stale pages on rebuild', async () => {
    const later = await runFixtureBuild(build.directory, { BUILD_DATE: '2026-07-01' });
    expect(later.exitCode, later.output).toBe(0);
    expect(later.output).not.toContain('scheduled: ');
    expect(build.exists('posts/scheduled/index.html')).toBe(true);
    expect(build.read('rss.xml')).toContain('Scheduled post');

    const path = join(build.directory, 'content/posts/published.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('tags:', 'draft: true\ntags:'));
    const rebuilt = await runFixtureBuild(build.directory, { BUILD_DATE: '2026-07-01' });
    expect(rebuilt.exitCode, rebuilt.output).toBe(0);
    expect(build.exists('posts/published/index.html')).toBe(false);
    expect(everyFileContaining(build, 'Published post')).toEqual([]);
  });
});

describe('dates under different machine time zones', () => {
  const datePosts = { 'dated.md': post({ title: '"Dated post"', pubDate: '2026-03-10', updatedDate: '2026-04-02' }) };
  const builds: BuildResult[] = [];
  afterAll(() => builds.forEach((each) => each.cleanup()));

  it('renders the same dates in Los Angeles and Tokyo', async () => {
    for (const TZ of ['America/Los_Angeles', 'Asia/Tokyo']) {
      const result = await buildFixture({ posts: datePosts, env: { TZ } });
      expect(result.exitCode, result.output).toBe(0);
      builds.push(result);
    }
    const [west, east] = builds as [BuildResult, BuildResult];
    const page = 'posts/dated/index.html';
    expect(west.read(page)).toContain('<time datetime="2026-03-10T00:00:00+00:00" data-date="published">10 March 2026</time>');
    expect(west.read(page)).toContain('<time datetime="2026-04-02T00:00:00+01:00" data-date="modified">2 April 2026</time>');
    for (const file of [page, 'rss.xml', 'sitemap-0.xml', 'archive/index.html']) {
      expect(east.read(file), file).toBe(west.read(file));
    }
  });
});
