import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from './site-schema.ts';
import { hostKind, PLACEHOLDER_DOMAIN, placeholderSettings, productionUrlProblem, siteUrlReport, urlSetBy } from './site-url.ts';
import { minimalSettings } from './test-settings.ts';

const hostOf = (url: string) => new URL(url).hostname;

describe('hostKind', () => {
  it.each([
    ['http://localhost:4321/', 'loopback'],
    ['https://LOCALHOST./', 'loopback'],
    ['https://blog.localhost/', 'loopback'],
    ['https://127.0.0.1/', 'loopback'],
    ['https://127.1/', 'loopback'],
    ['https://0x7f.0.0.1/', 'loopback'],
    ['https://0.0.0.0/', 'loopback'],
    ['https://[::1]/', 'loopback'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://10.1.2.3/', 'private'],
    ['https://172.16.0.1/', 'private'],
    ['https://172.31.255.255/', 'private'],
    ['https://192.168.1.5:8080/', 'private'],
    ['https://[fc00::1]/', 'private'],
    ['https://[fd12:3456::1]/', 'private'],
    ['https://[::ffff:10.0.0.1]/', 'private'],
    ['https://printer.local/', 'private'],
    ['https://169.254.10.1/', 'link-local'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://172.32.0.1/', 'public'],
    ['https://11.0.0.1/', 'public'],
    ['https://[2001:db8::1]/', 'public'],
    ['https://blog.example.org/', 'public'],
    ['https://localhost.example.com/', 'public'],
    ['https://local.example/', 'public'],
  ])('%s is %s', (url, kind) => {
    expect(hostKind(hostOf(url))).toBe(kind);
  });
});

describe('productionUrlProblem', () => {
  it.each([
    { url: 'https://blog.example.org/', problem: undefined },
    { url: 'https://urban-haze.example/', problem: undefined },
    { url: 'http://blog.example.org/', problem: 'it uses http://, which browsers mark as not secure and search engines rank below https://' },
    { url: 'http://localhost:4321/', problem: 'localhost is a loopback address (this machine only)' },
    { url: 'https://192.168.1.5/', problem: '192.168.1.5 is an address on a private network' },
    { url: 'https://169.254.1.1/', problem: '169.254.1.1 is a link-local address (one network segment only)' },
  ])('$url: $problem', ({ url, problem }) => {
    expect(productionUrlProblem(url)).toBe(problem);
  });
});

describe('placeholderSettings', () => {
  it('names every setting on the placeholder domain, however it is written', () => {
    const settings = {
      url: 'https://blog.example.org/',
      author: { name: 'Ann', url: `https://${PLACEHOLDER_DOMAIN}/about/` },
      publisher: { logo: `//www.${PLACEHOLDER_DOMAIN}/logo.png` },
      email: `hello@${PLACEHOLDER_DOMAIN}`,
      social: [{ label: 'GitHub', url: 'https://github.com/a' }, { label: 'Blog', url: `https://${PLACEHOLDER_DOMAIN.toUpperCase()}` }],
      description: 'Not a link: urban-haze.examples and urban-haze.example.org are other names.',
      postsPerPage: 5,
    };
    expect(placeholderSettings(settings)).toEqual(['author.url', 'publisher.logo', 'email', 'social[1].url']);
  });
});

describe('urlSetBy', () => {
  it.each([
    { env: {}, setBy: undefined },
    { env: { SITE_URL: 'https://a.example/' }, setBy: 'SITE_URL' },
    { env: { SITE_CONFIG_OVERRIDES: '{"url": "https://a.example/"}' }, setBy: 'SITE_CONFIG_OVERRIDES' },
    { env: { SITE_CONFIG_OVERRIDES: '{"postsPerPage": 2}' }, setBy: undefined },
  ])('$setBy for $env', ({ env, setBy }) => {
    expect(urlSetBy(env)).toBe(setBy);
  });
});

describe('siteUrlReport', () => {
  const production = { preview: false };
  const onPlaceholder = parseSiteConfig({
    ...minimalSettings,
    url: `https://${PLACEHOLDER_DOMAIN}`,
    author: { name: 'A', url: `https://${PLACEHOLDER_DOMAIN}/about/` },
    email: `hello@${PLACEHOLDER_DOMAIN}`,
  });

  it('passes a public https:// site with its own addresses', () => {
    expect(siteUrlReport(parseSiteConfig(minimalSettings), production)).toEqual({});
  });

  it('fails a production build on localhost, naming where the URL came from and the fix', () => {
    const config = parseSiteConfig(minimalSettings, { SITE_URL: 'http://localhost:4321' });
    expect(siteUrlReport(config, { ...production, setBy: 'SITE_URL' }).error).toBe(
      "The site URL http://localhost:4321/ (from SITE_URL) cannot be a production site's address: localhost is a loopback address " +
        '(this machine only), and every canonical link, the sitemap, robots.txt and the feed are written with it. Set url in ' +
        'src/site.config.ts (or the SITE_URL environment variable) to the public https:// address the site is served from, or make ' +
        'a preview build with SITE_PREVIEW=1.',
    );
  });

  it.each(['http://blog.example.org', 'https://10.0.0.7', 'https://[fd00::7]'])('fails a production build on %s', (url) => {
    expect(siteUrlReport(parseSiteConfig({ ...minimalSettings, url }), production).error).toMatch(/cannot be a production site's address/);
  });

  it('lets a preview build use a local URL', () => {
    expect(siteUrlReport(parseSiteConfig({ ...minimalSettings, url: 'http://localhost:4321' }), { preview: true })).toEqual({});
  });

  it('warns once about the placeholder domain, naming each setting on it', () => {
    expect(siteUrlReport(onPlaceholder, production)).toEqual({
      warning:
        'The site is still on the placeholder domain urban-haze.example (url, author.url, email). Before publishing, set url in ' +
        'src/site.config.ts (or SITE_URL) to the address the site is served from, and change these settings with it.',
    });
  });

  it('warns once about settings left on the placeholder after the URL moved', () => {
    const moved = { ...onPlaceholder, url: 'https://blog.example.org/' };
    expect(siteUrlReport(moved, { ...production, setBy: 'SITE_URL' })).toEqual({
      warning:
        'The site URL is https://blog.example.org/ (from SITE_URL), but these settings still point at the placeholder domain ' +
        'urban-haze.example: author.url, email. Change them in src/site.config.ts to addresses of your own.',
    });
  });
});
