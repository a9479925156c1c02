// A page's <head> as data: one list of tags, built from the site config and the page's own
// facts, with later tags replacing earlier ones of the same key. A duplicate og:type or
// <title> cannot be rendered, because the list cannot hold one.
import type { SiteConfig } from '../config/site-schema.ts';
import { toZonedIsoString } from '../lib/dates.ts';
import { twitterUsername } from '../social/follow.ts';
import { absoluteUrl, routeHref, routes, type RoutePath, type UrlPolicy } from './urls.ts';

export interface HeadTag {
  tag: 'title' | 'meta' | 'link' | 'script';
  attrs: Record<string, string>;
  content?: string;
}

export interface SocialImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
  /** MIME type, e.g. image/png. */
  type: string;
}

export interface ArticleFacts {
  published: Date;
  modified?: Date | undefined;
  tags: readonly string[];
}

export interface PageFacts {
  route: RoutePath;
  /** Page title without the site name; omitted on the home page. */
  title?: string | undefined;
  description: string;
  image: SocialImage;
  /** Keep this page out of search results (404, later list pages, noindex posts). */
  noindex?: boolean;
  /** Canonical URL when it is not the page's own (a post first published elsewhere). */
  canonical?: string | undefined;
  /** Present on posts: makes og:type "article" and adds article:* tags. */
  article?: ArticleFacts | undefined;
  /** When a page that is not a post last changed (see last-modified.ts): og:updated_time, read back for the sitemap. */
  updated?: Date | undefined;
  /** Serialised JSON-LD (see json-ld.ts). */
  jsonLd?: string | undefined;
}

export interface HeadContext {
  site: SiteConfig;
  urls: UrlPolicy;
  /** A preview build: every page noindex. */
  preview: boolean;
  /** The `<meta>` Content-Security-Policy, first after charset so it covers everything after it. */
  contentSecurityPolicy?: string | undefined;
}

// Properties that may legitimately repeat; their key includes the value.
const MULTI_VALUED = new Set(['article:tag', 'og:locale:alternate']);

/** The identity of a tag: two tags with one key cannot both be on a page. */
export function headTagKey(tag: HeadTag): string {
  const { attrs } = tag;
  if (tag.tag === 'title') return 'title';
  if (tag.tag === 'meta') {
    if (attrs['charset']) return 'charset';
    if (attrs['http-equiv']) return `http-equiv:${attrs['http-equiv'].toLowerCase()}`;
    const property = attrs['property'];
    if (property) return MULTI_VALUED.has(property) ? `property:${property}:${attrs['content']}` : `property:${property}`;
    return `name:${attrs['name']}`;
  }
  if (tag.tag === 'link') {
    return ['rel', 'type', 'sizes', 'hreflang'].map((name) => attrs[name] ?? '').join('|');
  }
  return `script:${attrs['type'] ?? ''}:${attrs['src'] ?? ''}`;
}

/** Keeps one tag per key; a later tag replaces an earlier one in the earlier one's place. */
export function mergeHeadTags(...lists: readonly HeadTag[][]): HeadTag[] {
  const merged = new Map<string, HeadTag>();
  for (const tag of lists.flat()) merged.set(headTagKey(tag), tag);
  return [...merged.values()];
}

const meta = (name: string, content: string): HeadTag => ({ tag: 'meta', attrs: { name, content } });
const property = (name: string, content: string): HeadTag => ({ tag: 'meta', attrs: { property: name, content } });
const link = (attrs: Record<string, string>): HeadTag => ({ tag: 'link', attrs });

/** `Post title · Site`, or just the site name on the home page. */
export function documentTitle(pageTitle: string | undefined, siteTitle: string): string {
  return pageTitle && pageTitle !== siteTitle ? `${pageTitle} · ${siteTitle}` : siteTitle;
}

/** Open Graph locale from a BCP 47 tag: en-GB → en_GB. */
export function ogLocale(language: string): string {
  return language.replace('-', '_');
}

/** The page's canonical URL: computed once, used for canonical, og:url and JSON-LD. */
export function canonicalUrl(page: Pick<PageFacts, 'route' | 'canonical'>, urls: UrlPolicy): string {
  return page.canonical ?? absoluteUrl(page.route, urls);
}

const VERIFICATION_META: Record<keyof NonNullable<SiteConfig['verification']>, string> = {
  google: 'google-site-verification',
  bing: 'msvalidate.01',
  yandex: 'yandex-verification',
  pinterest: 'p:domain_verify',
};

/** Every tag of a page's head, in order. */
export function buildHeadTags(page: PageFacts, { site, urls, preview, contentSecurityPolicy }: HeadContext): HeadTag[] {
  const canonical = canonicalUrl(page, urls);
  const title = documentTitle(page.title, site.title);
  const indexable = !page.noindex && !preview;
  const twitter = site.twitter ? twitterUsername(site.twitter) : undefined;

  const defaults: HeadTag[] = [
    { tag: 'meta', attrs: { charset: 'utf-8' } },
    ...(contentSecurityPolicy ? [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy } } as HeadTag] : []),
    meta('viewport', 'width=device-width, initial-scale=1'),
    { tag: 'title', attrs: {}, content: title },
    meta('description', page.description),
    link({ rel: 'canonical', href: canonical }),
    // Icons are fetched by the browser, so they stay on the serving origin (a preview deploy, localhost).
    link({ rel: 'icon', href: routeHref('/favicon.svg', urls), type: 'image/svg+xml' }),
    link({ rel: 'icon', href: routeHref('/favicon.ico', urls), sizes: '32x32' }),
    link({ rel: 'apple-touch-icon', href: routeHref('/apple-touch-icon.png', urls) }),
    link({ rel: 'alternate', type: 'application/rss+xml', title: site.title, href: absoluteUrl(routes.feed, urls) }),
    // A preview build lists no page in a sitemap (all are noindex), so it links none.
    ...(site.features.sitemap && !preview ? [link({ rel: 'sitemap', type: 'application/xml', href: absoluteUrl(routes.sitemap, urls) })] : []),
  ];

  const verification = Object.entries(site.verification ?? {}).flatMap(([engine, code]) =>
    code ? [meta(VERIFICATION_META[engine as keyof typeof VERIFICATION_META], code)] : [],
  );

  const openGraph: HeadTag[] = [
    property('og:type', page.article ? 'article' : 'website'),
    property('og:title', page.title ?? site.title),
    property('og:description', page.description),
    property('og:url', canonical),
    property('og:site_name', site.title),
    property('og:locale', ogLocale(site.language)),
    property('og:image', page.image.url),
    property('og:image:type', page.image.type),
    property('og:image:width', String(page.image.width)),
    property('og:image:height', String(page.image.height)),
    property('og:image:alt', page.image.alt),
    ...(page.updated ? [property('og:updated_time', toZonedIsoString(page.updated, site.timezone))] : []),
  ];

  const article: HeadTag[] = page.article
    ? [
        property('article:published_time', toZonedIsoString(page.article.published, site.timezone)),
        ...(page.article.modified ? [property('article:modified_time', toZonedIsoString(page.article.modified, site.timezone))] : []),
        property('article:author', site.author.url),
        ...page.article.tags.map((tag) => property('article:tag', tag)),
      ]
    : [];

  const twitterCard: HeadTag[] = [
    meta('twitter:card', 'summary_large_image'),
    ...(twitter ? [meta('twitter:site', twitter), meta('twitter:creator', twitter)] : []),
    meta('twitter:image:alt', page.image.alt),
  ];

  const robots = indexable ? [] : [meta('robots', preview ? 'noindex, nofollow' : 'noindex, follow')];
  const structuredData: HeadTag[] = page.jsonLd
    ? [{ tag: 'script', attrs: { type: 'application/ld+json' }, content: page.jsonLd }]
    : [];

  return mergeHeadTags(defaults, robots, verification, openGraph, article, twitterCard, structuredData);
}
