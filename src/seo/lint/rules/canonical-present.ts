import type { PageRule } from '../types.ts';
import { canonicalLinks } from './helpers.ts';

export const canonicalPresent: PageRule = {
  id: 'canonical-present',
  scope: 'page',
  description: 'Each page (except 404) has exactly one <link rel="canonical">, so search engines index one URL for it.',
  defaultLevel: 'error',
  check(page) {
    if (page.notFound) return [];
    const canonicals = canonicalLinks(page);
    if (canonicals.length === 0) {
      return [{ message: 'The page has no <link rel="canonical">.', fix: 'Add a canonical link with the page’s own absolute URL.' }];
    }
    if (canonicals.length > 1) {
      return [{ message: `The page has ${canonicals.length} canonical links; search engines then ignore them all.`, fix: 'Keep exactly one <link rel="canonical">.' }];
    }
    return [];
  },
};
