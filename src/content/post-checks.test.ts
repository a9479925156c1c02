import { describe, expect, it } from 'vitest';
import { parseMarkdownEntry } from './frontmatter.ts';
import { newPostFile } from './new-post.ts';
import { heroImageCandidates, postProblems, schemaProblems, type PostCheckContext } from './post-checks.ts';
import { postSourceSchema } from './post-schema.ts';

const timeZone = 'Europe/London';
const schema = postSourceSchema(timeZone);
const context: PostCheckContext = {
  now: new Date('2026-06-01T00:00:00+01:00'),
  timeZone,
  root: '/site',
  building: true,
  fileExists: (path) => path === '/site/content/posts/with-hero/hero.jpg',
};

function check(source: string, overrides: Partial<PostCheckContext> = {}, path = '/site/content/posts/post.md') {
  const file = path.replace('/site/', '');
  const entry = parseMarkdownEntry(source, file);
  const data = schema.parse(entry.data);
  return postProblems({ file, path, source, rawData: entry.rawData, data }, { ...context, ...overrides });
}

const post = (fields: string[], body = 'A real opening paragraph.') =>
  ['---', 'title: "A post"', 'description: "What the post is about, in a sentence."', ...fields, '---', '', body, ''].join('\n');

describe('schemaProblems', () => {
  it('puts each frontmatter issue at its field’s line', () => {
    const source = post(['pubDate: 2026-13-01', 'hero:', '  src: ./a.jpg']);
    const entry = parseMarkdownEntry(source, 'content/posts/post.md');
    const result = schema.safeParse(entry.data);
    expect(result.success).toBe(false);
    const problems = schemaProblems('content/posts/post.md', entry.rawData, result.error!.issues);
    expect(problems.map(({ line, column, message }) => [line, column, message.split(' (')[0]!.split(':').slice(0, 2).join(':')])).toEqual([
      [4, 1, 'pubDate: "2026-13-01" is not a real date'],
      [5, 1, 'hero.alt: hero.alt is required'],
    ]);
  });
});

describe('heroImageCandidates', () => {
  it.each([
    { src: './hero.jpg', candidates: ['/site/content/posts/a/hero.jpg'] },
    { src: 'hero.jpg', candidates: ['/site/content/posts/a/hero.jpg'] },
    { src: '../shared/hero.jpg', candidates: ['/site/content/posts/shared/hero.jpg'] },
    { src: '/src/assets/hero.jpg', candidates: ['/site/src/assets/hero.jpg', '/src/assets/hero.jpg'] },
    { src: '~/assets/hero.jpg', candidates: [] },
    { src: '@assets/hero.jpg', candidates: [] },
    { src: 'https://images.example/hero.jpg', candidates: [] },
  ])('looks for $src at $candidates', ({ src, candidates }) => {
    expect(heroImageCandidates(src, '/site/content/posts/a/index.md', '/site')).toEqual(candidates);
  });
});

describe('postProblems', () => {
  it('passes a finished post', () => {
    expect(check(post(['pubDate: 2026-05-01', 'updatedDate: 2026-06-01']))).toEqual([]);
  });

  it('refuses a hero image that does not exist, at hero.src', () => {
    expect(check(post(['pubDate: 2026-05-01', 'hero:', '  src: ./missing.jpg', '  alt: "A view"']), {}, '/site/content/posts/with-hero/index.md')).toEqual([
      {
        file: 'content/posts/with-hero/index.md',
        line: 6,
        column: 3,
        message:
          'hero.src: the image "./missing.jpg" does not exist (looked for content/posts/with-hero/missing.jpg). Check the file name, ' +
          'or put the image next to the post and write its path from there, e.g. src: ./hero.jpg',
      },
    ]);
    expect(check(post(['pubDate: 2026-05-01', 'hero:', '  src: ./hero.jpg', '  alt: "A view"']), {}, '/site/content/posts/with-hero/index.md')).toEqual([]);
  });

  it('refuses an update dated after the build date, at updatedDate', () => {
    expect(check(post(['pubDate: 2026-05-01', 'updatedDate: 2031-01-01']))).toEqual([
      {
        file: 'content/posts/post.md',
        line: 5,
        column: 1,
        message:
          'updatedDate: 2031-01-01 is after the build date 2026-06-01, so the page and the sitemap would announce a change that ' +
          'has not happened. Set updatedDate to the day of the last real change, or remove it.',
      },
    ]);
  });

  it('leaves the future update of a post that is not published yet alone', () => {
    expect(check(post(['pubDate: 2030-01-01', 'updatedDate: 2031-01-01']))).toEqual([]);
  });

  describe('text left from the new-post template', () => {
    const template = newPostFile({ title: 'Left as made', now: context.now, timeZone }).contents;
    const published = template.replace(/^# Remove.*\ndraft: true\n/m, '');

    it('refuses it in a post to be published, at the description and the body line', () => {
      expect(check(published).map(({ line, column, message }) => [line, column, message.slice(0, 60)])).toEqual([
        [3, 1, 'description: still the new-post template’s placeholder. Writ'],
        [8, 1, 'the body still has the new-post template’s text; replace "St'],
      ]);
    });

    it('refuses it in a scheduled post, which goes out on its own', () => {
      expect(check(published.replace(/pubDate: .*/, 'pubDate: 2027-01-01'))).toHaveLength(2);
    });

    it.each([
      { name: 'a draft', source: template, overrides: {} },
      { name: 'a post previewed by astro dev', source: published, overrides: { building: false } },
    ])('allows it in $name', ({ source, overrides }) => {
      expect(check(source, overrides)).toEqual([]);
    });

    it('allows a description that only starts like the template’s', () => {
      expect(check(post(['pubDate: 2026-05-01'], 'What readers learn from “this” is explained below.'))).toEqual([]);
    });
  });
});
