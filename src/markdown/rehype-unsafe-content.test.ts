import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../tests/helpers/markdown-fixtures.ts';
import { readContentProblems } from './content-problems.ts';
import { markdownPipeline } from './pipeline.ts';
import { urlScheme } from './rehype-unsafe-content.ts';

// Each post runs through the site's whole pipeline, as a build renders it: the check reports the
// problem at the post's line, and the sanitizer at the end has removed what was refused.
const POST = resolve('content/posts/a-post.md');

async function render(body: string, { site = 'https://urban-haze.example/', frameHosts = ['www.youtube-nocookie.com'] } = {}) {
  const plugins = markdownPipeline(
    { url: site, trailingSlash: 'always', buildFormat: 'directory', embeds: { frameHosts } },
    { contentDir: resolve('content'), publicDir: resolve('public') },
  );
  const rendered = await renderMarkdown(`An opening paragraph.\n\n${body}\n`, POST, plugins);
  return { html: rendered.html, problems: readContentProblems(rendered.frontmatter).map((problem) => `${problem.location}: ${problem.message}`) };
}

describe('HTML a post may not publish is refused, naming the line and the fix', () => {
  it.each([
    {
      name: 'a script',
      body: '<script>alert("hi")</script>',
      problem: '3:1: the <script> element is refused: posts may not run scripts (the site’s Content-Security-Policy would block it anyway); remove it, or show the code in a fenced code block',
      removed: 'alert',
    },
    {
      name: 'a script inside a paragraph',
      body: 'Some text <script src="https://cdn.example/x.js"></script> and more.',
      problem: '3:11: the <script> element is refused: posts may not run scripts',
      removed: 'cdn.example',
    },
    {
      name: 'an iframe from a host the owner has not allowed',
      body: '<iframe src="https://ads.example/frame" title="An ad"></iframe>',
      problem:
        '3:1: the <iframe> from "ads.example" is refused: it is not an embed host the site allows; link to the page instead, or, if you trust ads.example, add it to embeds.frameHosts in src/site.config.ts',
      removed: 'ads.example',
    },
    {
      name: 'an iframe when no embed host is allowed',
      body: '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A video"></iframe>',
      frameHosts: [],
      problem: '3:1: the <iframe> from "www.youtube-nocookie.com" is refused: it is not an embed host the site allows',
      removed: 'iframe',
    },
    {
      name: 'an iframe without a src',
      body: '<iframe srcdoc="<p>hi</p>" title="Inline"></iframe>',
      problem: '3:1: an <iframe> needs a src on a host the site allows; link to the page instead',
      removed: 'iframe',
    },
    {
      name: 'an inline event handler on an image',
      body: '<img src="/logo.png" alt="The logo" onerror="alert(1)">',
      problem: '3:1: the onerror="alert(1)" attribute on <img> is refused: posts may not carry inline event handlers (the CSP blocks them too); remove it',
      removed: 'onerror',
    },
    {
      name: 'an inline event handler on a link',
      body: 'Read <a href="/about/" onclick="track()">about us</a>.',
      problem: '3:6: the onclick="track()" attribute on <a> is refused: posts may not carry inline event handlers',
      removed: 'onclick',
    },
    {
      name: 'a javascript: link in Markdown',
      body: 'A [harmless-looking link](javascript:alert(document.cookie)).',
      problem: '3:3: the href URL "javascript:alert(document.cookie)" on <a> is refused: javascript: URLs run code or hide content; use an https:// address or a file beside the post',
      removed: 'javascript:',
    },
    {
      name: 'a javascript: link hidden by case and a tab',
      body: '<a href="JaVa&#9;ScRiPt:alert(1)">click</a>',
      problem: '3:1: the href URL "JaVa\\tScRiPt:alert(1)" on <a> is refused: javascript: URLs run code',
      removed: 'alert',
    },
    {
      name: 'a vbscript: link',
      body: '<a href="vbscript:msgbox(1)">old</a>',
      problem: '3:1: the href URL "vbscript:msgbox(1)" on <a> is refused: vbscript: URLs run code or hide content',
      removed: 'vbscript',
    },
    {
      name: 'a data: link',
      body: '[a page](data:text/html;base64,PHNjcmlwdD4=)',
      problem: '3:1: the href URL "data:text/html;base64,PHNjcmlwdD4=" on <a> is refused: data: URLs run code or hide content',
      removed: 'data:',
    },
    {
      name: 'a data: image',
      body: '![A red dot](data:image/png;base64,iVBORw0KGgo=)',
      problem: '3:1: the src URL "data:image/png;base64,iVBORw0KGgo=" on <img> is refused: data: URLs run code or hide content',
      removed: 'data:',
    },
    {
      name: 'a plugin object',
      body: '<object data="/movie.swf"></object>',
      problem: '3:1: the <object> element is refused: browsers no longer run plugins (the CSP sets object-src none); link to the file instead, or use <video>/<audio> for media',
      removed: 'movie.swf',
    },
    {
      name: 'an embed',
      body: '<embed src="/movie.swf">',
      problem: '3:1: the <embed> element is refused: browsers no longer run plugins',
      removed: 'movie.swf',
    },
    {
      name: 'a form',
      body: '<form action="https://collect.example/"><input type="email" name="email"></form>',
      problem: '3:1: the <form> element is refused: a static site cannot receive a form, and the CSP only lets forms post to this site; link to a contact page or a mailto: address instead',
      removed: 'collect.example',
    },
    {
      name: 'a style sheet',
      body: '<style>body { display: none }</style>',
      problem: '3:1: the <style> element is refused: posts may not carry their own styles (the Content-Security-Policy blocks inline styles)',
      removed: 'display',
    },
    {
      name: 'a base URL',
      body: '<base href="https://elsewhere.example/">',
      problem: '3:1: the <base> element is refused: it would change where every link on the page points; remove it',
      removed: 'elsewhere',
    },
    {
      name: 'a meta refresh',
      body: '<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">',
      problem: '3:1: the <meta> element is refused: it belongs in the page’s <head>, which the site writes itself',
      removed: 'elsewhere',
    },
    {
      name: 'a stylesheet link',
      body: '<link rel="stylesheet" href="https://cdn.example/theme.css">',
      problem: '3:1: the <link> element is refused: it belongs in the page’s <head>, which the site writes itself; remove it',
      removed: 'theme.css',
    },
    {
      name: 'an inline SVG drawing',
      body: '<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>',
      problem: '3:1: the <svg> element is refused: save the drawing as an .svg file beside the post and include it as an image, e.g. ![Describe the drawing](./drawing.svg)',
      removed: 'circle',
    },
    {
      name: 'an inline style',
      body: '<p style="color: red">Red text.</p>',
      problem: '3:1: the style attribute on <p> is refused: the site’s Content-Security-Policy blocks inline styles; remove it',
      removed: 'style=',
    },
    {
      name: 'an element no post needs',
      body: '<marquee>Breaking news</marquee>',
      problem: '3:1: the <marquee> element is not allowed in posts; use Markdown or an element README.md (“What a post may contain”) lists, or remove it',
      removed: 'marquee',
    },
    {
      name: 'an attribute no post needs',
      body: '<p contenteditable="true">Edit me.</p>',
      problem: '3:1: the contenteditable="true" attribute on <p> is not allowed in posts; remove it',
      removed: 'contenteditable',
    },
    {
      name: 'an http:// image in Markdown on an https site',
      body: '![A chart of page weight](http://images.example/chart.png)',
      problem: '3:1: the src "http://images.example/chart.png" on <img> is insecure on this https site (mixed content, which browsers block or flag); use its https:// address, or save the image beside the post',
      removed: 'http://images.example',
    },
    {
      name: 'an http:// image on the site’s own host',
      body: '![The logo](http://urban-haze.example/logo.png)',
      problem: '3:1: the src "http://urban-haze.example/logo.png" on <img> is insecure on this https site (mixed content',
      removed: 'http://',
    },
    {
      name: 'an http:// candidate in a srcset',
      body: '<img src="/logo.png" srcset="/logo.png 1x, http://images.example/logo@2x.png 2x" alt="The logo">',
      problem: '3:1: the srcset "http://images.example/logo@2x.png" on <img> is insecure on this https site (mixed content',
      removed: 'http://',
    },
    {
      name: 'an http:// video poster',
      body: '<video src="https://media.example/clip.mp4" poster="http://media.example/still.jpg" controls></video>',
      problem: '3:1: the poster "http://media.example/still.jpg" on <video> is insecure on this https site (mixed content',
      removed: 'http://',
    },
    {
      name: 'an http:// audio source',
      body: '<audio controls><source src="http://media.example/talk.mp3" type="audio/mpeg"></audio>',
      problem: '3:17: the src "http://media.example/talk.mp3" on <source> is insecure on this https site (mixed content',
      removed: 'http://',
    },
    {
      name: 'an http:// frame from an allowed host',
      body: '<iframe src="http://www.youtube-nocookie.com/embed/abc" title="A video"></iframe>',
      problem: '3:1: the src "http://www.youtube-nocookie.com/embed/abc" on <iframe> is insecure on this https site (mixed content',
      removed: 'http://',
    },
    {
      name: 'a frame from an allowed host without a title',
      body: '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
      problem: '3:1: the <iframe> from "www.youtube-nocookie.com" has no title; say what it shows, for screen readers, e.g. <iframe title="Video: setting up the router" …>',
      removed: 'iframe',
    },
    {
      name: 'a video file beside the post, which is never published',
      body: '<video src="./clip.mp4" controls></video>',
      problem: '3:1: the src "./clip.mp4" on <video> points beside the post, where only Markdown images are published; save the file in public/ and write its path from there, e.g. "/media/clip.mp4"',
      removed: 'clip.mp4',
    },
    {
      name: 'inline HTML for an allowed frame that also runs code',
      body: '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A video" srcdoc="<script>1</script>"></iframe>',
      problem: '3:1: the srcdoc="<script>1</script>" attribute on <iframe> is not allowed in posts; remove it',
      removed: 'srcdoc',
    },
  ])('$name', async ({ body, problem, removed, frameHosts }) => {
    const { html, problems } = await render(body, frameHosts ? { frameHosts } : {});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`content/posts/a-post.md:${problem}`);
    expect(html.toLowerCase()).not.toContain(removed.toLowerCase());
  });
});

describe('HTML a post may publish passes unchanged', () => {
  it.each([
    {
      name: 'a frame from an allowed embed host',
      body: '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A short video" width="560" height="315" allowfullscreen loading="lazy"></iframe>',
      kept: '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A short video" width="560" height="315" allowfullscreen loading="lazy"></iframe>',
    },
    {
      name: 'an https image',
      body: '![A chart of page weight](https://images.example/chart.png "=800x400")',
      kept: '<img src="https://images.example/chart.png" alt="A chart of page weight" loading="lazy" decoding="async" width="800" height="400">',
    },
    {
      name: 'a plain http:// link',
      body: 'An [old page](http://old.example/page) that never moved to https.',
      kept: '<a href="http://old.example/page" rel="noopener noreferrer">old page</a>',
    },
    {
      name: 'mail and phone links',
      body: '[Write to us](mailto:hello@urban-haze.example) or [call](tel:+441234567890).',
      kept: '<a href="mailto:hello@urban-haze.example">Write to us</a> or <a href="tel:+441234567890">call</a>',
    },
    {
      name: 'a figure with a caption',
      body: '<figure>\n\n![The logo](/logo.png)\n\n<figcaption>The logo, <mark>new</mark> in 2026.</figcaption>\n</figure>',
      kept: '<figcaption>The logo, <mark>new</mark> in 2026.</figcaption>',
    },
    {
      name: 'details, keyboard keys and abbreviations',
      body: '<details><summary>Shortcut</summary>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy <abbr title="HyperText Markup Language">HTML</abbr>.</details>',
      kept: '<details><summary>Shortcut</summary>Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy <abbr title="HyperText Markup Language">HTML</abbr>.</details>',
    },
    {
      name: 'an https video with captions',
      body: '<video controls width="640" poster="https://media.example/still.jpg"><source src="https://media.example/clip.mp4" type="video/mp4"><track kind="captions" src="/clip.vtt" srclang="en" label="English"></video>',
      kept: '<video controls width="640" poster="https://media.example/still.jpg"><source src="https://media.example/clip.mp4" type="video/mp4"><track kind="captions" src="/clip.vtt" srclang="en" label="English"></video>',
    },
    {
      name: 'a raw heading, with its section link',
      body: '<h2>Written as HTML</h2>',
      kept: '<h2 id="written-as-html">Written as HTML</h2><a class="heading-anchor" href="#written-as-html"',
    },
    {
      name: 'a task list and a table',
      body: '- [x] Back up\n- [ ] Test the backup\n\n| Copy | Where |\n| :-- | --: |\n| 1 | Home |',
      kept: '<li class="task-list-item"><input type="checkbox" checked disabled> Back up</li>',
    },
    {
      name: 'HTML shown as code',
      body: '```html\n<script src="/x.js" onload="go()"></script>\n```',
      kept: '<span class="token tag"><span class="token punctuation">&#x3C;</span>script</span>',
    },
    {
      name: 'an http:// image on a site served over http',
      body: '![A chart](http://images.example/chart.png)',
      site: 'http://localhost:4321/',
      kept: '<img src="http://images.example/chart.png" alt="A chart" loading="lazy" decoding="async">',
    },
  ])('$name', async ({ body, kept, site }) => {
    const { html, problems } = await render(body, site ? { site } : {});
    expect(problems).toEqual([]);
    expect(html).toContain(kept);
  });
});

describe('urlScheme', () => {
  it.each([
    { url: 'https://example.com/', scheme: 'https' },
    { url: ' JavaScript:alert(1)', scheme: 'javascript' },
    { url: 'java\nscript:alert(1)', scheme: 'javascript' },
    { url: '/posts/a/', scheme: undefined },
    { url: './photo.jpg', scheme: undefined },
    { url: '#section', scheme: undefined },
  ])('reads $url as $scheme', ({ url, scheme }) => {
    expect(urlScheme(url)).toBe(scheme);
  });
});
