import { describe, expect, it } from 'vitest';
import { parseSiteConfig, type GiscusConfig } from '../config/site-schema.ts';
import { minimalSettings } from '../config/test-settings.ts';
import { giscusEmbed, giscusSetupWarnings, giscusTerm, isGiscusMessage, themeInFrameUrl, themeMessage } from './giscus.ts';

const site = minimalSettings;

function giscus(overrides: Record<string, unknown> = {}): GiscusConfig {
  const parsed = parseSiteConfig({ ...site, giscus: { repo: 'owner/blog', repoId: 'R_1', category: 'Comments', categoryId: 'DIC_1', ...overrides } });
  return parsed.giscus!;
}

describe('giscusEmbed', () => {
  it('is nothing when giscus is not configured', () => {
    expect(giscusEmbed(undefined, 'a-post')).toBeUndefined();
  });

  it('keys the thread to the post id with strict matching, by default', () => {
    expect(giscusEmbed(giscus(), 'a-post')?.attributes).toEqual({
      repo: 'owner/blog',
      repoid: 'R_1',
      category: 'Comments',
      categoryid: 'DIC_1',
      mapping: 'specific',
      term: 'a-post',
      strict: '1',
      reactionsenabled: '1',
      emitmetadata: '0',
      inputposition: 'bottom',
      lang: 'en',
      loading: 'eager',
    });
  });

  it('carries the owner’s choices for reactions, input position and language', () => {
    const attributes = giscusEmbed(giscus({ reactions: false, inputPosition: 'top', lang: 'de', strict: false }), 'a')?.attributes;
    expect(attributes).toMatchObject({ reactionsenabled: '0', inputposition: 'top', lang: 'de', strict: '0' });
  });

  it('sends no term for the mappings where giscus derives it from the page', () => {
    expect(giscusEmbed(giscus({ mapping: 'pathname' }), 'a-post')?.attributes).not.toHaveProperty('term');
  });

  it('never sets a host, so the frame can only come from giscus.app', () => {
    expect(giscusEmbed(giscus(), 'a-post')?.attributes).not.toHaveProperty('host');
  });

  it('links readers without JavaScript to the thread’s search on GitHub', () => {
    const url = new URL(giscusEmbed(giscus(), 'a-post')?.discussionsUrl ?? '');
    expect(url.origin + url.pathname).toBe('https://github.com/owner/blog/discussions');
    expect(url.searchParams.get('discussions_q')).toBe('in:title "a-post"');
  });
});

describe('giscusTerm', () => {
  it('is one term for a slug typed in either Unicode form', () => {
    expect(giscusTerm('cafe\u0301')).toBe(giscusTerm('caf\u00e9'));
    expect(giscusTerm('日本語')).toBe('日本語');
  });
});

describe('giscusSetupWarnings', () => {
  it('names every missing setting and where to get it when comments are off', () => {
    const warnings = giscusSetupWarnings(undefined);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('missing giscus.repo, giscus.repoId, giscus.category, giscus.categoryId');
    expect(warnings[0]).toContain('https://giscus.app');
    expect(warnings[0]).toContain('src/site.config.ts');
  });

  it('warns that a URL- or title-based mapping orphans threads', () => {
    expect(giscusSetupWarnings(giscus({ mapping: 'pathname' }))[0]).toContain('Use mapping "specific"');
  });

  it('is silent for the recommended setup', () => {
    expect(giscusSetupWarnings(giscus())).toEqual([]);
  });
});

describe('messages between the page and giscus', () => {
  it.each([
    { origin: 'https://giscus.app', data: { giscus: { resizeHeight: 10 } }, accepted: true },
    { origin: 'https://evil.example', data: { giscus: { resizeHeight: 10 } }, accepted: false },
    { origin: 'https://giscus.app.evil.example', data: { giscus: {} }, accepted: false },
    { origin: 'http://giscus.app', data: { giscus: {} }, accepted: false },
    { origin: 'https://giscus.app', data: 'giscus', accepted: false },
    { origin: 'https://giscus.app', data: null, accepted: false },
  ])('accepts $data from $origin: $accepted', ({ origin, data, accepted }) => {
    expect(isGiscusMessage({ origin, data })).toBe(accepted);
  });

  it('switches the theme with a setConfig message', () => {
    expect(themeMessage('dark')).toEqual({ giscus: { setConfig: { theme: 'dark' } } });
    expect(themeMessage('light')).toEqual({ giscus: { setConfig: { theme: 'light' } } });
  });

  it('reads the theme a frame was loaded with from its URL', () => {
    expect(themeInFrameUrl('https://giscus.app/en/widget?repo=a%2Fb&theme=dark')).toBe('dark');
    expect(themeInFrameUrl('https://giscus.app/en/widget')).toBeUndefined();
    expect(themeInFrameUrl('not a url')).toBeUndefined();
  });
});
