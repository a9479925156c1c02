import type { PageRule } from '../types.ts';
import { canonicalLinks, firstMeta, sameUrl } from './helpers.ts';

export const ogUrlCanonical: PageRule = {
  id: 'og-url-canonical',
  scope: 'page',
  description: 'og:url equals the canonical URL, so shares and search results count for one address.',
  defaultLevel: 'error',
  check(page) {
    const ogUrl = firstMeta(page, 'og:url');
    const canonical = canonicalLinks(page)[0];
    if (ogUrl === undefined || canonical === undefined || sameUrl(ogUrl, canonical)) return [];
    return [{ message: `og:url is ${ogUrl} but the canonical URL is ${canonical}.`, fix: 'Print the same URL in both, from one source (src/seo/urls.ts).' }];
  },
};
