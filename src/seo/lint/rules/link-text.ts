import type { PageRule } from '../types.ts';
import { quote } from './helpers.ts';

/** Link texts that say nothing about where a link leads (cf. Lighthouse's "link-text" audit). */
const GENERIC = new Set([
  'click here', 'click', 'here', 'this', 'this link', 'link', 'this page', 'read more', 'read', 'more', 'learn more', 'more info',
  'more information', 'see more', 'see here', 'go', 'go here', 'start', 'continue', 'continue reading', 'details', 'info', 'right here',
]);

// Every generic text is short; longer names are not worth normalising.
const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim();

export const linkText: PageRule = {
  id: 'link-text',
  scope: 'page',
  description: 'No link is named only "click here", "read more" or the like, or nothing at all: the text says where it leads.',
  defaultLevel: 'warn',
  check(page) {
    const findings = [];
    for (const anchor of page.anchors) {
      if (anchor.described) continue;
      if (anchor.name === '') {
        findings.push({ message: `A link to ${anchor.href} has no text.`, fix: 'Give it text, or an aria-label, naming where it leads.', evidence: anchor.href });
      } else if (anchor.name.length <= 24 && GENERIC.has(normalise(anchor.name))) {
        findings.push({
          message: `The link ${quote(anchor.name)} to ${anchor.href} does not say where it leads.`,
          fix: 'Use words that name the destination, e.g. "the guide to Core Web Vitals" instead of "read more".',
          evidence: anchor.href,
        });
      }
    }
    return findings;
  },
};
