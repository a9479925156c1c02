// The site as shipped: the project's own content/ built like `npm run build` does.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { LintReport } from '../../src/seo/lint/report.ts';
import { PROJECT_CONTENT_BUILD_DATE, runFixtureBuild } from '../helpers/fixture-site.ts';
import { copyOfSharedSite, sharedSite } from '../helpers/shared-sites.ts';
import { parsePage } from '../helpers/html.ts';
import { checkHtmlFiles, describeNuMessage, isCspNote } from '../helpers/nu-checker.ts';

const ADVISORY = 'posts/windows-firewall-blocked-netsession-win-exe/index.html';

describe('the default site', () => {
  // Built once for the run by the global setup (tests/helpers/shared-sites.ts), as npm run build builds it.
  const build = sharedSite('default');

  const postPages = () => build.files().filter((path) => /^posts\/[^/]+\/index\.html$/.test(path));
  /** The feed's items in order: each post's path and the date a reader cares about (its update, else its publication). */
  const feedItems = () =>
    [...build.read('rss.xml').matchAll(/<item>[^]*?<\/item>/g)].map(([item]) => ({
      path: new URL(/<link>([^<]+)<\/link>/.exec(item)![1]!).pathname,
      freshness: new Date(/<atom:updated>([^<]+)<\/atom:updated>/.exec(item)?.[1] ?? /<pubDate>([^<]+)<\/pubDate>/.exec(item)![1]!).getTime(),
    }));

  it('publishes the advisory post and at least five more posts', () => {
    expect(postPages()).toContain(ADVISORY);
    expect(postPages().length).toBeGreaterThanOrEqual(6);
  });

  it('builds home, pagination, tag index and tag pages, archive, about, feed and 404', () => {
    for (const page of ['index.html', 'page/2/index.html', 'tags/index.html', 'tags/seo/index.html', 'archive/index.html', 'about/index.html', 'rss.xml', '404.html']) {
      expect(build.exists(page), page).toBe(true);
    }
  });

  it('answers the netsession_win.exe question with an illustrated, dated article', () => {
    const html = build.read(ADVISORY);
    expect(html).toMatch(/<h1[^>]*>netsession_win\.exe blocked by Windows Firewall\?<\/h1>/);
    expect(html).toContain('Akamai');
    expect(html).toContain('AppData\\Local\\Akamai');
    expect(html).toMatch(/<img[^>]+alt="Illustration of a Windows Security Alert[^"]+"[^>]*>/);
    expect(html).toMatch(/<img(?=[^>]+width="\d+")(?=[^>]+height="\d+")[^>]*firewall-alert[^>]*>/);
    expect(html).toContain('Updated <time datetime="2026-12-02T00:00:00+00:00" data-date="modified">2 December 2026</time>');
    expect(html).toMatch(/\d+ min read/);
    expect(html).toContain('On this page');
  });

  it('keeps the calls to action as site features: follow on X everywhere, the SEO note where the post allows it', () => {
    const advisory = build.read(ADVISORY);
    expect(advisory).toContain('href="https://x.com/intent/follow?screen_name=urbanhaze"');
    // A reader worried about malware is not sold to: the advisory sets promo: false.
    expect(advisory).not.toContain('ask us about search engine optimisation');
    const withNote = postPages().filter((path) => build.read(path).includes('ask us about search engine optimisation'));
    expect(withNote).toEqual(postPages().filter((path) => path !== ADVISORY));
  });

  it('never publishes the draft', () => {
    const leaks = build.files().filter((path) => /\.(html|xml|txt|json)$/.test(path) && build.read(path).includes('tritium backup rotation'));
    expect(leaks).toEqual([]);
    expect(build.files().filter((path) => path.includes('photo-library-backup-strategy'))).toEqual([]);
  });

  it('gives every page one h1, a language, a skip link and a main landmark', () => {
    for (const path of build.files().filter((file) => file.endsWith('.html'))) {
      const html = build.read(path);
      expect(html.match(/<h1[\s>]/g), path).toHaveLength(1);
      expect(html, path).toContain('<html lang="en-GB"');
      expect(html, path).toContain('<a class="skip-link" href="#main">');
      expect(html, path).toContain('<main id="main"');
    }
  });

  it('is valid HTML: the W3C Nu checker finds no error and no warning on any page', () => {
    const pages = build.files().filter((path) => path.endsWith('.html'));
    const messages = checkHtmlFiles(pages.map((path) => join(build.dist, path)));
    expect(messages.filter((message) => !isCspNote(message)).map((message) => describeNuMessage(message, build.dist))).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  it('gives every sitemap URL a lastmod from its content, a list page its newest post’s, none after the build', () => {
    const parsed = new XMLParser().parse(build.read('sitemap-0.xml')) as { urlset: { url: { loc: string; lastmod?: string }[] } };
    const entries = parsed.urlset.url;
    expect(entries.filter((entry) => entry.lastmod === undefined).map((entry) => entry.loc)).toEqual([]);
    expect(entries.filter((entry) => entry.lastmod! > `${PROJECT_CONTENT_BUILD_DATE}T00:00:00.000Z`).map((entry) => `${entry.loc} ${entry.lastmod}`)).toEqual([]);
    const lastmod = (path: string) => entries.find((entry) => entry.loc === `https://urban-haze.example${path}`)?.lastmod;
    // The home page shows the five freshest posts, first among them the advisory (first published in 2011,
    // updated 2 December), which is why it leads the list.
    expect(lastmod('/')).toBe('2026-12-02T00:00:00.000Z');
    // The archive lists every post, among them the advisory (first published in 2011, updated 2 December).
    expect(lastmod('/archive/')).toBe('2026-12-02T00:00:00.000Z');
  });

  it('passes the SEO lint with no errors, and the build prints its summary', () => {
    expect(build.output).toMatch(/SEO lint: \d+ pages, [^\n]* checked in \d+ ms: (no problems|\d+ warnings? on)/);
    const report = JSON.parse(readFileSync(join(build.directory, 'reports/seo-lint.json'), 'utf8')) as LintReport;
    expect(report.findings.filter((finding) => finding.level === 'error')).toEqual([]);
    expect(report.pages).toBe(build.files().filter((path) => path.endsWith('.html')).length);
    expect(report.files).toEqual(expect.arrayContaining(['sitemap-index.xml', 'robots.txt', 'rss.xml']));
  });

  it('builds with no network at all: comments, the follow button and fonts are never fetched at build time', async () => {
    const copy = copyOfSharedSite('default');
    try {
      rmSync(join(copy.directory, '.astro-cache'), { recursive: true, force: true });
      rmSync(copy.dist, { recursive: true, force: true });
      const offline = await runFixtureBuild(copy.directory, { BUILD_DATE: PROJECT_CONTENT_BUILD_DATE }, { withoutNetwork: true });
      expect(offline.output).toMatch(/og-images\] (\d+) cards: \1 rendered/);
      expect(offline.exitCode, offline.output).toBe(0);
      expect(copy.exists(ADVISORY)).toBe(true);
    } finally {
      copy.cleanup();
    }
  });

  describe('list order: freshest first, the archive by publication', () => {
    const ADVISORY_URL = '/posts/windows-firewall-blocked-netsession-win-exe/';
    const postLinks = (path: string) => [...build.read(path).matchAll(/href="(\/posts\/[^"]+\/)"/g)].map((match) => match[1]!);

    it('pins the advisory, published in 2011 and updated on 2 December 2026, first on the home page', () => {
      expect(postLinks('index.html')[0]).toBe(ADVISORY_URL);
    });

    it('orders the feed by each post’s last update, so the advisory is near the top, dated both ways', () => {
      const items = feedItems();
      expect(items.length).toBeGreaterThanOrEqual(6);
      expect(items.map((item) => item.freshness)).toEqual(items.map((item) => item.freshness).sort((a, b) => b - a));
      // Two posts were updated on 2 December; the tie goes to the later publication, shooting-raw-vs-jpeg.
      expect(items.slice(0, 2).map((item) => item.path)).toEqual(['/posts/shooting-raw-vs-jpeg/', ADVISORY_URL]);
      expect(build.read('rss.xml')).toMatch(/<pubDate>Mon, 14 Mar 2011 00:00:00 GMT<\/pubDate>[^]*?<atom:updated>2026-12-02T00:00:00\+00:00<\/atom:updated>/);
    });

    it('keeps it last in the archive, under 2011, where its publication puts it', () => {
      const archive = build.read('archive/index.html');
      expect(postLinks('archive/index.html').at(-1)).toBe(ADVISORY_URL);
      expect(archive.indexOf('id="year-2011"')).toBeLessThan(archive.indexOf(ADVISORY_URL));
    });
  });

  it('links related posts and previous/next posts on post pages', () => {
    const html = build.read(ADVISORY);
    expect(html).toContain('Related posts');
    expect(html).toMatch(/rel="next"|rel="prev"/);
  });
  describe('owner text: the author, the About page and a useful 404', () => {
    const postLinks = (html: string) => [...html.matchAll(/href="(\/posts\/[^"#]+)"/g)].map((match) => match[1]);

    it('credits every post to a person, not to the site, with the organisation as publisher', () => {
      for (const path of postPages()) {
        const graph = (parsePage(build.read(path)).jsonLd()[0] as { '@graph': Record<string, unknown>[] })['@graph'];
        const article = graph.find((node) => node['@type'] === 'BlogPosting');
        expect(article?.['author'], path).toMatchObject({ '@type': 'Person', name: 'Nell Harrow', url: 'https://urban-haze.example/about/', image: 'https://urban-haze.example/avatar.svg' });
        expect(graph.find((node) => node['@id'] === 'https://urban-haze.example/#publisher'), path).toMatchObject({ '@type': 'Organization', name: 'Urban Haze' });
      }
    });

    it('introduces the editor on the About page, whose text is content/pages/about.md', () => {
      const about = build.read('about/index.html');
      expect(about).toContain('Urban Haze is edited by <strong>Nell Harrow</strong>.');
      expect(about).toMatch(/<img src="\/avatar\.svg" alt="[^"]+" loading="lazy" decoding="async" width="96" height="96">/);
    });

    it('gives a lost reader a search box sending ?q= to the search page, and the five freshest articles, as in the feed', () => {
      const notFound = build.read('404.html');
      expect(notFound).toMatch(/<form class="search-form[^"]*" role="search" action="\/search\/" method="get"/);
      expect(notFound).toMatch(/<input id="not-found-query" type="search" name="q"/);
      expect(postLinks(notFound)).toEqual(feedItems().slice(0, 5).map((item) => item.path));
    });

    it('keeps the 404 page noindex and out of the sitemap', () => {
      expect(parsePage(build.read('404.html')).metaByName('robots')).toEqual(['noindex, follow']);
      expect(build.read('sitemap-0.xml')).not.toMatch(/404/);
    });

    it('shows at most one follow button on any page: the footer’s', () => {
      for (const path of build.files().filter((file) => file.endsWith('.html'))) {
        const follows = build.read(path).match(/href="https:\/\/x\.com\/intent\/follow[^"]*"/g) ?? [];
        expect(follows.length, path).toBeLessThanOrEqual(1);
      }
    });
  });
});
