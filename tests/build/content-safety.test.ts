// Posts whose HTML is unsafe or broken are refused: one build lists every problem of every post with
// file:line:column and the fix, and nothing of those posts reaches dist/ or the feed.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/lib/files.ts';
import { buildFixture, post, PROJECT_ROOT, type BuildResult } from '../helpers/fixture-site.ts';

const INTRO = 'A harmless opening paragraph.';

// Each bad post's body; line 1 of a body is line 8 of its file (post() writes 6 frontmatter lines and a blank).
const BAD_POSTS: Record<string, { title: string; body: string }> = {
  'a-script.md': { title: 'A post with a script', body: `${INTRO}\n\n<script>document.title = "pwned-by-script"</script>` },
  'a-frame.md': {
    title: 'A post with frames',
    body: `${INTRO}\n\n<iframe src="https://www.youtube-nocookie.com/embed/allowed" title="An allowed video"></iframe>\n\n<iframe src="https://tracker.example/pwned-frame" title="An ad"></iframe>`,
  },
  'handlers.md': {
    title: 'A post with handlers',
    body: `${INTRO}\n\n<img src="/logo.png" alt="The logo" onerror="pwnedByHandler()">\n\nA [link](javascript:pwnedByLink()) and [another](data:text/html,pwned-by-data).`,
  },
  'mixed-content.md': { title: 'A post with mixed content', body: `${INTRO}\n\n![A chart](http://images.example/pwned-mixed.png)` },
  'missing-images/index.md': {
    title: 'A post with missing images',
    body: `${INTRO}\n\n![A photo that was never saved](./does-not-exist.jpg)\n\n![A logo that was renamed](/pwned-missing-logo.png)`,
  },
};

const MARKERS = ['pwned-by-script', 'tracker.example', 'pwnedByHandler', 'pwnedByLink', 'pwned-by-data', 'pwned-mixed', 'does-not-exist.jpg', 'pwned-missing-logo'];

describe('a build with unsafe or broken post HTML', () => {
  let build: BuildResult;
  const where = (file: string, line: number, column: number) =>
    `${displayPath(join(build.directory, 'content/posts', file), PROJECT_ROOT)}:${line}:${column}`;

  beforeAll(async () => {
    const posts: Record<string, string> = { 'good.md': post({ title: '"A good post"' }) };
    for (const [file, { title, body }] of Object.entries(BAD_POSTS)) posts[file] = post({ title: JSON.stringify(title) }, body);
    build = await buildFixture({
      posts,
      env: { SITE_CONFIG_OVERRIDES: JSON.stringify({ embeds: { frameHosts: ['www.youtube-nocookie.com'] } }) },
    });
  });
  afterAll(() => build.cleanup());

  it('fails, listing every problem of every post at once', () => {
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('The Markdown of 5 posts needs fixing before they can be published:');
  });

  it.each([
    { file: 'a-script.md', line: 10, column: 1, message: 'the <script> element is refused: posts may not run scripts' },
    {
      file: 'a-frame.md',
      line: 12,
      column: 1,
      message: 'the <iframe> from "tracker.example" is refused: it is not an embed host the site allows; link to the page instead, or, if you trust tracker.example, add it to embeds.frameHosts in src/site.config.ts',
    },
    { file: 'handlers.md', line: 10, column: 1, message: 'the onerror="pwnedByHandler()" attribute on <img> is refused: posts may not carry inline event handlers' },
    { file: 'handlers.md', line: 12, column: 3, message: 'the href URL "javascript:pwnedByLink()" on <a> is refused: javascript: URLs run code or hide content' },
    { file: 'handlers.md', line: 12, column: 40, message: 'the href URL "data:text/html,pwned-by-data" on <a> is refused: data: URLs run code or hide content' },
    { file: 'mixed-content.md', line: 10, column: 1, message: 'the src "http://images.example/pwned-mixed.png" on <img> is insecure on this https site (mixed content' },
    {
      file: 'missing-images/index.md',
      line: 10,
      column: 1,
      message: 'the image "./does-not-exist.jpg" does not exist (',
    },
    { file: 'missing-images/index.md', line: 12, column: 1, message: 'the image "/pwned-missing-logo.png" does not exist (public/pwned-missing-logo.png); check the file name, or save the image there' },
  ])('names $file:$line and the fix: $message', ({ file, line, column, message }) => {
    expect(build.output).toContain(`${where(file, line, column)}: ${message}`);
  });

  it('says nothing of the allowed embed', () => {
    expect(build.output).not.toContain('embed/allowed');
  });

  it('stops on its own message for a missing image, once, not on Astro’s', () => {
    expect(build.output.split('the image "./does-not-exist.jpg" does not exist').length - 1).toBe(1);
    expect(build.output).not.toContain('Could not find requested image');
    expect(build.output).not.toContain('ImageNotFound');
  });

  it('stops before writing any page or the feed', () => {
    expect(build.files().filter((path) => /\.(html|xml)$/.test(path))).toEqual([]);
  });

  it('publishes nothing of the refused posts, in pages or in the feed', () => {
    const files = build.files();
    expect(files.filter((path) => /a-script|a-frame|handlers|mixed-content|missing-images/.test(path))).toEqual([]);
    expect(files).not.toContain('rss.xml');
    for (const path of files.filter((candidate) => /\.(html|xml|json|txt)$/.test(candidate))) {
      const contents = build.read(path);
      for (const marker of MARKERS) expect(contents, `${path} holds ${marker}`).not.toContain(marker);
    }
  });
});
