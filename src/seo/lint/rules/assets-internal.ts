import type { SiteRule, SiteRuleFinding } from '../types.ts';

export const assetsInternal: SiteRule = {
  id: 'assets-internal',
  scope: 'site',
  description: 'Every image, script, stylesheet, icon and feed a page loads from the site exists in dist/.',
  defaultLevel: 'error',
  check(site, context) {
    const findings: SiteRuleFinding[] = [];
    for (const page of site.pages) {
      const seen = new Set<string>();
      for (const resource of page.resources) {
        if (seen.has(resource.url) || resource.url.startsWith('data:')) continue;
        seen.add(resource.url);
        const target = context.resolve(resource.url, page.url);
        if (!target || target.candidates.some((candidate) => site.dist.has(candidate))) continue;
        findings.push({
          page: page.url,
          message: `The <${resource.element}> loads ${resource.url}, which is not in dist/.`,
          fix: resource.element === 'img' ? 'Put the image beside the post (./image.jpg) or in public/, and check its path.' : 'Check the path, or add the file to public/.',
          evidence: resource.url,
        });
      }
    }
    return findings;
  },
};
