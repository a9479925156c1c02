// The SEO lint in a real build: defects the content schema allows are caught after `astro build`,
// named by page, rule, fix and source line, and errors fail the build.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/lib/files.ts';
import type { LintReport } from '../../src/seo/lint/report.ts';
import { buildFixture, post, PROJECT_ROOT, type BuildResult } from '../helpers/fixture-site.ts';
import { page, site, SITE, sitemapOf, url } from '../helpers/lint-site.ts';

const described = (what: string) => `"A fixture post about ${what}, with a description long enough for a search result."`;

const defects = {
  'clean.md': post({ title: '"A clean post that links to the others"', description: described('linking') }, 'Read [the broken-link post](/posts/broken-link/) next.'),
  'short-description.md': post({ title: '"A post with a short description"', description: '"Too short to help searchers."' }),
  'short-but-allowed.md': post(
    { title: '"A short description the author accepts"', description: '"Short on purpose."', lint: '{ "description-length": "off" }' },
  ),
  'twin-one.md': post({ title: '"Two posts, one title"', description: described('the first twin') }),
  'twin-two.md': post({ title: '"Two posts, one title"', description: described('the second twin') }),
  'broken-link.md': post({ title: '"A post with a broken link"', description: described('broken links') }, 'See [the post we never wrote](/posts/never-written/).'),
  // Kept out of lists, so its only tag gets no page: the post must not link to one (no links-internal error).
  'hidden.md': post({ title: '"A post kept out of search"', description: described('staying out of search'), noindex: 'true', tags: '["Hiddenonly"]' }),
  'skipped-heading.md': post(
    { title: '"A post that skips a heading level"', description: described('heading levels') },
    'Intro.\n\n## Section\n\n#### Too deep\n\nFor the rest, [click here](/posts/clean/).',
  ),
};

describe('a site with SEO defects the content schema allows', () => {
  let build: BuildResult;
  let report: LintReport;
  beforeAll(async () => {
    build = await buildFixture({ posts: defects });
    report = JSON.parse(readFileSync(join(build.directory, 'reports/seo-lint.json'), 'utf8')) as LintReport;
  });
  afterAll(() => build.cleanup());

  // As the owner sees it: relative to the project when the file is inside it.
  const source = (file: string, line: number) => `${displayPath(join(build.directory, 'content/posts', file), PROJECT_ROOT)}:${line}`;

  it('fails the build after printing the report and its summary', () => {
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toMatch(/\[urban-haze:seo-lint\] SEO lint: \d+ pages, sitemap-index\.xml, sitemap-0\.xml, robots\.txt, rss\.xml and llms\.txt checked in \d+ ms: 4 errors and \d+ warnings on \d+ pages\./);
    expect(build.output).toContain('Fix the errors listed above (each names the page, the rule and the fix)');
    expect(build.output).toMatch(/\/posts\/broken-link\/ {2}\(\S+broken-link\.md\)\n {2}error {2}links-internal/);
  });

  it('reports exactly the errors: the shared title, the broken link and the skipped heading level', () => {
    const errors = report.findings.filter((finding) => finding.level === 'error').map(({ rule, page, source: where }) => ({ rule, page, source: where }));
    expect(errors).toEqual([
      { rule: 'heading-order', page: 'https://urban-haze.example/posts/skipped-heading/', source: source('skipped-heading.md', 12) },
      { rule: 'title-unique', page: 'https://urban-haze.example/posts/twin-one/', source: source('twin-one.md', 2) },
      { rule: 'title-unique', page: 'https://urban-haze.example/posts/twin-two/', source: source('twin-two.md', 2) },
      { rule: 'links-internal', page: 'https://urban-haze.example/posts/broken-link/', source: source('broken-link.md', 8) },
    ]);
    expect(report.errors).toBe(4);
  });

  it('suggests the post’s opening words as a start for its description', () => {
    const finding = report.findings.find((each) => each.rule === 'description-length' && each.page.endsWith('/short-description/'));
    expect(finding?.fix).toContain('The post opens: "A short paragraph of body text for this fixture post."');
  });

  it('warns about the short description and the vague link text, but not where the post turned the rule off', () => {
    const postWarnings = report.findings
      .filter((finding) => finding.level === 'warn' && finding.page.includes('/posts/'))
      .map(({ rule, page, message }) => ({ rule, page, message }));
    expect(postWarnings).toEqual([
      {
        rule: 'description-length',
        page: 'https://urban-haze.example/posts/short-description/',
        message: 'The meta description has 28 characters, fewer than 70; search engines may replace it with text from the page.',
      },
      {
        rule: 'link-text',
        page: 'https://urban-haze.example/posts/skipped-heading/',
        message: 'The link "click here" to /posts/clean/ does not say where it leads.',
      },
    ]);
  });
});

describe('Markdown the build refuses', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildFixture({
      posts: {
        'no-alt/index.md': post({ title: '"An image without alt text"' }, 'Intro.\n\n![](./photo.svg)\n\nSee [a missing post](./missing.md).'),
        'no-alt/photo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
      },
    });
  });
  afterAll(() => build.cleanup());

  it('fails on an image without alt text and a link to a missing post, naming file and line', () => {
    const file = displayPath(join(build.directory, 'content/posts/no-alt/index.md'), PROJECT_ROOT);
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('The Markdown of a post needs fixing before it can be published:');
    expect(build.output).toContain(`${file}:10:1: the image "./photo.svg" has no alt text; describe what it shows`);
    expect(build.output).toContain(`${file}:12:5: the link to "./missing.md" points to a file that does not exist`);
  });
});

function runLintCli(args: string[], env: Record<string, string>): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/lint-seo.ts'), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, output }));
  });
}

describe('npm run lint:seo on a built site', () => {
  const directory = mkdtempSync(join(tmpdir(), 'urban-haze-lint-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  function writeSite(files: Record<string, string | Uint8Array>): string {
    const dist = join(directory, `dist-${Object.keys(files).length}`);
    for (const [path, contents] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), contents);
    }
    return dist;
  }

  const pages = {
    '/posts/open/': page({ route: '/posts/open/', title: 'An open post' }),
    '/posts/hidden/': page({ route: '/posts/hidden/', title: 'A hidden post', noindex: true }),
  } as const;
  const env = { SITE_URL: SITE, NO_COLOR: '1' };

  it('passes a correct site with exit code 0', async () => {
    const dist = writeSite(site(pages));
    const result = await runLintCli(['--dist', dist, '--content', join(directory, 'no-content'), '--json', join(directory, 'ok.json')], env);
    expect(result.output).toMatch(/SEO lint: 3 pages, sitemap-index\.xml, sitemap-0\.xml, robots\.txt, rss\.xml and llms\.txt checked in \d+ ms: no problems\./);
    expect(result.exitCode).toBe(0);
  });

  it('fails with exit code 1 on a noindex page listed in the sitemap, and writes the JSON report', async () => {
    const dist = writeSite({ ...site(pages), ...sitemapOf([url('/'), url('/posts/open/'), url('/posts/hidden/')]), 'extra.txt': '' });
    const json = join(directory, 'noindex.json');
    const result = await runLintCli(['--dist', dist, '--content', join(directory, 'no-content'), '--json', json], env);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('/posts/hidden/\n  error  sitemap-indexable-only  /posts/hidden/ is in the sitemap but is marked noindex.');
    const report = JSON.parse(readFileSync(json, 'utf8')) as LintReport;
    expect(report.findings.map(({ rule, level, page: where }) => [rule, level, where])).toEqual([
      ['sitemap-indexable-only', 'error', url('/posts/hidden/')],
    ]);
  });
});
