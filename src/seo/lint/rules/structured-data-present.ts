import type { PageRule } from '../types.ts';

export const structuredDataPresent: PageRule = {
  id: 'structured-data-present',
  scope: 'page',
  description: 'Each indexable page describes itself in JSON-LD (the site, its publisher and, on posts, the article).',
  defaultLevel: 'error',
  check(page) {
    if (!page.indexable || page.jsonLd.length > 0) return [];
    return [{ message: 'The page has no <script type="application/ld+json">.', fix: 'Add JSON-LD with at least the WebSite and its publisher (schema.org).' }];
  },
};
