// The sitemap lists exactly the pages that ask to be indexed, at the URL they call canonical,
// dated by their content (last-modified.ts). Those facts are read back from each built page's <head> (page-head.ts).
import type { HeadFacts } from './page-head.ts';

export type SitemapDecision = { include: false; reason: string } | { include: true; loc: string; lastmod?: string };

/** Whether a built page belongs in the sitemap, and under which URL and date. */
export function sitemapEntry(facts: HeadFacts, site: string): SitemapDecision {
  if (facts.robots && /\bnoindex\b/i.test(facts.robots)) return { include: false, reason: 'noindex' };
  if (!facts.canonical) return { include: false, reason: 'no canonical URL' };
  if (!facts.canonical.startsWith(new URL(site).href)) return { include: false, reason: 'canonical points to another site' };
  const lastmod = facts.modified ?? facts.published ?? facts.updated;
  return lastmod ? { include: true, loc: facts.canonical, lastmod } : { include: true, loc: facts.canonical };
}
