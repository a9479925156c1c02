// What search engines see of each page of a build, kept small enough to store between builds: the next
// build compares its own facts with these (seo-diff.ts). Built from what the SEO lint has already read of
// dist/ (load-dist.ts), so no page is parsed twice and the report and the lint never disagree.
import { z } from 'astro/zod';
import { normaliseUrl } from '../lint/dist-urls.ts';
import { canonicalLinks, firstMeta, jsonLdBlocks } from '../lint/rules/helpers.ts';
import { pageState, type LintInput } from '../lint/run.ts';
import type { PageFacts, RobotsFacts } from '../lint/types.ts';

/** Raised when the snapshot's shape changes: an older file is then read as "no previous build". */
export const SEO_FACTS_VERSION = 1;

/** Why search engines will not index a page; none when it is indexable. */
export const NOT_INDEXED_REASONS = ['noindex', 'canonical-elsewhere', 'robots-txt'] as const;
export type NotIndexedReason = (typeof NOT_INDEXED_REASONS)[number];

const pageSeoFactsSchema = z.object({
  /** The page's own URL, in the site's canonical form. */
  url: z.string(),
  /** `<body data-template>`: post, home, tag… */
  template: z.string().optional(),
  /** The first `<title>`; absent when missing or empty. */
  title: z.string().optional(),
  description: z.string().optional(),
  /** The first canonical link, made absolute. */
  canonical: z.string().optional(),
  indexable: z.boolean(),
  /** Every reason it is not indexable, in the order of NOT_INDEXED_REASONS. */
  notIndexed: z.array(z.enum(NOT_INDEXED_REASONS)),
  /** robots/googlebot meta directives, lower case ("noindex", "follow"). */
  robots: z.array(z.string()),
  ogImage: z.string().optional(),
  /** @type of each top-level and @graph JSON-LD node, sorted, once each. */
  jsonLdTypes: z.array(z.string()),
  inSitemap: z.boolean(),
  /** The sitemap's `<lastmod>` for the page. */
  lastmod: z.string().optional(),
});

const siteFactsSchema = z.object({
  version: z.literal(SEO_FACTS_VERSION),
  /** Every page search engines can reach (the 404 page left out), by URL. */
  pages: z.array(pageSeoFactsSchema),
});

export type PageSeoFacts = z.output<typeof pageSeoFactsSchema>;
/** One build's snapshot (not the lint's SiteFacts, which holds every parsed page). */
export type SiteFacts = z.output<typeof siteFactsSchema>;

/** Text that says nothing counts as missing: an empty title is no title to a search engine. */
const text = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

/** Only the keys that have a value, so the snapshot stays small and equals itself after a JSON round trip. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function absolute(href: string, base: string): string {
  return URL.canParse(href, base) ? (normaliseUrl(new URL(href, base).href) ?? href) : href;
}

function jsonLdTypesOf(page: PageFacts): string[] {
  const types = new Set<string>();
  for (const block of jsonLdBlocks(page)) {
    for (const node of block.nodes) {
      const type = node['@type'];
      for (const each of Array.isArray(type) ? type : [type]) if (typeof each === 'string' && each !== '') types.add(each);
    }
  }
  return [...types].sort();
}

/** What a page's facts need from the rest of the site. */
interface SiteView {
  sitemapUrls: ReadonlySet<string>;
  lastmods: ReadonlyMap<string, string>;
  robots: RobotsFacts | undefined;
}

function pageSeoFactsOf(page: PageFacts, site: SiteView): PageSeoFacts {
  const url = normaliseUrl(page.url) ?? page.url;
  const state = pageState(page);
  const canonicalHref = canonicalLinks(page)[0];
  const reasons: Record<NotIndexedReason, boolean> = {
    noindex: state.noindex,
    // pageState's indexable already weighs the canonical; once noindex is ruled out, only the canonical is left.
    'canonical-elsewhere': !state.noindex && !state.indexable,
    'robots-txt': site.robots !== undefined && !site.robots.allows(new URL(url).pathname),
  };
  const notIndexed = NOT_INDEXED_REASONS.filter((reason) => reasons[reason]);
  const ogImage = text(firstMeta(page, 'og:image'));
  return defined({
    url,
    template: page.template,
    title: text(page.titles[0]),
    description: text(firstMeta(page, 'description')),
    canonical: canonicalHref === undefined ? undefined : absolute(canonicalHref, url),
    indexable: notIndexed.length === 0,
    notIndexed,
    robots: page.robots.filter((directive) => directive !== ''),
    ogImage: ogImage === undefined ? undefined : absolute(ogImage, url),
    jsonLdTypes: jsonLdTypesOf(page),
    inSitemap: site.sitemapUrls.has(url),
    lastmod: site.lastmods.get(url),
  });
}

/** The snapshot of a build, from what the lint loaded of its dist/ (loadDist or loadSite). */
export function siteFactsOf(loaded: LintInput): SiteFacts {
  const site: SiteView = {
    sitemapUrls: new Set(loaded.sitemap?.urls),
    lastmods: loaded.sitemap?.lastmods ?? new Map(),
    robots: loaded.robots,
  };
  const pages = loaded.pages
    .filter((page) => !pageState(page).notFound)
    .map((page) => pageSeoFactsOf(page, site))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { version: SEO_FACTS_VERSION, pages };
}

/** A stored snapshot, or undefined when it is from another version of this code or not a snapshot at all. */
export function parseSiteFacts(data: unknown): SiteFacts | undefined {
  const parsed = siteFactsSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
