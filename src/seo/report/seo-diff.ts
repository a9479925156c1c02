// What a build changed in what search engines see, from the previous build's facts to this one's
// (seo-facts.ts). Pure: two snapshots in, a list of changes out, those that can cost traffic first.
import { quote, shortUrl } from '../lint/rules/helpers.ts';
import type { NotIndexedReason, PageSeoFacts, SiteFacts } from './seo-facts.ts';

/** risk: can cost traffic; notable: changes how the page shows in results or shares; info: worth knowing. */
export const SEO_CHANGE_SEVERITIES = ['risk', 'notable', 'info'] as const;
export type SeoChangeSeverity = (typeof SEO_CHANGE_SEVERITIES)[number];

/** What changed; for one page, changes are listed in this order. */
export const SEO_CHANGE_KINDS = [
  'page-removed',
  'robots',
  'canonical',
  'sitemap',
  'title',
  'title-duplicate',
  'description',
  'description-duplicate',
  'og-image',
  'json-ld',
  'lastmod',
  'page-added',
] as const;
export type SeoChangeKind = (typeof SEO_CHANGE_KINDS)[number];

export interface SeoChange {
  kind: SeoChangeKind;
  severity: SeoChangeSeverity;
  /** The page's URL. */
  url: string;
  /** The value before and after, as text; absent when there was none. */
  from?: string;
  to?: string;
  /** One line: what changed, from what to what, and why it matters. */
  message: string;
}

type Change = Omit<SeoChange, 'url' | 'kind'>;

const REASON_TEXT: Record<NotIndexedReason, string> = {
  noindex: 'noindex',
  'canonical-elsewhere': 'canonical to another URL',
  'robots-txt': 'blocked by robots.txt',
};

/** A URL as short as it can be read: a path on the page's own site, else in full. */
function display(target: string, page: string): string {
  return URL.canParse(target) && URL.canParse(page) && new URL(target).origin === new URL(page).origin ? shortUrl(target) : target;
}

const list = (values: readonly string[]) => (values.length === 0 ? 'none' : values.join(', '));
const robotsText = (page: PageSeoFacts) => (page.robots.length === 0 ? 'none' : quote(page.robots.join(', ')));
const indexState = (page: PageSeoFacts) => (page.indexable ? 'indexable' : page.notIndexed.map((reason) => REASON_TEXT[reason]).join(', '));
/** Where search engines are sent: the canonical, else the page itself. */
const effectiveCanonical = (page: PageSeoFacts) => page.canonical ?? page.url;

function robotsChange(before: PageSeoFacts, after: PageSeoFacts): Change | undefined {
  const path = shortUrl(after.url);
  // A canonical moved elsewhere is its own change; here only what noindex and robots.txt decide.
  const blocked = (page: PageSeoFacts) => page.notIndexed.filter((reason) => reason !== 'canonical-elsewhere');
  const [was, now] = [blocked(before), blocked(after)];
  const values = { from: indexState(before), to: indexState(after) };
  const newly = now.filter((reason) => !was.includes(reason));
  if (newly.includes('noindex')) {
    return {
      severity: 'risk',
      ...values,
      message: `${path} is now noindex (robots meta ${robotsText(after)}): search engines will drop it from their results.`,
    };
  }
  if (newly.includes('robots-txt')) {
    return { severity: 'risk', ...values, message: `robots.txt now blocks ${path}: search engines can no longer crawl it, and it will fade from their results.` };
  }
  if (was.length > 0 && now.length === 0) {
    return { severity: 'notable', ...values, message: `${path} can be indexed again (it was ${values.from}).` };
  }
  if (robotsText(before) !== robotsText(after)) {
    return {
      severity: 'notable',
      from: robotsText(before),
      to: robotsText(after),
      message: `The robots meta of ${path} changed from ${robotsText(before)} to ${robotsText(after)}: it tells search engines how to show the page.`,
    };
  }
  return undefined;
}

function canonicalChange(before: PageSeoFacts, after: PageSeoFacts): Change | undefined {
  if (before.canonical === after.canonical) return undefined;
  const path = shortUrl(after.url);
  const [was, now] = [effectiveCanonical(before), effectiveCanonical(after)];
  const values = { ...(before.canonical ? { from: before.canonical } : {}), ...(after.canonical ? { to: after.canonical } : {}) };
  const shown = (target: string) => (target === after.url ? `${display(target, after.url)} (itself)` : display(target, after.url));
  if (was === now) {
    return { severity: 'info', ...values, message: `The canonical link of ${path} was ${before.canonical ? 'removed' : 'added'}; it still points to the page itself.` };
  }
  if (now === after.url) {
    return { severity: 'notable', ...values, message: `The canonical of ${path} moved from ${shown(was)} back to the page itself: search engines can index it again.` };
  }
  return {
    severity: was === after.url ? 'risk' : 'notable',
    ...values,
    message: `The canonical of ${path} moved from ${shown(was)} to ${shown(now)}: search engines will index that URL instead of this page.`,
  };
}

function sitemapChange(before: PageSeoFacts, after: PageSeoFacts): Change | undefined {
  if (before.inSitemap === after.inSitemap) return undefined;
  const path = shortUrl(after.url);
  const values = { from: before.inSitemap ? 'in the sitemap' : 'not in the sitemap', to: after.inSitemap ? 'in the sitemap' : 'not in the sitemap' };
  if (after.inSitemap) return { severity: 'info', ...values, message: `${path} is now in the sitemap.` };
  // A page that stopped being indexable should leave the sitemap; that change is reported on its own.
  if (before.indexable && !after.indexable) return undefined;
  if (after.indexable) {
    return { severity: 'risk', ...values, message: `${path} was dropped from the sitemap but can still be indexed: search engines will find it and its updates later, if at all.` };
  }
  return { severity: 'info', ...values, message: `${path}, which is not indexable, left the sitemap.` };
}

/** Title or description: lost, found or reworded (being duplicated is judged across the site). */
function textChange(field: 'title' | 'description', before: PageSeoFacts, after: PageSeoFacts): Change | undefined {
  const [was, now] = [before[field], after[field]];
  if (was === now) return undefined;
  const path = shortUrl(after.url);
  const lost = field === 'title' ? 'search engines will make one up from the page' : 'search engines will pick a snippet from the page text';
  if (now === undefined) return { severity: 'risk', from: was!, message: `${path} lost its ${field} (was ${quote(was!)}): ${lost}.` };
  if (was === undefined) return { severity: 'notable', to: now, message: `${path} now has a ${field}: ${quote(now)}.` };
  return { severity: 'notable', from: was, to: now, message: `The ${field} of ${path} changed from ${quote(was)} to ${quote(now)}: search results will show the new one.` };
}

function ogImageChange(before: PageSeoFacts, after: PageSeoFacts): Change | undefined {
  const [was, now] = [before.ogImage, after.ogImage];
  if (was === now) return undefined;
  const path = shortUrl(after.url);
  const values = { ...(was ? { from: was } : {}), ...(now ? { to: now } : {}) };
  if (now === undefined) return { severity: 'notable', ...values, message: `${path} lost its og:image (was ${display(was!, after.url)}): shares will show no picture, or one the site picks.` };
  if (was === undefined) return { severity: 'notable', ...values, message: `${path} now has an og:image, ${display(now, after.url)}: shares will show it.` };
  return { severity: 'notable', ...values, message: `The og:image of ${path} changed from ${display(was, after.url)} to ${display(now, after.url)}: shares will show the new picture.` };
}

function jsonLdChange(before: PageSeoFacts, after: PageSeoFacts): Change | undefined {
  const [was, now] = [before.jsonLdTypes, after.jsonLdTypes];
  if (list(was) === list(now)) return undefined;
  const added = now.filter((type) => !was.includes(type));
  const removed = was.filter((type) => !now.includes(type));
  const what = [added.length > 0 ? `added ${list(added)}` : '', removed.length > 0 ? `removed ${list(removed)}` : ''].filter(Boolean).join('; ');
  return {
    severity: 'notable',
    from: list(was),
    to: list(now),
    message: `The JSON-LD types of ${shortUrl(after.url)} changed from ${list(was)} to ${list(now)} (${what}): rich results depend on them.`,
  };
}

function lastmodChange(before: PageSeoFacts, after: PageSeoFacts): Change | undefined {
  if (!before.inSitemap || !after.inSitemap || before.lastmod === after.lastmod) return undefined;
  const values = { ...(before.lastmod ? { from: before.lastmod } : {}), ...(after.lastmod ? { to: after.lastmod } : {}) };
  return {
    severity: 'info',
    ...values,
    message: `The sitemap lastmod of ${shortUrl(after.url)} moved from ${before.lastmod ?? 'none'} to ${after.lastmod ?? 'none'}: search engines may crawl it again sooner.`,
  };
}

/** Indexable pages by a title or description two or more of them share. */
function sharedValues(site: SiteFacts, field: 'title' | 'description'): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const page of site.pages) {
    const value = page[field];
    if (!page.indexable || value === undefined) continue;
    groups.set(value, [...(groups.get(value) ?? []), page.url]);
  }
  for (const [value, urls] of groups) if (urls.length < 2) groups.delete(value);
  return groups;
}

/** Each indexable page whose title (or description) it did not share before and now does. */
function duplicateChanges(field: 'title' | 'description', previous: SiteFacts, current: SiteFacts): SeoChange[] {
  const before = sharedValues(previous, field);
  const oldValues = new Map(previous.pages.map((page) => [page.url, page[field]]));
  const changes: SeoChange[] = [];
  for (const [value, urls] of sharedValues(current, field)) {
    for (const url of urls) {
      if (before.get(value)?.includes(url)) continue;
      const others = urls.filter((other) => other !== url).map((other) => shortUrl(other)).join(', ');
      const was = oldValues.get(url);
      const reworded = was !== undefined && was !== value;
      changes.push({
        kind: `${field}-duplicate`,
        severity: 'risk',
        url,
        ...(reworded ? { from: was } : {}),
        to: value,
        message: `The ${field} of ${shortUrl(url)} is now also the ${field} of ${others}: ${quote(value)}${reworded ? ` (was ${quote(was)})` : ''}; search engines may show only one of them.`,
      });
    }
  }
  return changes;
}

const rank = <T>(order: readonly T[], value: T) => order.indexOf(value);

/** Risk first, then by page URL, then in the order of SEO_CHANGE_KINDS. */
export function compareChanges(a: SeoChange, b: SeoChange): number {
  return (
    rank(SEO_CHANGE_SEVERITIES, a.severity) - rank(SEO_CHANGE_SEVERITIES, b.severity) ||
    (a.url < b.url ? -1 : a.url > b.url ? 1 : 0) ||
    rank(SEO_CHANGE_KINDS, a.kind) - rank(SEO_CHANGE_KINDS, b.kind)
  );
}

/** What changed from the previous build to this one; nothing when there is no previous build to compare with. */
export function diffSiteFacts(previous: SiteFacts | undefined, current: SiteFacts): SeoChange[] {
  if (!previous) return [];
  const before = new Map(previous.pages.map((page) => [page.url, page]));
  const after = new Map(current.pages.map((page) => [page.url, page]));
  const changes: SeoChange[] = [];
  for (const [url, page] of before) {
    if (after.has(url)) continue;
    changes.push(
      page.indexable
        ? { kind: 'page-removed', severity: 'risk', url, from: 'indexable', message: `${shortUrl(url)} was removed, and it was indexable: search engines will find a 404 there; redirect it to where it went, or keep it.` }
        : { kind: 'page-removed', severity: 'info', url, from: indexState(page), message: `${shortUrl(url)} was removed; it was not indexable (${indexState(page)}).` },
    );
  }
  const duplicates = [...duplicateChanges('title', previous, current), ...duplicateChanges('description', previous, current)];
  // A page reworded into a duplicate is told once, as the duplicate.
  const duplicated = new Set(duplicates.map((change) => `${change.url} ${change.kind}`));
  for (const [url, page] of after) {
    const old = before.get(url);
    if (!old) {
      changes.push({ kind: 'page-added', severity: 'info', url, to: indexState(page), message: `${shortUrl(url)} is new (${indexState(page)}).` });
      continue;
    }
    const found: [SeoChangeKind, Change | undefined][] = [
      ['robots', robotsChange(old, page)],
      ['canonical', canonicalChange(old, page)],
      ['sitemap', sitemapChange(old, page)],
      ['title', duplicated.has(`${url} title-duplicate`) ? undefined : textChange('title', old, page)],
      ['description', duplicated.has(`${url} description-duplicate`) ? undefined : textChange('description', old, page)],
      ['og-image', ogImageChange(old, page)],
      ['json-ld', jsonLdChange(old, page)],
      ['lastmod', lastmodChange(old, page)],
    ];
    for (const [kind, change] of found) if (change) changes.push({ kind, url, ...change });
  }
  return [...changes, ...duplicates].sort(compareChanges);
}
