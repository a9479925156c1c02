import { describe, expect, it } from 'vitest';
import type { CachedPage } from './page-cache.ts';
import type { InputChange, PageInputs } from './page-inputs.ts';
import { selectPages, timedPagesOf, type SelectedPage, type SelectionInput } from './select-pages.ts';
import type { SitePage } from './site-pages.ts';
import { passingVerdict } from './test-verdicts.ts';

type Page = SitePage & { inputs: PageInputs };

const SHARED = { 'BaseLayout.css': 'css-1', 'ThemeToggle.js': 'js-1' };
const page = (path: string, template: string, fields: { html?: string; deps?: Record<string, string>; indexable?: boolean } = {}): Page => ({
  path,
  template,
  indexable: fields.indexable ?? true,
  contentHash: `hash of ${path}`,
  inputs: { htmlHash: fields.html ?? `html of ${path}`, deps: fields.deps ?? SHARED, headersHash: 'headers-1' },
});

const site: Page[] = [
  page('/', 'home'),
  page('/page/2/', 'list', { indexable: false }),
  page('/posts/a/', 'post'),
  page('/posts/b/', 'post'),
  page('/posts/c/', 'post', { deps: { ...SHARED, 'photo.webp': 'img-1' } }),
  page('/posts/hidden/', 'post', { indexable: false }),
  page('/tags/', 'tag-index'),
  page('/tags/seo/', 'tag'),
  page('/tags/windows/', 'tag'),
  page('/about/', 'about'),
  page('/404.html', 'not-found', { indexable: false }),
];


/** The cache after a run in which every page met its budgets. */
const auditedOnce = (pages: readonly Page[], at = '2026-12-01T10:00:00.000Z'): Record<string, CachedPage> =>
  Object.fromEntries(pages.map((each) => [each.path, { inputs: each.inputs, at, passed: true, verdict: passingVerdict(each.path), observedPaths: [] }]));

/** What the real compareInputs answers, for inputs as simple as these. */
function compare(previous: PageInputs, current: PageInputs): InputChange {
  if (previous.htmlHash !== current.htmlHash) return { kind: 'html-changed' };
  const names = new Set([...Object.keys(previous.deps), ...Object.keys(current.deps)]);
  const changed = [...names].filter((name) => previous.deps[name] !== current.deps[name]);
  if (previous.headersHash !== current.headersHash) changed.push('_headers');
  return changed.length === 0 ? { kind: 'same' } : { kind: 'shared-changed', changed };
}

const select = (overrides: Partial<SelectionInput> = {}) =>
  selectPages({ pages: site, cache: auditedOnce(site), compare, alwaysAudit: [], all: false, maxChangedPages: 100, ...overrides });

const audited = (selection: { pages: SelectedPage[] }) => selection.pages.map((each) => [each.path, each.reason]);

/** The site after an edit: `change` rewrites the pages it returns a new version of. */
const edited = (change: (each: Page) => Page | undefined) => site.map((each) => change(each) ?? each);

describe('choosing the pages to audit', () => {
  it('audits every page of a site never audited before, one page per template first', () => {
    const selection = select({ cache: {} });
    expect(selection.pages).toHaveLength(site.length);
    expect(selection.pages.slice(0, 7).map((each) => each.template)).toEqual(['home', 'list', 'post', 'tag-index', 'tag', 'about', 'not-found']);
    expect(new Set(selection.pages.map((each) => each.reason))).toEqual(new Set(['new']));
  });

  it('audits nothing when nothing changed, templates included, and says since when each result stands', () => {
    const selection = select();
    expect(selection.pages).toEqual([]);
    expect(selection.unchanged.map((each) => each.path)).toEqual(site.map((each) => each.path).sort());
    expect(selection.unchanged[0]).toEqual({ path: '/', template: 'home', since: '2026-12-01T10:00:00.000Z' });
  });

  it('audits only the post whose HTML changed', () => {
    const pages = edited((each) => (each.path === '/posts/b/' ? { ...each, inputs: { ...each.inputs, htmlHash: 'html of /posts/b/, edited' } } : undefined));
    const selection = select({ pages });
    expect(audited(selection)).toEqual([['/posts/b/', 'changed']]);
    expect(selection.shared).toEqual([]);
    expect(selection.unchanged).toHaveLength(site.length - 1);
  });

  it('audits one page per template when only shared CSS changed; the others share its result', () => {
    const pages = edited((each) => ({ ...each, inputs: { ...each.inputs, deps: { ...each.inputs.deps, 'BaseLayout.css': 'css-2' } } }));
    const selection = select({ pages });
    expect(audited(selection)).toEqual([
      ['/', 'shared-change'],
      ['/page/2/', 'shared-change'],
      ['/posts/a/', 'shared-change'],
      ['/tags/', 'shared-change'],
      ['/tags/seo/', 'shared-change'],
      ['/about/', 'shared-change'],
      ['/404.html', 'shared-change'],
    ]);
    expect(selection.shared).toEqual([
      { path: '/posts/b/', template: 'post', with: '/posts/a/', because: 'shared-files' as const },
      { path: '/posts/c/', template: 'post', with: '/posts/a/', because: 'shared-files' as const },
      { path: '/posts/hidden/', template: 'post', with: '/posts/a/', because: 'shared-files' as const },
      { path: '/tags/windows/', template: 'tag', with: '/tags/seo/', because: 'shared-files' as const },
    ]);
  });

  it('audits a page itself when a file only it loads changed (an image), even if others of its template share a CSS change', () => {
    const pages = edited((each) => {
      const deps = { ...each.inputs.deps, 'BaseLayout.css': 'css-2', ...(each.path === '/posts/c/' ? { 'photo.webp': 'img-2' } : {}) };
      return each.template === 'post' ? { ...each, inputs: { ...each.inputs, deps } } : undefined;
    });
    const selection = select({ pages });
    expect(audited(selection)).toEqual([
      ['/posts/a/', 'shared-change'],
      ['/posts/c/', 'shared-change'],
    ]);
    expect(selection.shared.map((each) => [each.path, each.with])).toEqual([
      ['/posts/b/', '/posts/a/'],
      ['/posts/hidden/', '/posts/a/'],
    ]);
  });

  it('lets a post audited for its own edit stand for its template when it loads the same changed CSS', () => {
    const pages = edited((each) => {
      if (each.template !== 'post') return undefined;
      const inputs = { ...each.inputs, deps: { ...each.inputs.deps, 'BaseLayout.css': 'css-2' } };
      return { ...each, inputs: each.path === '/posts/b/' ? { ...inputs, htmlHash: 'edited' } : inputs };
    });
    const selection = select({ pages });
    expect(audited(selection)).toEqual([['/posts/b/', 'changed']]);
    expect(selection.shared.map((each) => [each.path, each.with])).toEqual([
      ['/posts/a/', '/posts/b/'],
      ['/posts/c/', '/posts/b/'],
      ['/posts/hidden/', '/posts/b/'],
    ]);
  });

  it('prefers an indexable page to stand for its template, so every check applies to it', () => {
    const pages = edited((each) => (each.template === 'post' ? { ...each, inputs: { ...each.inputs, headersHash: 'headers-2' } } : undefined)).map((each) =>
      each.path === '/posts/a/' ? { ...each, indexable: false } : each,
    );
    expect(audited(select({ pages }))).toEqual([['/posts/b/', 'shared-change']]);
  });

  it('audits again a page whose last audit did not meet its budgets', () => {
    const cache = auditedOnce(site);
    cache['/about/'] = { ...cache['/about/']!, passed: false };
    expect(audited(select({ cache }))).toEqual([['/about/', 'retry']]);
  });

  it('audits every page with --all, and the always-audited pages on every run', () => {
    expect(select({ all: true }).pages).toHaveLength(site.length);
    expect(new Set(select({ all: true }).pages.map((each) => each.reason))).toEqual(new Set(['all']));
    const selection = select({ alwaysAudit: ['/posts/b/', '/posts/gone/'] });
    expect(audited(selection)).toEqual([['/posts/b/', 'always']]);
    expect(selection.missingAlways).toEqual(['/posts/gone/']);
  });

  it('with --since, audits the posts whose sources changed, and one page per template when shared sources did', () => {
    expect(audited(select({ since: { paths: new Set(['/posts/c/']), sharedSourcesChanged: false } }))).toEqual([['/posts/c/', 'since']]);
    const selection = select({ since: { paths: new Set(['/posts/c/']), sharedSourcesChanged: true } });
    expect(audited(selection)).toEqual([
      ['/', 'since'],
      ['/page/2/', 'since'],
      ['/posts/c/', 'since'],
      ['/tags/', 'since'],
      ['/tags/seo/', 'since'],
      ['/about/', 'since'],
      ['/404.html', 'since'],
    ]);
    expect(selection.shared.filter((each) => each.template === 'post').map((each) => each.with)).toEqual(['/posts/c/', '/posts/c/', '/posts/c/']);
  });

  it('with --since, still audits a page never audited or whose last audit missed', () => {
    const cache = auditedOnce(site.filter((each) => each.path !== '/about/'));
    cache['/tags/'] = { ...cache['/tags/']!, passed: false };
    expect(audited(select({ cache, since: { paths: new Set(), sharedSourcesChanged: false } }))).toEqual([
      ['/tags/', 'retry'],
      ['/about/', 'new'],
    ]);
  });

  it('defers changed pages over audit.maxChangedPages to the next run, covering each template first', () => {
    const selection = select({ cache: {}, maxChangedPages: 3 });
    expect(selection.pages.map((each) => each.template)).toEqual(['home', 'list', 'post']);
    expect(selection.deferred).toHaveLength(site.length - 3);
    expect(new Set(selection.deferred.map((each) => each.why))).toEqual(new Set(['max-changed-pages']));
  });

  it('splits the pages across shards so that together they audit each exactly once', () => {
    const all = select({ cache: {} }).pages.map((each) => each.path);
    const shards = [1, 2, 3].map((index) => select({ cache: {}, shard: { index, count: 3 } }));
    expect(shards.flatMap((shard) => shard.pages.map((each) => each.path)).sort()).toEqual([...all].sort());
    expect(shards.map((shard) => shard.otherShards)).toEqual(shards.map((shard) => all.length - shard.pages.length));
  });

  it('gives every shard the same plan, the one run’s page list, which a merge checks the shards share', () => {
    const one = select({ cache: {} });
    const shards = [1, 2, 3].map((index) => select({ cache: {}, shard: { index, count: 3 } }));
    expect(one.plan).toEqual(one.pages.map((each) => each.path));
    for (const shard of shards) expect(shard.plan).toEqual(one.plan);
    // Shards that read different caches plan different lists.
    expect(select({ cache: auditedOnce(site.slice(0, 3)), shard: { index: 1, count: 3 } }).plan).not.toEqual(one.plan);
  });

  it('stops at --max-pages on this machine, saying which pages wait', () => {
    const selection = select({ cache: {}, maxPages: 2 });
    expect(selection.pages).toHaveLength(2);
    expect(selection.deferred.filter((each) => each.why === 'max-pages')).toHaveLength(site.length - 2);
  });
});

describe('choosing the pages to time', () => {
  const chosen = select({ cache: {} }).pages;

  it('times the first audited page of each template by default', () => {
    expect(timedPagesOf(chosen, 'per-template').map((each) => each.path)).toEqual(['/', '/page/2/', '/posts/a/', '/tags/', '/tags/seo/', '/about/', '/404.html']);
  });

  it('times every audited page, or none, when asked', () => {
    expect(timedPagesOf(chosen, 'all')).toHaveLength(chosen.length);
    expect(timedPagesOf(chosen, 'none')).toEqual([]);
  });
});
