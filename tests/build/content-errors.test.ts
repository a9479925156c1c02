// Bad content and settings must stop the build with one message naming the file, the line and the
// fix: printed once, with no stack trace, and a real `file:line:column`.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newPostFile } from '../../src/content/new-post.ts';
import { buildFixture, post, PROJECT_ROOT, type BuildResult } from '../helpers/fixture-site.ts';

const builds: BuildResult[] = [];
afterAll(() => builds.forEach((build) => build.cleanup()));

async function build(posts: Record<string, string | Buffer>, options: { directory?: string; env?: Record<string, string>; pages?: Record<string, string> } = {}): Promise<BuildResult> {
  const result = await buildFixture({ posts: { 'good.md': post({ title: '"A good post"' }), ...posts }, ...options });
  builds.push(result);
  return result;
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** The build failed and published nothing; each message appears exactly once, without a stack trace. */
function expectRefused(result: BuildResult, messages: readonly string[]): void {
  expect(result.exitCode, result.output).not.toBe(0);
  for (const message of messages) expect(occurrences(result.output, message), `${message}\n---\n${result.output}`).toBe(1);
  expect(result.output).not.toMatch(/^\s+at /m);
  expect(result.output).not.toContain('Stack trace');
  expect(result.output).not.toContain(':0:0');
  expect(result.files().filter((path) => path.endsWith('.html'))).toEqual([]);
}

/** Astro's "Location:" line points at the same place, as an absolute path. */
function expectLocation(result: BuildResult, where: string): void {
  expect(result.output).toMatch(new RegExp(`Location:\\n\\s+/\\S*${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
}

const latin1 = Buffer.from(post({ title: '"Caf\u0000"' }).replace('\u0000', '\u00e9'), 'latin1');
const template = newPostFile({ title: 'Left as made', now: new Date('2026-05-01T12:00:00Z'), timeZone: 'Europe/London' });

describe('a build with bad content fails and says how to fix it', () => {
  it.each([
    { name: 'a missing description', file: 'no-description.md', contents: post({ description: undefined }), where: 'no-description.md:5:1', messages: ['description: description is required: add description:'] },
    { name: 'an impossible date', file: 'bad-date.md', contents: post({ pubDate: '2024-13-45' }), where: 'bad-date.md:4:1', messages: ['pubDate: "2024-13-45" is not a real date (month 13 does not exist). Write a calendar date like 2026-03-10'] },
    { name: 'a vague date', file: 'vague-date.md', contents: post({ pubDate: 'yesterday' }), where: 'vague-date.md:4:1', messages: ['pubDate: "yesterday" is not a date in a format this site accepts'] },
    { name: 'an empty date', file: 'empty-date.md', contents: post({ pubDate: '""' }), where: 'empty-date.md:4:1', messages: ['pubDate: the date is empty.'] },
    { name: 'an update before publication', file: 'updated-early.md', contents: post({ pubDate: '2026-02-01', updatedDate: '2026-01-01' }), where: 'updated-early.md:6:1', messages: ['updatedDate: updatedDate is before pubDate'] },
    { name: 'a typo in a key', file: 'typo.md', contents: post({ descripton: '"Typo"' }), where: 'typo.md:6:1', messages: ['descripton: unknown key "descripton": did you mean "description"?'] },
    { name: 'malformed YAML', file: 'broken-yaml.md', contents: '---\ntitle: "Unclosed\ndescription: "x"\npubDate: 2026-01-01\n---\nBody\n', where: 'broken-yaml.md:2:17', messages: ['invalid YAML in the frontmatter: Missing closing "quote'] },
    { name: 'a byte-order mark', file: 'bom.md', contents: `\uFEFF${post()}`, where: 'bom.md:1:1', messages: ['the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM'] },
    { name: 'a misspelt SEO lint rule', file: 'lint-typo.md', contents: post({ lint: '{ "descripton-length": "off" }' }), where: 'lint-typo.md:6:9', messages: ['lint.descripton-length: unknown lint rule "descripton-length": did you mean "description-length"?'] },
    { name: 'a hero image without alt text', file: 'hero/index.md', contents: post({ hero: '\n  src: ./hero.svg' }), where: 'hero/index.md:6:1', messages: ['hero.alt: hero.alt is required: describe the image'] },
    { name: 'a Markdown image without alt text', file: 'hero/index.md', contents: post({}, 'Intro.\n\n![](./hero.svg)'), where: 'hero/index.md:10:1', messages: ['the image "./hero.svg" has no alt text'] },
  ])('$name', async ({ file, contents, where, messages }) => {
    const heroImage = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    const result = await build({ [file]: contents, 'hero/hero.svg': heroImage });
    expectRefused(result, messages);
    expect(occurrences(result.output, `${where}: ${messages[0]}`), result.output).toBe(1);
    expectLocation(result, where);
  });

  it('several posts, each problem at its file, line and column, all in one message', async () => {
    const result = await build({
      'updated-later.md': post({ title: '"Updated later"', updatedDate: '2031-01-01' }),
      'latin1.md': latin1,
      'hero/index.md': post({ title: '"Lost hero"', hero: '\n  src: ./does-not-exist.jpg\n  alt: "A view"' }),
      [template.fileName]: template.contents.replace(/^# Remove.*\ndraft: true\n/m, ''),
    });
    expectRefused(result, [
      '5 problems in the content must be fixed before the site can be built:',
      'hero/index.md:7:3: hero.src: the image "./does-not-exist.jpg" does not exist (looked for ',
      'latin1.md:2:12: the file is not UTF-8 (byte 0xe9 here is not part of any UTF-8 character',
      `${template.fileName}:3:1: description: still the new-post template’s placeholder.`,
      `${template.fileName}:8:1: the body still has the new-post template’s text; replace "Start with a paragraph`,
      'updated-later.md:6:1: updatedDate: 2031-01-01 is after the build date 2026-06-01, so the page and the sitemap would announce a change',
    ]);
    expect(result.output).toContain('Save the file as UTF-8');
    expect(result.output).toContain('Set updatedDate to the day of the last real change, or remove it.');
    expect(result.output).not.toContain('Could not find requested image');
    expectLocation(result, 'hero/index.md:7:3');
  });

  it('symbolic links to a folder, to nothing and out of content/, each named with its target and the fix', async () => {
    const root = join(PROJECT_ROOT, '.cache/test-sites');
    mkdirSync(root, { recursive: true });
    const directory = mkdtempSync(join(root, 'urban-haze-fixture-'));
    const posts = join(directory, 'content/posts');
    mkdirSync(posts, { recursive: true });
    symlinkSync('.', join(posts, 'loop-self'));
    symlinkSync('missing.md', join(posts, 'dangling.md'));
    symlinkSync(join(PROJECT_ROOT, 'README.md'), join(posts, 'readme.md'));
    symlinkSync('good.md', join(posts, 'alias.md'));
    const result = await build({}, { directory });
    expectRefused(result, [
      'content/posts/loop-self: a symbolic link to the folder "." (',
      'which would publish the posts in it a second time at other URLs (or loop forever). Remove the link;',
      'content/posts/dangling.md: a symbolic link to "missing.md", which does not exist. Remove the link, or put back the file it points at.',
      `content/posts/readme.md: a symbolic link to "${join(PROJECT_ROOT, 'README.md')}" (README.md), outside the content folder`,
    ]);
    // A link to a file inside content/ is read as that file.
    expect(result.output).not.toContain('alias.md');
  });

  it('two posts with one URL, naming both files', async () => {
    const result = await build({ 'twin.md': post(), 'twin/index.md': post({ title: '"The other twin"' }) });
    expectRefused(result, ['Two posts resolve to the same URL slug "twin"']);
    expect(result.output).toMatch(/Two posts resolve to the same URL slug "twin": \S*content\/posts\/twin(\.md|\/index\.md) and \S*content\/posts\/twin(\/index\.md|\.md)/);
    expect(result.output).toMatch(/Location:\n\s+\/\S+content\/posts\/twin(\.md|\/index\.md):1:1\n/);
  });

  it('an explicit slug that takes another post’s URL', async () => {
    const result = await build({ 'first.md': post(), 'second.md': post({ slug: 'first' }) });
    expectRefused(result, ['Two posts resolve to the same URL slug "first"']);
  });
});

describe('a build without its owner pages fails and says what to create', () => {
  it('a missing About page and a misspelt page file, both in one message', async () => {
    const result = await build({}, { pages: { 'abuot.md': '---\ntitle: About\n---\n', 'promo.md': '---\ntitle: "Need a hand?"\n---\n\nAsk us.\n' } });
    expectRefused(result, [
      'content/pages/abuot.md: no page is built from this file; content/pages/ holds only about.md, promo.md.',
      'content/pages/about.md: the file is missing; it holds the About page (/about/), linked from the header and from every post. Create it with a frontmatter of title:, description: and updatedDate:',
    ]);
  });
});

describe('the site URL of a build', () => {
  it('fails a production build on localhost, once, with the fix', async () => {
    const result = await build({}, { env: { SITE_URL: 'http://localhost:4321' } });
    expectRefused(result, [
      "The site URL http://localhost:4321/ (from SITE_URL) cannot be a production site's address: localhost is a loopback address",
      'Set url in src/site.config.ts (or the SITE_URL environment variable) to the public https:// address the site is served from, or make a preview build with SITE_PREVIEW=1.',
    ]);
  });

  it('lets a preview build use localhost, warning once about the settings still on the placeholder domain', async () => {
    const result = await build({}, { env: { SITE_URL: 'http://localhost:4321', SITE_PREVIEW: '1' } });
    expect(result.exitCode, result.output).toBe(0);
    const warning =
      'The site URL is http://localhost:4321/ (from SITE_URL), but these settings still point at the placeholder domain ' +
      'urban-haze.example: author.url, email. Change them in src/site.config.ts to addresses of your own.';
    expect(occurrences(result.output, warning), result.output).toBe(1);
    expect(result.read('posts/good/index.html')).toContain('href="http://localhost:4321/posts/good/"');
  });
});
