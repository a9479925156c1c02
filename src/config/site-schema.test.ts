import { describe, expect, it } from 'vitest';
import { parseSiteConfig, type SiteConfigInput } from './site-schema.ts';
import { minimalSettings } from './test-settings.ts';

const valid: SiteConfigInput = { ...minimalSettings, twitter: { handle: '@example_1' } };

describe('parseSiteConfig', () => {
  it('accepts a valid configuration and fills in defaults', () => {
    const config = parseSiteConfig(valid);
    expect(config.url).toBe('https://example.com/');
    expect(config.twitter).toEqual({ handle: 'example_1' });
    expect(config.postsPerPage).toBe(10);
    expect(config.trailingSlash).toBe('always');
    expect(config.social).toEqual([]);
  });

  it('gives the SEO lint its defaults, and takes rule levels by id', () => {
    expect(parseSiteConfig(valid).lint).toEqual({
      rules: {},
      titleMaxPixels: 600,
      descriptionMinLength: 70,
      descriptionMaxLength: 160,
      reportFile: 'reports/seo-lint.json',
    });
    const config = parseSiteConfig({ ...valid, lint: { rules: { 'orphan-posts': 'off' }, titleMaxPixels: 580 } });
    expect(config.lint.rules).toEqual({ 'orphan-posts': 'off' });
    expect(config.lint.titleMaxPixels).toBe(580);
  });

  it('allows no embeds by default, and takes embed hosts in lower case', () => {
    expect(parseSiteConfig(valid).embeds).toEqual({ frameHosts: [] });
    expect(parseSiteConfig({ ...valid, embeds: { frameHosts: [' Player.Vimeo.com '] } }).embeds.frameHosts).toEqual(['player.vimeo.com']);
  });

  it('lets SITE_URL override the configured URL', () => {
    expect(parseSiteConfig(valid, { SITE_URL: 'https://blog.example.org/news' }).url).toBe('https://blog.example.org/news');
  });

  it('lets SITE_CONFIG_OVERRIDES change any field, validated like the rest', () => {
    const config = parseSiteConfig(valid, { SITE_CONFIG_OVERRIDES: '{"postsPerPage": 2, "author": {"name": "B"}}' });
    expect(config.postsPerPage).toBe(2);
    expect(config.author).toEqual({ name: 'B', url: 'https://example.com/about/', sameAs: [] });
    expect(() => parseSiteConfig(valid, { SITE_CONFIG_OVERRIDES: '{"postsPerPage": 0}' })).toThrow(/postsPerPage: show at least 1 post per page/);
    expect(() => parseSiteConfig(valid, { SITE_CONFIG_OVERRIDES: 'nope' })).toThrow(/SITE_CONFIG_OVERRIDES is not valid JSON/);
  });

  it.each([
    { change: { url: 'urban-haze.example' }, message: 'url: "urban-haze.example" is not an absolute URL; write the site URL as https://' },
    { change: { url: 'ftp://example.com' }, message: 'url: "ftp://example.com" is not an absolute URL' },
    { change: { title: undefined }, message: 'title: site title is required; add it as a string' },
    { change: { title: '  ' }, message: 'title: site title is empty; write a short site title' },
    { change: { twitter: { handle: 'not a handle!' } }, message: 'twitter.handle: "not a handle!" is not a valid X/Twitter handle; use 1–15 letters, digits or underscores' },
    { change: { timezone: 'Mars/Olympus' }, message: 'timezone: "Mars/Olympus" is not an IANA time zone' },
    { change: { titel: 'Typo' }, message: 'titel: unknown key "titel": did you mean "title"?' },
    { change: { author: { name: 'A', url: 'https://a.example', bioo: 'x' } }, message: 'author.bioo: unknown key "bioo": did you mean "bio"?' },
    { change: { author: { name: 'A', url: 'https://a.example', avatar: 'avatar.svg' } }, message: 'author.avatar: write the avatar as a path in public/, such as "/avatar.svg"' },
    { change: { author: { name: 'A', url: 'https://a.example', sameAs: ['mastodon.example/@a'] } }, message: 'author.sameAs.0: "mastodon.example/@a" is not an absolute URL; write the author profile URL as https://' },
    { change: { promo: 'no' }, message: 'promo: promo must be true or false' },
    { change: { lint: { rules: { 'titel-width': 'warn' } } }, message: 'lint.rules.titel-width: unknown lint rule "titel-width": did you mean "title-width"?' },
    { change: { lint: { rules: { 'title-width': 'loud' } } }, message: 'lint.rules.title-width: "loud" is not a lint level; use "error", "warn" or "off"' },
    { change: { lint: { maxTitle: 500 } }, message: 'lint.maxTitle: unknown key "maxTitle"' },
    { change: { embeds: { frameHosts: ['https://www.youtube.com/embed'] } }, message: 'embeds.frameHosts.0: "https://www.youtube.com/embed" is not a host name; write the host alone, e.g. "www.youtube-nocookie.com"' },
  ])('rejects $message', ({ change, message }) => {
    expect(() => parseSiteConfig({ ...valid, ...change })).toThrow(message);
  });

  it('names the file to fix', () => {
    expect(() => parseSiteConfig({ ...valid, url: 'nope' })).toThrow(/Invalid site configuration \(src\/site\.config\.ts\):[\s\S]*Fix the fields above in src\/site\.config\.ts/);
  });
});
