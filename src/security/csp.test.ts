import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { themeInitScript } from '../theme/theme-init.ts';
import { contentSecurityPolicy, scriptHash, serializePolicy, sitePolicy } from './csp.ts';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('the content security policy', () => {
  const policy = serializePolicy(contentSecurityPolicy({ inlineScripts: ['console.log(1)'], comments: true }), 'header');

  it('refuses everything by default and never allows inline code wholesale', () => {
    expect(directive(policy, 'default-src')).toBe("default-src 'none'");
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'none'");
  });

  it('allows scripts from the site and each inline script by the SHA-256 of its exact text', () => {
    const hash = createHash('sha256').update('console.log(1)', 'utf8').digest('base64');
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' 'sha256-${hash}' 'wasm-unsafe-eval'`);
    expect(scriptHash('console.log(1) ')).not.toBe(scriptHash('console.log(1)'));
  });

  it('allows giscus.app as the only frame source, and only when comments are on', () => {
    expect(directive(policy, 'frame-src')).toBe('frame-src https://giscus.app');
    const withoutComments = serializePolicy(contentSecurityPolicy({ inlineScripts: [], comments: false }), 'header');
    expect(withoutComments).not.toContain('frame-src');
  });

  it('adds every embed host the owner allows to frame-src, over https, beside giscus', () => {
    const withEmbeds = contentSecurityPolicy({ inlineScripts: [], comments: true, frameHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'] });
    expect(withEmbeds['frame-src']).toEqual(['https://giscus.app', 'https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
    expect(contentSecurityPolicy({ inlineScripts: [], comments: false, frameHosts: ['player.vimeo.com'] })['frame-src']).toEqual(['https://player.vimeo.com']);
    expect(sitePolicy({ giscus: undefined, embeds: { frameHosts: ['player.vimeo.com'] } })['frame-src']).toEqual(['https://player.vimeo.com']);
  });

  it('forbids framing the site (header only)', () => {
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('leaves out of the <meta> form what a meta tag cannot carry', () => {
    const withReporting = { ...contentSecurityPolicy({ inlineScripts: [], comments: true }), 'report-uri': ['/csp'], sandbox: ['allow-scripts'] };
    const meta = serializePolicy(withReporting, 'meta');
    expect(meta).not.toMatch(/frame-ancestors|report-uri|sandbox/);
    expect(serializePolicy(withReporting, 'header')).toMatch(/frame-ancestors[\s\S]*report-uri[\s\S]*sandbox/);
  });

  it('is, for this site, the policy that allows the theme script in <head>', () => {
    expect(sitePolicy({ giscus: undefined })['script-src']).toContain(scriptHash(themeInitScript));
    expect(sitePolicy({ giscus: {} })['frame-src']).toEqual(['https://giscus.app']);
  });
});
