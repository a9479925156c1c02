import type { PageRule } from '../types.ts';
import { firstMeta } from './helpers.ts';

const EVERY_PAGE = ['og:title', 'og:type', 'og:url', 'og:image', 'og:image:alt', 'og:description', 'og:site_name', 'og:locale', 'twitter:card'];
const POSTS = ['article:published_time'];

export const socialTagsPresent: PageRule = {
  id: 'social-tags-present',
  scope: 'page',
  description: 'Each page carries the Open Graph and Twitter tags that make a shared link show a title, summary and image.',
  defaultLevel: 'error',
  check(page, context) {
    if (page.notFound) return [];
    const isPost = page.template === 'post';
    const required = [...EVERY_PAGE, ...(context.twitter ? ['twitter:site'] : []), ...(isPost ? POSTS : [])];
    const missing = required.filter((key) => !firstMeta(page, key)?.trim());
    const findings = [];
    if (missing.length > 0) {
      findings.push({
        message: `Missing or empty social tags: ${missing.join(', ')}.`,
        fix: 'Add them to the page’s <head> as <meta property="og:…"> / <meta name="twitter:…"> with content.',
      });
    }
    const type = firstMeta(page, 'og:type');
    if (isPost && type !== undefined && type !== 'article') {
      findings.push({ message: `A post has og:type "${type}".`, fix: 'Give posts og:type "article" (with article:published_time).' });
    }
    return findings;
  },
};
