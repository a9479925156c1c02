import type { PageRule } from '../types.ts';
import { canonicalLinks, sameUrl } from './helpers.ts';

export const canonicalSelf: PageRule = {
  id: 'canonical-self',
  scope: 'page',
  description: 'The canonical URL is the page’s own URL, or the URL its post names in canonical: (first published elsewhere).',
  defaultLevel: 'error',
  check(page, context) {
    const canonical = canonicalLinks(page)[0];
    if (page.notFound || canonical === undefined || !/^https?:\/\//i.test(canonical)) return [];
    const declared = context.sourceFor(page.url)?.canonical;
    const expected = declared ?? page.url;
    if (sameUrl(canonical, expected)) return [];
    const onSite = URL.canParse(canonical) && new URL(canonical).host === new URL(context.policy.site).host;
    return [
      {
        message: declared
          ? `The canonical URL is ${canonical}, but the post's canonical: says ${declared}.`
          : `The canonical URL is ${canonical}, not this page's own URL ${page.url}${onSite ? '' : ' (it points off the site)'}.`,
        fix: declared
          ? 'Print the canonical: value from the frontmatter as the canonical link.'
          : 'Point the canonical link at the page itself; to send search engines to another URL, set canonical: in the post’s frontmatter.',
      },
    ];
  },
};
