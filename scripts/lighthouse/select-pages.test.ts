import { describe, expect, it } from 'vitest';
import { selectPages, type SelectionInput } from './select-pages.ts';
import type { SitePage } from './site-pages.ts';

const page = (path: string, template: string, contentHash = `hash of ${path}`, indexable = true): SitePage => ({ path, template, indexable, contentHash });

const ADVISORY = '/posts/advisory/';
const site: SitePage[] = [
  page('/', 'home'),
  page('/page/2/', 'list'),
  page('/page/3/', 'list'),
  page('/posts/a/', 'post'),
  page('/posts/b/', 'post'),
  page('/posts/c/', 'post'),
  page(ADVISORY, 'post'),
  page('/posts/hidden/', 'post', 'hash of hidden', false),
  page('/tags/', 'tag-index'),
  page('/tags/seo/', 'tag'),
  page('/tags/windows/', 'tag'),
  page('/archive/', 'archive'),
  page('/about/', 'about'),
  page('/404.html', 'not-found', 'hash of 404', false),
];

/** The cache after every page met its budgets. */
const everythingAudited = Object.fromEntries(site.map((each) => [each.path, each.contentHash]));

const select = (overrides: Partial<SelectionInput> = {}) =>
  selectPages({ pages: site, auditedHashes: everythingAudited, alwaysAudit: [ADVISORY], all: false, maxChangedPages: 25, ...overrides });

const paths = (selection: ReturnType<typeof select>) => selection.pages.map((each) => each.path);

describe('page selection', () => {
  it('audits one page per template, as declared by the page, plus the always-audited pages', () => {
    const selection = select();
    expect(selection.pages.map((each) => [each.path, each.template, each.reason])).toEqual([
      ['/', 'home', 'template'],
      ['/page/2/', 'list', 'template'],
      ['/posts/a/', 'post', 'template'],
      ['/tags/', 'tag-index', 'template'],
      ['/tags/seo/', 'tag', 'template'],
      ['/archive/', 'archive', 'template'],
      ['/about/', 'about', 'template'],
      ['/404.html', 'not-found', 'template'],
      [ADVISORY, 'post', 'always'],
    ]);
  });

  it('picks an indexable page to stand for a template, and not an always-audited one when another exists', () => {
    const selection = select({
      pages: [page('/posts/a-hidden/', 'post', 'h', false), page(ADVISORY, 'post'), page('/posts/z/', 'post')],
      auditedHashes: {},
    });
    expect(selection.pages.map((each) => [each.path, each.reason])).toEqual([
      ['/posts/z/', 'template'],
      [ADVISORY, 'always'],
      ['/posts/a-hidden/', 'changed'],
    ]);
  });

  it('lets an always-audited page stand for its template when it is the only one', () => {
    expect(paths(select({ pages: [page('/', 'home'), page(ADVISORY, 'post')] }))).toEqual(['/', ADVISORY]);
  });

  it('audits no post beyond the templates when nothing changed', () => {
    const selection = select();
    expect(selection.pages.filter((each) => each.template === 'post').map((each) => each.path)).toEqual(['/posts/a/', ADVISORY]);
    expect(selection.unchanged).toBe(3);
  });

  it('adds every post whose HTML changed or is new since it last met its budgets', () => {
    const cache: Record<string, string> = { ...everythingAudited, '/posts/b/': 'an older hash' };
    delete cache['/posts/c/'];
    const selection = select({ auditedHashes: cache });
    expect(selection.pages.filter((each) => each.reason === 'changed').map((each) => each.path)).toEqual(['/posts/b/', '/posts/c/']);
    expect(selection.unchanged).toBe(1);
  });

  it('leaves changed list pages to their template: they change whenever a post does', () => {
    const selection = select({ auditedHashes: { ...everythingAudited, '/page/3/': 'old', '/tags/windows/': 'old' } });
    expect(paths(selection)).not.toContain('/page/3/');
    expect(paths(selection)).not.toContain('/tags/windows/');
  });

  it('audits a first run fully, but at most maxChangedPages changed posts, deferring the rest', () => {
    const selection = select({ auditedHashes: {}, maxChangedPages: 2 });
    expect(selection.pages.filter((each) => each.reason === 'changed').map((each) => each.path)).toEqual(['/posts/b/', '/posts/c/']);
    expect(selection.deferred).toEqual([{ page: site.find((each) => each.path === '/posts/hidden/'), why: 'max-changed-pages' }]);
  });

  it('audits every page once with --all', () => {
    const selection = select({ all: true });
    expect(selection.pages).toHaveLength(site.length);
    expect(new Set(paths(selection))).toEqual(new Set(site.map((each) => each.path)));
    expect(paths(selection).slice(0, 8)).toEqual(paths(select()).slice(0, 8));
  });

  it('stops at --max-pages, templates first, and says what was left out', () => {
    const selection = select({ maxPages: 3 });
    expect(paths(selection)).toEqual(['/', '/page/2/', '/posts/a/']);
    expect(selection.deferred.map((each) => [each.page.path, each.why])).toContainEqual([ADVISORY, 'max-pages']);
    expect(selection.deferred).toHaveLength(6);
  });

  it('reports always-audited paths the build does not have', () => {
    expect(select({ alwaysAudit: ['/posts/gone/', ADVISORY] }).missingAlways).toEqual(['/posts/gone/']);
  });

  it.each([1, 2, 3, 4, 7, 20])('splits the list into %i shard(s) that cover each page exactly once', (count) => {
    for (const options of [{ all: true }, { all: false, auditedHashes: {} }, { all: false }]) {
      const whole = paths(select(options));
      const shards = Array.from({ length: count }, (_, index) => select({ ...options, shard: { index: index + 1, count } }));
      const covered = shards.flatMap(paths);
      expect(covered.sort()).toEqual([...whole].sort());
      for (const shard of shards) expect(shard.otherShards).toBe(whole.length - shard.pages.length);
      // Round-robin keeps shards within one page of each other.
      const sizes = shards.map((shard) => shard.pages.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same shards whatever order the pages were found in', () => {
    const reversed = select({ pages: [...site].reverse(), shard: { index: 2, count: 3 } });
    expect(paths(reversed)).toEqual(paths(select({ shard: { index: 2, count: 3 } })));
  });
});
