import { describe, expect, it } from 'vitest';
import { page, POLICY, SITE, site, type SiteFiles, url } from '../../../tests/helpers/lint-site.ts';
import { loadSite } from '../lint/load-dist.ts';
import type { LintInput } from '../lint/run.ts';
import type { Finding } from '../lint/types.ts';
import { escapeHtml, hrefOf } from './html.ts';
import { imagesToCopy, pageSlugs, renderReport, type ReportInput } from './render-report.ts';
import { seriesOf } from './score-history.ts';
import { siteFactsOf } from './seo-facts.ts';

const encoder = new TextEncoder();

function loaded(files: SiteFiles): LintInput {
  return loadSite(
    {
      files: Object.keys(files),
      read: (file) => {
        const contents = files[file]!;
        return typeof contents === 'string' ? encoder.encode(contents) : contents;
      },
    },
    POLICY,
  );
}

function input(files: SiteFiles, overrides: Partial<ReportInput> = {}): ReportInput {
  const site = loaded(files);
  return {
    site: { title: 'Example Blog', url: SITE },
    generatedAt: '2026-06-01T10:00:00.000Z',
    pages: site.pages,
    current: siteFactsOf(site),
    previous: undefined,
    findings: [],
    history: undefined,
    budgets: {},
    images: imagesToCopy(site, POLICY),
    ...overrides,
  };
}

const fileOf = (report: ReturnType<typeof renderReport>, path: string) => {
  const file = report.files.find((each) => each.path === path);
  if (!file) throw new Error(`no ${path} in ${report.files.map((each) => each.path).join(', ')}`);
  return file.text;
};

describe('escapeHtml', () => {
  it.each([
    { text: 'Fish & chips', html: 'Fish &amp; chips' },
    { text: '</title><script>alert(1)</script>', html: '&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;' },
    { text: '" onmouseover="alert(1)', html: '&quot; onmouseover=&quot;alert(1)' },
    { text: "it's", html: 'it&#39;s' },
    { text: '&amp; already escaped', html: '&amp;amp; already escaped' },
    { text: 'Ünïcödé 🌫️ stays', html: 'Ünïcödé 🌫️ stays' },
  ])('writes $text as $html', ({ text, html }) => {
    expect(escapeHtml(text)).toBe(html);
  });

  it('encodes each segment of a report link and keeps ../', () => {
    expect(hrefOf('../images/og/caf\u00e9 "x".png')).toBe('../images/og/caf%C3%A9%20%22x%22.png');
  });
});

describe('pageSlugs: one file name per page', () => {
  it.each([
    { urls: [url('/')], slugs: ['home'] },
    { urls: [url('/posts/a-post/')], slugs: ['posts_a-post'] },
    { urls: [url('/about.html')], slugs: ['about'] },
    { urls: ['https://blog.example/posts/caf%C3%A9/'], slugs: ['posts_café'] },
    { urls: [url('/a-b/'), url('/a/b/'), 'https://blog.example/a_b/'], slugs: ['a-b', 'a_b', 'a-b-2'] },
    { urls: [url('/posts/x/'), url('/posts/X/')], slugs: ['posts_x', 'posts_X-2'] },
  ])('$urls → $slugs', ({ urls, slugs }) => {
    expect([...pageSlugs(urls).values()]).toEqual(slugs);
  });
});

describe('renderReport: text from the pages is never markup', () => {
  const hostile = '</title><script>alert(1)</script> & "quotes"';
  const files = site({
    '/posts/hostile/': page({ route: '/posts/hostile/', title: hostile, description: `"><img src=x onerror=alert(1)> ${'long '.repeat(30)}` }),
  });
  const finding: Finding = { rule: 'title-width', level: 'warn', page: url('/posts/hostile/'), message: `The title ${hostile} is too wide`, fix: 'Shorten <b>it</b>', source: undefined };
  const report = renderReport(input(files, { findings: [finding] }));

  it.each(['index.html', 'pages/posts_hostile.html'])('%s has no inline script, no injected element and no inline style', (path) => {
    const html = fileOf(report, path);
    expect(html.replace('<script src="report.js" defer></script>', '')).not.toMatch(/<script|<img src=x|onerror=alert\(1\)>|<b>it|style=/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('loads nothing from the network: every stylesheet and image is a relative file', () => {
    for (const { text } of report.files) {
      for (const [, src] of text.matchAll(/<(?:img|link)\b[^>]*?(?:src|href)="([^"]*)"/g)) expect(src).not.toMatch(/^(https?:)?\/\//);
    }
  });
});

describe('renderReport: a page', () => {
  const files = site({
    '/posts/a-post/': page({ route: '/posts/a-post/', title: 'Reading the colour of the sky over a big city, one evening at a time, for years' }),
  });
  const finding: Finding = { rule: 'title-width', level: 'warn', page: url('/posts/a-post/'), message: 'The title is 720 px wide; Google cuts it at 600 px.', fix: 'Shorten the title in content/posts/a-post.md.', source: 'content/posts/a-post.md:2' };
  const report = renderReport(input(files, { findings: [finding] }));
  const html = fileOf(report, 'pages/posts_a-post.html');

  it('shows Google desktop and mobile, then the lint finding with its fix, before the social previews', () => {
    const order = ['<h3>Desktop</h3>', '<h3>Mobile</h3>', finding.message, `<strong>Fix:</strong> ${finding.fix}`, 'When shared'].map((text) => html.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('Title cut:');
  });

  it('shows the real og:image from the report’s own copy in all three social previews', () => {
    expect(report.files.map((file) => file.path)).toContain('pages/posts_a-post.html');
    expect(imagesToCopy(loaded(files), POLICY).get(`${SITE}og/card.png`)).toMatchObject({ file: 'og/card.png', href: 'images/og/card.png', size: { width: 1200, height: 630 } });
    expect(html.match(/<img class="card-image[^"]*" src="..\/images\/og\/card.png"/g)).toHaveLength(3);
    for (const network of ['X (summary_large_image)', 'Facebook and LinkedIn', 'Slack and Discord']) expect(html).toContain(`<h3>${network}</h3>`);
  });

  it('says a noindex page is not in results, and why', () => {
    const hidden = renderReport(input(site({ '/posts/hidden/': page({ route: '/posts/hidden/', noindex: true }) })));
    expect(fileOf(hidden, 'pages/posts_hidden.html')).toMatch(/Not in results<\/span> It says noindex/);
  });
});

describe('renderReport: what changed, risks first', () => {
  const before = site({
    '/posts/a/': page({ route: '/posts/a/', title: 'A post about fog' }),
    '/posts/b/': page({ route: '/posts/b/', title: 'A post about smog' }),
  });
  const after = site({
    '/posts/a/': page({ route: '/posts/a/', title: 'A post about fog, reworded' }),
    '/posts/b/': page({ route: '/posts/b/', title: 'A post about smog', noindex: true }),
    '/posts/c/': page({ route: '/posts/c/', title: 'A new post' }),
  });
  const report = renderReport(input(after, { previous: siteFactsOf(loaded(before)) }));
  const index = fileOf(report, 'index.html');
  const badges = [...index.matchAll(/<li class="change change-(\w+)">.*?<a href="([^"]+)"/g)].map(([, severity, href]) => `${severity} ${href}`);

  it('lists the risk (a post turned noindex) first, then notable, then info, each linking to its page', () => {
    expect(badges[0]).toBe('risk pages/posts_b.html');
    expect(badges).toContain('notable pages/posts_a.html');
    expect(badges.at(-1)).toMatch(/^info /);
    expect(report.risks).toBe(1);
  });

  it('puts the changes above the pages and says how many are risky', () => {
    expect(index.indexOf('What changed since the last build')).toBeLessThan(index.indexOf('<h2 id="pages-title">'));
    expect(index).toMatch(/1 risky change, /);
  });
});

describe('renderReport: the pages table', () => {
  const files = site({
    '/posts/a/': page({ route: '/posts/a/', head: '<meta property="article:tag" content="Fog &amp; smog"><meta property="article:tag" content="City">' }),
    '/tags/city/': page({ route: '/tags/city/', template: 'tag' }),
  });
  const finding: Finding = { rule: 'title-width', level: 'warn', page: url('/posts/a/'), message: 'Too wide.', fix: 'Shorten it.', source: undefined };
  const index = fileOf(renderReport(input(files, { findings: [finding] })), 'index.html');

  it('tags each row with its template, tags and lint rules, for the filters', () => {
    expect(index).toContain('<tr data-template="post" data-tags="[&quot;Fog &amp; smog&quot;,&quot;City&quot;]" data-rules="title-width">');
    expect(index).toContain('<tr data-template="tag" data-tags="[]" data-rules="">');
  });

  it('offers each template, tag and rule once, sorted, in a form hidden until the script shows it', () => {
    expect(index).toContain('<form class="filters" id="filters" hidden');
    expect(index).toContain('<select id="filter-template" name="template"><option value="">All</option><option value="home">home</option><option value="post">post</option><option value="tag">tag</option></select>');
    expect(index).toContain('<select id="filter-tag" name="tag"><option value="">All</option><option value="City">City</option><option value="Fog &amp; smog">Fog &amp; smog</option></select>');
    expect(index).toContain('<option value="*">Any finding</option><option value="title-width">title-width</option>');
  });
});

describe('renderReport: empty states', () => {
  const report = renderReport(input(site({ '/posts/a/': page({ route: '/posts/a/' }) })));
  const index = fileOf(report, 'index.html');

  it.each([
    { state: 'no previous build', text: 'No previous build to compare with' },
    { state: 'no Lighthouse history', text: 'No Lighthouse history yet' },
    { state: 'no lint findings', text: '0 errors, 0 warnings' },
  ])('says so when there is $state', ({ text }) => {
    expect(index).toContain(text);
  });

  it('says a page was not audited when the history has none of it', () => {
    expect(fileOf(report, 'pages/posts_a.html')).toContain('This page has not been audited yet');
  });

  it('writes one page per URL, the index and the stylesheet, and nothing for the 404 page', () => {
    const withNotFound = renderReport(input(site({ '/posts/a/': page({ route: '/posts/a/' }) }, { '404.html': page({ route: '/404/', template: 'not-found', noindex: true }) })));
    expect(withNotFound.files.map((file) => file.path).sort()).toEqual(['index.html', 'pages/home.html', 'pages/posts_a.html', 'report.css', 'report.js']);
  });
});

describe('renderReport: scores over time', () => {
  const run = (at: string, performance: number) =>
    JSON.stringify({ at, target: 'dist', preset: 'mobile', passed: performance >= 90, runDir: `runs/${at}`, pages: { '/posts/a/': { performance, accessibility: 100, 'best-practices': 100, seo: 100 } }, facts: { '/posts/a/': { lcpMs: 1800, cls: 0, tbtMs: 10, bytes: 90_000 } } });
  const history = seriesOf([run('2026-05-01T10:00:00Z', 95), run('2026-05-20T10:00:00Z', 82)].join('\n'), { target: 'dist', preset: 'mobile' });
  const report = renderReport(input(site({ '/posts/a/': page({ route: '/posts/a/' }) }), { history, budgets: { performance: { value: 90, level: 'error', better: 'higher' } } }));

  it.each(['index.html', 'pages/posts_a.html'])('%s draws a chart per metric, each with a table of the same runs', (path) => {
    const html = fileOf(report, path);
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(8);
    expect(html).toContain('<caption>Performance, ');
    expect(html).toMatch(/<th scope="row">2026-05-20 10:00<\/th><td>82<\/td><td>no<\/td>/);
  });

  it('names the slowest pages and the last audit in the summary', () => {
    const index = fileOf(report, 'index.html');
    expect(index).toContain('/posts/a/: 1,800 ms');
    expect(index).toContain('2026-05-20 10:00 UTC, some budgets missed');
  });
});
