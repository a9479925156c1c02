// Small built sites held in memory, for testing the SEO lint's rules one at a time. `page()` writes a
// page that meets every rule, following the head-tag contract of the SEO core (canonical, Open Graph,
// Twitter, one JSON-LD @graph), so a test changes only the one thing it is about.
import { loadSite } from '../../src/seo/lint/load-dist.ts';
import type { LintLevels, LintRuleId } from '../../src/seo/lint/rule-ids.ts';
import { RULES_BY_ID } from '../../src/seo/lint/rules/index.ts';
import { lintSite } from '../../src/seo/lint/run.ts';
import type { Finding, LintRule, PostSource } from '../../src/seo/lint/types.ts';
import { absoluteUrl, routeOutputFile, type RoutePath, type UrlPolicy } from '../../src/seo/urls.ts';

export const SITE = 'https://blog.example/';
export const POLICY: UrlPolicy = { site: SITE, trailingSlash: 'always', format: 'directory' };
export const url = (route: RoutePath) => absoluteUrl(route, POLICY);

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface PageOptions {
  /** The page's route; also decides its file in dist/ (see `file`). */
  route?: RoutePath;
  template?: string;
  title?: string;
  description?: string;
  /** Head tags to leave out, by key: "title", "description", "canonical", "robots", "og:title", …, "jsonld". */
  omit?: string[];
  /** Head tags to replace, by the same keys, with raw HTML. */
  replace?: Record<string, string>;
  /** Extra HTML at the end of <head>. */
  head?: string;
  /** The content of <main> after the h1 (and, on posts, the dates). */
  body?: string;
  /** Replaces the whole content of <main>. */
  main?: string;
  lang?: string | null;
  noindex?: boolean;
  published?: string;
  modified?: string;
}

/** A complete page that passes every page rule unless the options say otherwise. */
export function page(options: PageOptions = {}): string {
  const route = options.route ?? '/posts/a-post/';
  const template = options.template ?? (route.startsWith('/posts/') ? 'post' : 'home');
  const isPost = template === 'post';
  const title = options.title ?? 'A page about checking what a built site tells search engines';
  const description =
    options.description ?? `What ${route} covers, in one sentence long enough for a search result and short enough not to be cut.`;
  const own = url(route);
  const published = options.published ?? '2026-03-10T00:00:00+00:00';
  const modified = options.modified;
  const graph: Record<string, unknown>[] = [
    { '@type': 'WebSite', '@id': `${SITE}#website`, url: SITE, name: 'Example Blog', publisher: { '@id': `${SITE}#publisher` } },
    { '@type': 'Organization', '@id': `${SITE}#publisher`, name: 'Example Ltd', logo: `${SITE}logo.png` },
  ];
  if (isPost) {
    graph.push({
      '@type': 'BlogPosting',
      headline: title,
      description,
      image: `${SITE}og/card.png`,
      datePublished: published,
      dateModified: modified ?? published,
      author: { '@type': 'Person', name: 'Ann Author' },
      publisher: { '@id': `${SITE}#publisher` },
      mainEntityOfPage: own,
      keywords: ['Testing'],
      wordCount: 12,
      inLanguage: 'en-GB',
    });
  }
  const tags: [string, string][] = [
    ['charset', '<meta charset="utf-8">'],
    ['title', `<title>${escape(title)}</title>`],
    ['description', `<meta name="description" content="${escape(description)}">`],
    ['robots', options.noindex ? '<meta name="robots" content="noindex, follow">' : ''],
    ['canonical', `<link rel="canonical" href="${own}">`],
    ['og:title', `<meta property="og:title" content="${escape(title)}">`],
    ['og:type', `<meta property="og:type" content="${isPost ? 'article' : 'website'}">`],
    ['og:url', `<meta property="og:url" content="${own}">`],
    ['og:image', `<meta property="og:image" content="${SITE}og/card.png">`],
    ['og:image:width', '<meta property="og:image:width" content="1200">'],
    ['og:image:height', '<meta property="og:image:height" content="630">'],
    ['og:image:alt', '<meta property="og:image:alt" content="The title on a plain card">'],
    ['og:description', `<meta property="og:description" content="${escape(description)}">`],
    ['og:site_name', '<meta property="og:site_name" content="Example Blog">'],
    ['og:locale', '<meta property="og:locale" content="en_GB">'],
    ['article:published_time', isPost ? `<meta property="article:published_time" content="${published}">` : ''],
    ['twitter:card', '<meta name="twitter:card" content="summary_large_image">'],
    ['twitter:site', '<meta name="twitter:site" content="@example">'],
    ['twitter:image:alt', '<meta name="twitter:image:alt" content="The title on a plain card">'],
    ['feed', `<link rel="alternate" type="application/rss+xml" title="Example Blog" href="${SITE}rss.xml">`],
    ['jsonld', `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script>`],
  ];
  const head = tags
    .filter(([key]) => !options.omit?.includes(key))
    .map(([key, html]) => options.replace?.[key] ?? html)
    .join('');
  const dates = isPost
    ? `<p>Published <time datetime="${published}" data-date="published">10 March 2026</time>${
        modified ? ` Updated <time datetime="${modified}" data-date="modified">later</time>` : ''
      }</p>`
    : '';
  const main = options.main ?? `<h1>${escape(title)}</h1>${dates}${options.body ?? '<p>Some text with a <a href="/">link to the home page</a>.</p>'}`;
  const lang = options.lang === null ? '' : ` lang="${options.lang ?? 'en-GB'}"`;
  return `<!doctype html><html${lang}><head>${head}${options.head ?? ''}</head><body data-template="${template}"><main>${main}</main></body></html>`;
}

/** Just the header of a PNG of the given size: all the lint reads of an image. */
export function pngOfSize(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

export type SiteFiles = Record<string, string | Uint8Array>;

export function sitemapOf(urls: readonly string[]): SiteFiles {
  return {
    'sitemap-index.xml': `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${SITE}sitemap-0.xml</loc></sitemap></sitemapindex>`,
    'sitemap-0.xml': `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((each) => `<url><loc>${each}</loc></url>`).join('')}</urlset>`,
  };
}

export function feedOf(links: readonly string[]): string {
  const items = links.map((link) => `<item><title>A post</title><link>${link}</link><guid isPermaLink="true">${link}</guid></item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Example Blog</title><link>${SITE}</link><description>Posts</description><atom:link href="${SITE}rss.xml" rel="self" type="application/rss+xml"/>${items}</channel></rss>`;
}

/** An llms.txt listing these links under "## Posts". */
export function llmsTxtOf(links: readonly string[]): string {
  return `# Example Blog\n\n> Posts about checking built sites.\n\n## Posts\n\n${links.map((link) => `- [A post](${link}): what it covers`).join('\n')}\n`;
}

/**
 * A whole site around some pages: a home page linking every post, a sitemap of the indexable pages,
 * robots.txt naming it, a feed and an llms.txt of the posts, and the social card image. `pages` maps
 * routes to HTML.
 */
export function site(pages: Partial<Record<RoutePath, string>>, extra: SiteFiles = {}): SiteFiles {
  const routes = Object.keys(pages) as RoutePath[];
  const posts = routes.filter((route) => route.startsWith('/posts/'));
  const home = pages['/'] ?? page({ route: '/', body: `<ul>${posts.map((route) => `<li><a href="${route}">A post at ${route}</a></li>`).join('')}</ul>` });
  const all: Partial<Record<RoutePath, string>> = { '/': home, ...pages };
  const files: SiteFiles = {};
  for (const [route, html] of Object.entries(all)) files[routeOutputFile(route as RoutePath, POLICY.format)] = html!;
  const indexable = Object.entries(all)
    .filter(([, html]) => !html!.includes('noindex'))
    .map(([route]) => url(route as RoutePath));
  return {
    ...files,
    ...sitemapOf(indexable),
    'robots.txt': `User-agent: *\nAllow: /\n\nSitemap: ${SITE}sitemap-index.xml\n`,
    'rss.xml': feedOf(posts.filter((route) => !all[route]!.includes('noindex')).map((route) => url(route))),
    'llms.txt': llmsTxtOf(posts.filter((route) => !all[route]!.includes('noindex')).map((route) => url(route))),
    'og/card.png': pngOfSize(1200, 630),
    ...extra,
  };
}

export interface LintOptions {
  /** Only these rules (all by default). */
  rules?: LintRuleId[];
  levels?: LintLevels;
  /** Posts behind page routes. */
  sources?: Partial<Record<RoutePath, Partial<PostSource>>>;
  twitter?: boolean;
}

const encoder = new TextEncoder();

export function lintFiles(files: SiteFiles, options: LintOptions = {}): Finding[] {
  const input = loadSite(
    {
      files: Object.keys(files),
      read: (file) => {
        const contents = files[file]!;
        return typeof contents === 'string' ? encoder.encode(contents) : contents;
      },
    },
    POLICY,
  );
  const sources = new Map(
    Object.entries(options.sources ?? {}).map(([route, source]) => [
      url(route as RoutePath),
      { file: `content/posts${route.slice('/posts'.length, -1)}.md`, levels: {}, canonical: undefined, text: '', ...source },
    ]),
  );
  const rules = options.rules?.map((id) => RULES_BY_ID.get(id)).filter((rule): rule is LintRule => rule !== undefined);
  return lintSite(input, {
    policy: POLICY,
    language: 'en-GB',
    twitter: options.twitter ?? true,
    thresholds: { titleMaxPixels: 600, descriptionMinLength: 70, descriptionMaxLength: 160 },
    levels: options.levels ?? {},
    sources,
    ...(rules ? { rules } : {}),
  });
}

/** The findings of one rule alone on a site. */
export function findingsOf(rule: LintRuleId, files: SiteFiles, options: Omit<LintOptions, 'rules'> = {}): Finding[] {
  return lintFiles(files, { ...options, rules: [rule] });
}

/** Findings as [where, level, message]: the page's path ("/posts/a/") or the file ("robots.txt"). */
export function brief(findings: readonly Finding[]): [string, string, string][] {
  return findings.map((finding) => [finding.page.startsWith(SITE) ? `/${finding.page.slice(SITE.length)}` : finding.page, finding.level, finding.message]);
}
