import { LLMS_POSTS_SECTION } from '../../llms-txt.ts';
import { normaliseUrl } from '../dist-urls.ts';
import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { shortUrl } from './helpers.ts';

/** llms.txt writes "(" and ")" as %28 and %29 so they cannot end a link; pages name them plainly. */
const pageUrlOf = (url: string) => normaliseUrl(url.replace(/%28/gi, '(').replace(/%29/gi, ')'));

export const llmsTxtValid: SiteRule = {
  id: 'llms-txt-valid',
  scope: 'site',
  description:
    'llms.txt follows the llms.txt proposal, links only built pages at their own URLs (none noindex), and lists every indexable post, as the feed does.',
  defaultLevel: 'error',
  check(site, context) {
    const llms = site.llmsTxt;
    if (!llms) return [];
    const findings: SiteRuleFinding[] = [];
    const fix = 'Leave llms.txt to src/pages/llms.txt.ts, which lists the listed posts (src/content/publishing.ts) at their canonical URLs.';
    for (const problem of llms.problems) findings.push({ page: llms.file, message: `llms.txt cannot be read as the llms.txt proposal lays it out: ${problem}.`, fix });
    const listed = new Set<string>();
    for (const link of llms.links) {
      // Links elsewhere are the owner's to choose; only the site's own are checked.
      if (context.resolve(link.url, context.policy.site) === undefined && URL.canParse(link.url)) continue;
      const page = site.byUrl.get(pageUrlOf(link.url) ?? link.url);
      if (!page) {
        findings.push({ page: llms.file, message: `llms.txt links to ${link.url}, which is not a page of this site in its canonical form.`, fix });
        continue;
      }
      listed.add(page.url);
      if ((page.noindex || page.notFound) && !site.robots?.blocksEverything) {
        // As in the feed: a post first published elsewhere may be listed, a noindex one may not (except in a
        // preview build, where every page is noindex).
        findings.push({ page: llms.file, message: `llms.txt links to ${shortUrl(page.url)}, which is marked noindex.`, fix: 'Leave noindex pages out of llms.txt.' });
      }
    }
    for (const page of site.pages) {
      if (page.template !== 'post' || !page.indexable || listed.has(page.url)) continue;
      findings.push({
        page: page.url,
        message: `${shortUrl(page.url)} is an indexable post, but llms.txt does not list it.`,
        fix: `List every published, indexable post under "## ${LLMS_POSTS_SECTION}" in llms.txt (src/pages/llms.txt.ts does).`,
      });
    }
    return findings;
  },
};
