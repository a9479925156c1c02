import type { PageRule } from '../types.ts';
import { quote } from './helpers.ts';

export const h1Single: PageRule = {
  id: 'h1-single',
  scope: 'page',
  description: 'Each page has exactly one <h1> with text: the main heading of its outline.',
  defaultLevel: 'error',
  check(page) {
    const h1s = page.headings.filter((heading) => heading.level === 1);
    if (h1s.length === 0) return [{ message: 'The page has no <h1>.', fix: 'Give the page one <h1> stating what it is about.' }];
    if (h1s.length > 1) {
      return [
        {
          message: `The page has ${h1s.length} <h1> elements: ${h1s.map((heading) => quote(heading.text, 40)).join(', ')}.`,
          fix: 'Keep one <h1>; in a post body, start sections at ## (h2), since the title is already the h1.',
          evidence: `# ${h1s[1]!.text}`,
        },
      ];
    }
    if (h1s[0]!.text === '') return [{ message: 'The <h1> is empty.', fix: 'Put the page’s main heading text in its <h1>.' }];
    return [];
  },
};
