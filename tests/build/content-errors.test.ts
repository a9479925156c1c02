// Bad content must stop the build with a message naming the file, the field and the fix.
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture, post, type BuildResult } from '../helpers/fixture-site.ts';

const builds: BuildResult[] = [];
afterAll(() => builds.forEach((build) => build.cleanup()));

async function failingBuild(posts: Record<string, string | Buffer>): Promise<BuildResult> {
  const build = await buildFixture({ posts: { 'good.md': post({ title: '"A good post"' }), ...posts } });
  builds.push(build);
  return build;
}

describe('a build with bad content fails and says how to fix it', () => {
  it.each([
    {
      name: 'a missing description',
      file: 'no-description.md',
      contents: post({ description: undefined }),
      expected: ['no-description.md', 'description: description is required: add description:'],
    },
    {
      name: 'an impossible date',
      file: 'bad-date.md',
      contents: post({ pubDate: '2024-13-45' }),
      expected: ['bad-date.md', 'pubDate: "2024-13-45" is not a real date (month 13 does not exist). Write a calendar date like 2026-03-10'],
    },
    {
      name: 'a vague date',
      file: 'vague-date.md',
      contents: post({ pubDate: 'yesterday' }),
      expected: ['vague-date.md', 'pubDate: "yesterday" is not a date in a format this site accepts'],
    },
    {
      name: 'an empty date',
      file: 'empty-date.md',
      contents: post({ pubDate: '""' }),
      expected: ['empty-date.md', 'pubDate: the date is empty.'],
    },
    {
      name: 'an update before publication',
      file: 'updated-early.md',
      contents: post({ pubDate: '2026-02-01', updatedDate: '2026-01-01' }),
      expected: ['updated-early.md', 'updatedDate: updatedDate is before pubDate'],
    },
    {
      name: 'a typo in a key',
      file: 'typo.md',
      contents: post({ descripton: '"Typo"' }),
      expected: ['typo.md', 'descripton: unknown key "descripton": did you mean "description"?'],
    },
    {
      name: 'malformed YAML',
      file: 'broken-yaml.md',
      contents: '---\ntitle: "Unclosed\ndescription: "x"\npubDate: 2026-01-01\n---\nBody\n',
      expected: ['broken-yaml.md:2: invalid YAML in the frontmatter: Missing closing "quote'],
    },
    {
      name: 'a byte-order mark',
      file: 'bom.md',
      contents: `\uFEFF${post()}`,
      expected: ['bom.md:1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM'],
    },
    {
      name: 'a misspelt SEO lint rule',
      file: 'lint-typo.md',
      contents: post({ lint: '{ "descripton-length": "off" }' }),
      expected: ['lint-typo.md', 'lint.descripton-length: unknown lint rule "descripton-length": did you mean "description-length"?'],
    },
    {
      name: 'a hero image without alt text',
      file: 'hero/index.md',
      contents: post({ hero: '\n  src: ./hero.svg' }),
      expected: ['hero/index.md', 'hero.alt: hero.alt is required: describe the image'],
    },
  ])('$name', async ({ file, contents, expected }) => {
    const heroImage = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    const build = await failingBuild({ [file]: contents, 'hero/hero.svg': heroImage });
    expect(build.exitCode).not.toBe(0);
    for (const text of expected) expect(build.output).toContain(text);
    expect(build.files().filter((path) => path.endsWith('.html'))).toEqual([]);
  });

  it('two posts with one URL, naming both files', async () => {
    const build = await failingBuild({ 'twin.md': post(), 'twin/index.md': post({ title: '"The other twin"' }) });
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toMatch(/Two posts resolve to the same URL slug "twin": \S*content\/posts\/twin(\.md|\/index\.md) and \S*content\/posts\/twin(\/index\.md|\.md)/);
  });

  it('an explicit slug that takes another post’s URL', async () => {
    const build = await failingBuild({ 'first.md': post(), 'second.md': post({ slug: 'first' }) });
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('Two posts resolve to the same URL slug "first"');
  });
});
