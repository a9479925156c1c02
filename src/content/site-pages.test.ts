import { describe, expect, it } from 'vitest';
import { aboutPageSchema, checkPageSource, missingPageProblem, promoNoteSchema, showsPromoNote, unknownPageProblems } from './site-pages.ts';

const about = aboutPageSchema('Europe/London');
const bytes = (text: string) => new TextEncoder().encode(text);
const FILE = 'content/pages/about.md';

describe('checkPageSource: the About page', () => {
  it('accepts a title, a description and the date its text last changed, read in the site’s time zone', () => {
    const checked = checkPageSource(bytes('---\ntitle: About us\ndescription: Who we are.\nupdatedDate: 2026-07-01\n---\n\nWe write guides.\n'), FILE, about);
    expect(checked.problems).toEqual([]);
    expect(checked.entry?.body).toBe('We write guides.');
    expect(about.parse(checked.entry?.data).updatedDate.toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('names each misspelt field at its line and each missing one at the frontmatter’s end, with the fix', () => {
    const checked = checkPageSource(bytes('---\ntitle: About us\ndescripton: Who we are.\n---\n\nText.\n'), FILE, about);
    expect(checked.problems).toEqual([
      { file: FILE, line: 4, column: 1, message: expect.stringMatching(/^description: description is required: add description: /) },
      { file: FILE, line: 4, column: 1, message: expect.stringMatching(/^updatedDate: updatedDate is required\. /) },
      { file: FILE, line: 3, column: 1, message: 'descripton: unknown key "descripton": did you mean "description"?' },
    ]);
  });

  it('refuses a date that is not one, and a file that is not UTF-8, at the place to fix', () => {
    const [badDate] = checkPageSource(bytes('---\ntitle: A\ndescription: B\nupdatedDate: 29/11/2026\n---\n'), FILE, about).problems;
    expect(badDate).toMatchObject({ file: FILE, line: 4, message: expect.stringMatching(/^updatedDate: /) });
    const [badByte] = checkPageSource(new Uint8Array([...bytes('---\ntitle: A\n---\n'), 0xff]), FILE, about).problems;
    expect(badByte).toMatchObject({ file: FILE, line: 4, message: expect.stringContaining('UTF-8') });
  });
});

describe('checkPageSource: the promo note', () => {
  it('needs only its heading; anything else is a typo', () => {
    expect(checkPageSource(bytes('---\ntitle: Need help?\n---\n\nAsk us.\n'), 'content/pages/promo.md', promoNoteSchema).problems).toEqual([]);
    expect(checkPageSource(bytes('---\ntitle: Need help?\nupdatedDate: 2026-01-01\n---\n'), 'content/pages/promo.md', promoNoteSchema).problems).toEqual([
      { file: 'content/pages/promo.md', line: 3, column: 1, message: 'updatedDate: unknown key "updatedDate": remove it (allowed keys: title)' },
    ]);
  });
});

describe('missing and unknown page files', () => {
  it('says what a missing About page is for and what to write in it', () => {
    expect(missingPageProblem('about', 'content/pages')).toEqual({
      file: 'content/pages/about.md',
      message: expect.stringMatching(/^the file is missing; it holds the About page \(\/about\/\).*title:, description: and updatedDate:/),
    });
  });

  it('offers the switch in the site config when the promo note is missing', () => {
    expect(missingPageProblem('promo', 'content/pages').message).toContain('or set promo: false in src/site.config.ts');
  });

  it('refuses a Markdown file no page reads, and ignores other files such as images', () => {
    expect(unknownPageProblems(['about.md', 'abuot.md', 'avatar.png', 'promo.md'], 'content/pages')).toEqual([
      { file: 'content/pages/abuot.md', message: expect.stringContaining('content/pages/ holds only about.md, promo.md') },
    ]);
  });
});

describe('showsPromoNote', () => {
  it('shows the note unless the post opts out or the site shows none', () => {
    expect(showsPromoNote({ promo: true }, { promo: true })).toBe(true);
    expect(showsPromoNote({ promo: false }, { promo: true })).toBe(false);
    expect(showsPromoNote({ promo: true }, { promo: false })).toBe(false);
  });
});
