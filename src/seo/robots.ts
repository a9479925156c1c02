export interface RobotsOptions {
  /** A preview build asks every crawler to stay away. */
  preview: boolean;
  /** Absolute URL of the sitemap index, when the site has one. */
  sitemapUrl?: string | undefined;
}

/**
 * robots.txt. Nothing is disallowed on a live site: a page kept out of search results says
 * so with its own robots meta tag, which a crawler could not read if robots.txt blocked it.
 */
export function robotsTxt({ preview, sitemapUrl }: RobotsOptions): string {
  const sitemap = sitemapUrl ? ['', `Sitemap: ${sitemapUrl}`] : [];
  return ['User-agent: *', preview ? 'Disallow: /' : 'Allow: /', ...sitemap, ''].join('\n');
}
