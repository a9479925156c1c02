import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, serializePolicy } from './csp.ts';
import { headersForPath, parseHeadersFile, renderHeadersFile, securityHeaderRules } from './headers.ts';

const policy = contentSecurityPolicy({ inlineScripts: [], comments: true });
const rules = securityHeaderRules(policy);

describe('the _headers file', () => {
  it('reads back exactly the rules it was written from', () => {
    expect(parseHeadersFile(renderHeadersFile(rules))).toEqual(rules);
  });

  it('sends the policy and the security headers with every path', () => {
    const headers = headersForPath(rules, '/posts/a/');
    expect(headers['Content-Security-Policy']).toBe(serializePolicy(policy, 'header'));
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(headers['Permissions-Policy']).toMatch(/^[a-z-]+=\(\)(, [a-z-]+=\(\))+$/);
    expect(headers).not.toHaveProperty('Cache-Control');
  });

  it.each([
    { path: '/_astro/index.B2x9.js', immutable: true },
    { path: '/_astro/sub/font.woff2', immutable: true },
    { path: '/posts/_astro/', immutable: false },
    { path: '/pagefind/pagefind.js', immutable: false },
  ])('caches $path for good: $immutable', ({ path, immutable }) => {
    expect(headersForPath(rules, path)['Cache-Control'] === 'public, max-age=31536000, immutable').toBe(immutable);
  });

  it('follows a custom assets folder', () => {
    expect(headersForPath(securityHeaderRules(policy, { dir: 'assets', base: '/' }), '/assets/a.css')['Cache-Control']).toContain('immutable');
  });

  it('puts the assets under the base path of a site served from a folder', () => {
    const underBlog = securityHeaderRules(policy, { dir: '_astro', base: '/blog/' });
    expect(headersForPath(underBlog, '/blog/_astro/index.B2x9.js')['Cache-Control']).toContain('immutable');
    expect(headersForPath(underBlog, '/_astro/index.B2x9.js')['Cache-Control']).toBeUndefined();
    expect(headersForPath(underBlog, '/blog/posts/a/')['Content-Security-Policy']).toBeDefined();
  });

  it('reports a header line outside any path, with its line number', () => {
    expect(() => parseHeadersFile('# comment\n  X-Test: 1\n')).toThrow('_headers line 2: expected "  Name: value" under a path');
  });
});
