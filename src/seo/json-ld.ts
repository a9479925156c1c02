// Structured data as one schema.org @graph per page, typed with schema-dts.
import type {
  BlogPosting,
  BreadcrumbList,
  Graph,
  ImageObject,
  Organization,
  Person,
  Thing,
  WebPage,
  WebSite,
} from 'schema-dts';
import type { SiteConfig } from '../config/site-schema.ts';
import { toZonedIsoString } from '../lib/dates.ts';
import type { SocialImage } from './head.ts';
import { absoluteUrl, routes, type RoutePath, type UrlPolicy } from './urls.ts';

export interface JsonLdContext {
  site: SiteConfig;
  urls: UrlPolicy;
}

export interface Crumb {
  name: string;
  route: RoutePath;
}

export interface PostFacts {
  title: string;
  description: string;
  image: SocialImage;
  published: Date;
  modified?: Date | undefined;
  tags: readonly string[];
  wordCount: number;
}

export interface PageGraphInput {
  /** The page's canonical URL (see head.ts canonicalUrl). */
  url: string;
  kind: 'WebPage' | 'CollectionPage' | 'AboutPage';
  name: string;
  description: string;
  /** Trail from the home page to this page's parent; the page itself is appended. */
  breadcrumbs?: readonly Crumb[];
  post?: PostFacts;
}

export const homeCrumb: Crumb = { name: 'Home', route: routes.home };
export const tagsCrumb: Crumb = { name: 'Tags', route: routes.tags };

const websiteId = (context: JsonLdContext) => `${absoluteUrl(routes.home, context.urls)}#website`;
const publisherId = (context: JsonLdContext) => `${absoluteUrl(routes.home, context.urls)}#publisher`;

function imageObject(image: SocialImage): ImageObject {
  return { '@type': 'ImageObject', url: image.url, width: String(image.width), height: String(image.height), caption: image.alt };
}

function publisherNode(context: JsonLdContext): Organization | Person {
  const { site, urls } = context;
  const sameAs = [
    ...site.social.map((profile) => profile.url),
    ...(site.twitter ? [`https://x.com/${site.twitter.handle}`] : []),
  ];
  const logo: ImageObject = { '@type': 'ImageObject', url: absoluteUrl(site.publisher.logo as RoutePath, urls) };
  const common = { '@id': publisherId(context), name: site.publisher.name, url: absoluteUrl(routes.home, urls), sameAs };
  return site.publisher.type === 'Organization'
    ? { '@type': 'Organization', ...common, logo }
    : { '@type': 'Person', ...common, image: logo };
}

/** The person who writes the posts (site config `author`); the publisher stays its own node. */
function authorNode({ site, urls }: JsonLdContext): Person {
  const { name, url, bio, avatar, sameAs } = site.author;
  return {
    '@type': 'Person',
    name,
    url,
    ...(bio ? { description: bio } : {}),
    ...(avatar ? { image: absoluteUrl(avatar as RoutePath, urls) } : {}),
    sameAs: [...sameAs],
  };
}

function websiteNode(context: JsonLdContext): WebSite {
  return {
    '@type': 'WebSite',
    '@id': websiteId(context),
    url: absoluteUrl(routes.home, context.urls),
    name: context.site.title,
    description: context.site.description,
    inLanguage: context.site.language,
    publisher: { '@id': publisherId(context) },
  };
}

function breadcrumbNode(input: PageGraphInput, context: JsonLdContext): BreadcrumbList {
  const trail = [...(input.breadcrumbs ?? []).map((crumb) => ({ name: crumb.name, url: absoluteUrl(crumb.route, context.urls) })), { name: input.name, url: input.url }];
  return {
    '@type': 'BreadcrumbList',
    '@id': `${input.url}#breadcrumb`,
    itemListElement: trail.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

function blogPostingNode(input: PageGraphInput, post: PostFacts, context: JsonLdContext): BlogPosting {
  const { site } = context;
  return {
    '@type': 'BlogPosting',
    '@id': `${input.url}#article`,
    headline: post.title,
    description: post.description,
    image: imageObject(post.image),
    datePublished: toZonedIsoString(post.published, site.timezone),
    dateModified: toZonedIsoString(post.modified ?? post.published, site.timezone),
    author: authorNode(context),
    publisher: { '@id': publisherId(context) },
    mainEntityOfPage: { '@id': input.url },
    isPartOf: { '@id': websiteId(context) },
    keywords: [...post.tags],
    wordCount: post.wordCount,
    inLanguage: site.language,
    url: input.url,
  };
}

/** Drops undefined, null, empty strings and empty lists, at any depth, so no property is ever blank. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(compact).filter((item) => !isBlank(item)) as T;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, compact(item)] as const);
    return Object.fromEntries(entries.filter(([, item]) => !isBlank(item))) as T;
  }
  return value;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The page's whole graph: site, publisher, the page itself, its breadcrumb and, on posts, the article. */
export function pageGraph(input: PageGraphInput, context: JsonLdContext): Graph {
  const hasBreadcrumb = input.breadcrumbs !== undefined && input.breadcrumbs.length > 0;
  const page: WebPage = {
    '@type': input.kind,
    '@id': input.url,
    url: input.url,
    name: input.name,
    description: input.description,
    inLanguage: context.site.language,
    isPartOf: { '@id': websiteId(context) },
    ...(hasBreadcrumb ? { breadcrumb: { '@id': `${input.url}#breadcrumb` } } : {}),
  } as WebPage;
  const nodes: Thing[] = [
    websiteNode(context),
    publisherNode(context),
    page,
    ...(hasBreadcrumb ? [breadcrumbNode(input, context)] : []),
    ...(input.post ? [blogPostingNode(input, input.post, context)] : []),
  ];
  return compact({ '@context': 'https://schema.org', '@graph': nodes } as Graph);
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` become \u escapes
 * (which JSON parsers decode to the same text, unlike HTML entities), so no string in the data
 * can close the script element; U+2028/9 are escaped for older JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char] ?? char);
}
