import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles, page, site, url } from '../../../tests/helpers/lint-site.ts';
import { readPageFacts } from './page-facts.ts';
import { LINT_RULE_IDS } from './rule-ids.ts';
import { LINT_RULES } from './rules/index.ts';
import { pageState } from './run.ts';

const posts = {
  '/posts/first/': page({ route: '/posts/first/', title: 'The first post, about reading a site as a crawler does', body: '<p>See <a href="/posts/second/#details">the details in the second post</a>.</p>' }),
  '/posts/second/': page({ route: '/posts/second/', title: 'The second post, with the details of the first', body: '<h2 id="details">Details</h2><p>Back to <a href="/posts/first/">the first post</a>.</p>' }),
  '/about/': page({ route: '/about/', template: 'about', title: 'About the example blog and the people who write it' }),
} as const;

describe('the rule table', () => {
  it('has one rule for every rule id, in the same order', () => {
    expect(LINT_RULES.map((rule) => rule.id)).toEqual([...LINT_RULE_IDS]);
  });

  it('proves every rule with its own passing and failing pages (a describe block per rule in rules/*.test.ts)', () => {
    const folder = join(import.meta.dirname, 'rules');
    const tests = readdirSync(folder)
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => readFileSync(join(folder, file), 'utf8'))
      .join('\n');
    expect(LINT_RULE_IDS.filter((id) => !tests.includes(`describe('${id}'`))).toEqual([]);
  });
});

describe('lintSite', () => {
  it('finds nothing wrong with a complete, correct site', () => {
    expect(lintFiles(site(posts))).toEqual([]);
  });

  const broken = site({ ...posts, '/posts/second/': page({ route: '/posts/second/', title: 'The second post, with the details of the first', omit: ['description'] }) });

  it('reports a finding at its rule’s default level, with the post file as its source', () => {
    expect(lintFiles(broken, { rules: ['description-present'], sources: { '/posts/second/': { text: '---\ntitle: "x"\n---\n' } } })).toEqual([
      {
        rule: 'description-present',
        level: 'error',
        page: url('/posts/second/'),
        message: 'The page has no <meta name="description">.',
        fix: 'Write a one- or two-sentence summary (description: in content/posts/second.md).',
        source: 'content/posts/second.md',
      },
    ]);
  });

  it('uses the level the site config sets, and skips rules set to off', () => {
    expect(lintFiles(broken, { rules: ['description-present'], levels: { 'description-present': 'warn' } })[0]?.level).toBe('warn');
    expect(lintFiles(broken, { rules: ['description-present'], levels: { 'description-present': 'off' } })).toEqual([]);
  });

  it('lets a post set the level for its own page only', () => {
    const twoBroken = site({
      '/posts/first/': page({ route: '/posts/first/', title: 'One', omit: ['description'] }),
      '/posts/second/': page({ route: '/posts/second/', title: 'Two', omit: ['description'] }),
    });
    const findings = lintFiles(twoBroken, {
      rules: ['description-present'],
      sources: { '/posts/first/': { levels: { 'description-present': 'off' } }, '/posts/second/': {} },
    });
    expect(findings.map((finding) => finding.page)).toEqual([url('/posts/second/')]);
    const turnedOn = lintFiles(twoBroken, {
      rules: ['description-present'],
      levels: { 'description-present': 'off' },
      sources: { '/posts/first/': { levels: { 'description-present': 'warn' } } },
    });
    expect(turnedOn.map((finding) => [finding.page, finding.level])).toEqual([[url('/posts/first/'), 'warn']]);
  });

  it('points a finding at the line of the Markdown source that causes it', () => {
    const files = site({ ...posts, '/posts/first/': page({ route: '/posts/first/', body: '<p><a href="/posts/missing/">A missing post</a></p>' }) });
    const text = '---\ntitle: "First"\n---\n\nIntro.\n\nSee [a missing post](/posts/missing/).\n';
    const [finding] = lintFiles(files, { rules: ['links-internal'], sources: { '/posts/first/': { text } } });
    expect(finding?.source).toBe('content/posts/first.md:7');
  });
});

describe('pageState', () => {
  it.each([
    { name: 'a normal page', html: page({ route: '/about/' }), file: 'about/index.html', state: { noindex: false, notFound: false, indexable: true } },
    { name: 'a noindex page', html: page({ route: '/about/', noindex: true }), file: 'about/index.html', state: { noindex: true, notFound: false, indexable: false } },
    { name: 'the 404 page', html: page({ route: '/404/', template: 'not-found' }), file: '404.html', state: { noindex: false, notFound: true, indexable: false } },
    {
      name: 'a page canonical to another URL',
      html: page({ route: '/about/', replace: { canonical: '<link rel="canonical" href="https://elsewhere.example/original/">' } }),
      file: 'about/index.html',
      state: { noindex: false, notFound: false, indexable: false },
    },
  ])('$name', ({ html, file, state }) => {
    expect(pageState(readPageFacts(html, file, url('/about/')))).toEqual(state);
  });
});
