// The sitemap lists exactly the pages that ask to be indexed, at the URL they call canonical,
// dated by their content. Those facts are read back from each built page's <head>, so the
// sitemap cannot disagree with the pages.
import { Parser } from 'htmlparser2';

export interface HeadFacts {
  canonical?: string;
  robots?: string;
  published?: string;
  modified?: string;
  ogImage?: string;
  ogTitle?: string;
}

/** Reads canonical, robots, article dates and the social image and title from a page's <head>. */
export function readHeadFacts(html: string): HeadFacts {
  const headEnd = html.indexOf('</head>');
  const facts: HeadFacts = {};
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'link' && attrs['rel'] === 'canonical' && attrs['href']) facts.canonical = attrs['href'];
      if (name !== 'meta' || attrs['content'] === undefined) return;
      if (attrs['name'] === 'robots') facts.robots = attrs['content'];
      if (attrs['property'] === 'article:published_time') facts.published = attrs['content'];
      if (attrs['property'] === 'article:modified_time') facts.modified = attrs['content'];
      if (attrs['property'] === 'og:image') facts.ogImage = attrs['content'];
      if (attrs['property'] === 'og:title') facts.ogTitle = attrs['content'];
    },
  });
  parser.end(headEnd === -1 ? html : html.slice(0, headEnd));
  return facts;
}

export type SitemapDecision = { include: false; reason: string } | { include: true; loc: string; lastmod?: string };

/** Whether a built page belongs in the sitemap, and under which URL and date. */
export function sitemapEntry(facts: HeadFacts, site: string): SitemapDecision {
  if (facts.robots && /\bnoindex\b/i.test(facts.robots)) return { include: false, reason: 'noindex' };
  if (!facts.canonical) return { include: false, reason: 'no canonical URL' };
  if (!facts.canonical.startsWith(new URL(site).href)) return { include: false, reason: 'canonical points to another site' };
  const lastmod = facts.modified ?? facts.published;
  return lastmod ? { include: true, loc: facts.canonical, lastmod } : { include: true, loc: facts.canonical };
}

/** The dist/ files a site URL can be served from, most likely first. */
export function distFileCandidates(url: string, site: string): string[] {
  const basePath = new URL(site).pathname.replace(/\/?$/, '/');
  const pathname = decodeURIComponent(new URL(url).pathname);
  const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\//, '');
  if (path === '' || path.endsWith('/')) return [`${path}index.html`];
  if (/\.[a-z0-9]+$/i.test(path)) return [path];
  return [`${path}.html`, `${path}/index.html`];
}
