import { describe, expect, it } from 'vitest';
import { ContentError, formatContentProblems } from './content-error.ts';

const problem = { file: 'content/posts/a.md', line: 3, column: 5, message: 'updatedDate: in the future. Fix it.' };
const link = { file: 'content/posts/loop', message: 'a symbolic link to the folder ".". Remove it.' };

describe('formatContentProblems', () => {
  it('writes one problem as one `file:line:column: message` line', () => {
    expect(formatContentProblems([problem])).toBe('content/posts/a.md:3:5: updatedDate: in the future. Fix it.');
  });

  it('lists several under a heading that counts them; a problem with no line names the file alone', () => {
    expect(formatContentProblems([link, problem])).toBe(
      [
        '2 problems in the content must be fixed before the site can be built:',
        '  content/posts/loop: a symbolic link to the folder ".". Remove it.',
        '  content/posts/a.md:3:5: updatedDate: in the future. Fix it.',
      ].join('\n'),
    );
  });

  it('puts even one problem under a heading when given one', () => {
    expect(formatContentProblems([problem], 'Fix this:')).toBe('Fix this:\n  content/posts/a.md:3:5: updatedDate: in the future. Fix it.');
  });
});

describe('ContentError', () => {
  it('points Astro’s "Location:" at the first problem with a line, as an absolute path, and has no stack trace', () => {
    const error = new ContentError([link, problem], { root: '/site' });
    expect(error.loc).toEqual({ file: '/site/content/posts/a.md', line: 3, column: 5 });
    expect(error.stack).toBe('');
    expect(error.problems).toEqual([link, problem]);
  });

  it('has no location when no problem has a line', () => {
    expect(new ContentError([link], { root: '/site' }).loc).toBeUndefined();
  });
});
