// The site's settings bound to helpers the pages use; the decisions themselves live in the pure modules.
import { serializePolicy, sitePolicy } from '../security/csp.ts';
import { absoluteUrl, routeHref, urlPolicyOf, type RoutePath, type UrlPolicy } from '../seo/urls.ts';
import { buildEnv, siteConfig } from '../site.config.ts';
import { formatDisplayDate, toZonedIsoString, yearInZone } from '../lib/dates.ts';

export { buildEnv, siteConfig };

export const urlPolicy: UrlPolicy = urlPolicyOf(siteConfig);

/** Site-relative link to a route, in the site's canonical URL form. */
export const href = (route: RoutePath): string => routeHref(route, urlPolicy);

/** Absolute URL of a route (canonical, og:url, feed, sitemap). */
export const absolute = (route: RoutePath): string => absoluteUrl(route, urlPolicy);

export const isoDate = (date: Date): string => toZonedIsoString(date, siteConfig.timezone);
export const displayDate = (date: Date): string => formatDisplayDate(date, siteConfig.language, siteConfig.timezone);
export const siteYear = (date: Date): number => yearInZone(date, siteConfig.timezone);

/** The `<meta>` Content-Security-Policy of every built page: the same for the whole site, so worked out once. */
export const metaContentSecurityPolicy = serializePolicy(sitePolicy(siteConfig), 'meta');
