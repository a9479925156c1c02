// A post with a quick answer (frontmatter `summary`) and enough sections for a table of contents, for
// the browser tests of the post page: added to the builds that already hold the project's own content.
import { post } from './fixture-site.ts';

export const QUICK_ANSWER_PATH = '/posts/quick-answer-fixture/';
export const QUICK_ANSWER = 'Yes: the zephyr-lantern check takes two minutes and needs no tools.';

const BODY = `The opening paragraph of the lantern guide, which a reader arriving from search should see on the first screen of a phone.

## Before you start

Find the lantern and a quiet table. This first section ends with the word marzipan.

## Second step

Open the lantern's cover and look for the maker's mark inside it.

## Third step

Close the cover again; the check is done.
`;

export const QUICK_ANSWER_POSTS = {
  'quick-answer-fixture.md': post({ title: '"The lantern check, with a quick answer"', summary: JSON.stringify(QUICK_ANSWER) }, BODY),
};
