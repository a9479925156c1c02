import type { PageRule } from '../types.ts';
import { quote } from './helpers.ts';

export const headingOrder: PageRule = {
  id: 'heading-order',
  scope: 'page',
  description: 'Heading levels never skip on the way down (h2 then h4), so the outline reads correctly in assistive technology.',
  defaultLevel: 'error',
  check(page) {
    const findings = [];
    for (let index = 1; index < page.headings.length; index++) {
      const previous = page.headings[index - 1]!;
      const heading = page.headings[index]!;
      if (heading.level <= previous.level + 1) continue;
      const expected = previous.level + 1;
      findings.push({
        message: `The heading ${quote(heading.text, 60)} is an h${heading.level} after an h${previous.level}; the outline skips h${expected}.`,
        fix: `Make it an h${expected} (${'#'.repeat(expected)} in Markdown), or add the missing level above it.`,
        evidence: heading.text,
      });
    }
    return findings;
  },
};
