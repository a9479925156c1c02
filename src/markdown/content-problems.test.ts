import { describe, expect, it } from 'vitest';
import { assertNoContentProblems, bodyLineOffset, ContentProblemError } from './content-problems.ts';

describe('bodyLineOffset', () => {
  it.each([
    { name: 'no frontmatter', source: 'Body\n', offset: 0 },
    { name: 'frontmatter then the body', source: '---\ntitle: a\n---\nBody\n', offset: 3 },
    { name: 'blank lines before the body, which Astro trims', source: '---\ntitle: a\n---\n\n\nBody\n', offset: 5 },
    { name: 'Windows line endings', source: '---\r\ntitle: a\r\n---\r\n\r\nBody\r\n', offset: 4 },
    { name: 'an unclosed fence', source: '---\ntitle: a\n', offset: 0 },
  ])('counts the lines before the body with $name', ({ source, offset }) => {
    expect(bodyLineOffset(source)).toBe(offset);
  });
});

describe('assertNoContentProblems', () => {
  it('passes a post without problems', () => {
    expect(() => assertNoContentProblems({ wordCount: 3 })).not.toThrow();
  });

  it('fails with every problem, each naming its file and line', () => {
    const frontmatter = {
      contentProblems: [
        { location: 'content/posts/a.md:12:1', message: 'the image "./a.jpg" has no alt text' },
        { location: 'content/posts/a.md:20:5', message: 'the link to "./b.md" points to a file that does not exist' },
      ],
    };
    expect(() => assertNoContentProblems(frontmatter)).toThrow(ContentProblemError);
    expect(() => assertNoContentProblems(frontmatter)).toThrow(
      'The Markdown of a post needs fixing before it can be published:\n' +
        '  content/posts/a.md:12:1: the image "./a.jpg" has no alt text\n' +
        '  content/posts/a.md:20:5: the link to "./b.md" points to a file that does not exist',
    );
  });

  it('fails once for several posts, listing the problems of each', () => {
    const a = { contentProblems: [{ location: 'content/posts/a.md:3:1', message: 'the <script> element is refused' }] };
    const b = { contentProblems: [{ location: 'content/posts/b.md:7:4', message: 'the image "./b.jpg" does not exist' }] };
    expect(() => assertNoContentProblems(a, { wordCount: 3 }, b)).toThrow(
      'The Markdown of 2 posts needs fixing before they can be published:\n' +
        '  content/posts/a.md:3:1: the <script> element is refused\n' +
        '  content/posts/b.md:7:4: the image "./b.jpg" does not exist',
    );
  });
});
