import type { PageRule } from '../types.ts';
import { canonicalLinks } from './helpers.ts';

export const canonicalAbsolute: PageRule = {
  id: 'canonical-absolute',
  scope: 'page',
  description: 'The canonical URL is absolute, uses the site’s scheme and has no #fragment.',
  defaultLevel: 'error',
  check(page, context) {
    const canonical = canonicalLinks(page)[0];
    if (page.notFound || canonical === undefined) return [];
    if (!/^https?:\/\//i.test(canonical) || !URL.canParse(canonical)) {
      return [{ message: `The canonical URL "${canonical}" is not absolute.`, fix: `Write it in full, e.g. ${page.url}.` }];
    }
    const url = new URL(canonical);
    const siteProtocol = new URL(context.policy.site).protocol;
    if (url.hash !== '') return [{ message: `The canonical URL "${canonical}" has a #fragment.`, fix: 'Remove the fragment: a canonical URL names a whole page.' }];
    if (url.host === new URL(context.policy.site).host && url.protocol !== siteProtocol) {
      return [{ message: `The canonical URL "${canonical}" uses ${url.protocol} but the site uses ${siteProtocol}.`, fix: `Use ${page.url}.` }];
    }
    return [];
  },
};
