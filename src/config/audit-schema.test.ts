import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSERTIONS } from './audit-schema.ts';
import { parseSiteConfig, type SiteConfigInput } from './site-schema.ts';
import { minimalSettings } from './test-settings.ts';

const valid = minimalSettings;

describe('the audit budgets in the site config', () => {
  it('default to SEO, accessibility and best practices at 100 and performance at 90 (error) / 100 (warning)', () => {
    const { audit } = parseSiteConfig(valid);
    expect(audit.categories).toEqual({
      performance: { error: 90, warn: 100 },
      accessibility: { error: 100 },
      'best-practices': { error: 100 },
      seo: { error: 100 },
    });
    expect(audit.preset).toBe('mobile');
    expect(audit.performanceRuns).toBe(3);
  });

  it('judge facts by default and never fail on Total Blocking Time', () => {
    const { audit } = parseSiteConfig(valid);
    expect(audit.assertions['largest-contentful-paint']).toEqual(['error', { maxNumericValue: 2500 }]);
    expect(audit.assertions['cumulative-layout-shift']).toEqual(['error', { maxNumericValue: 0.1 }]);
    expect(audit.assertions['total-blocking-time']).toBe('off');
  });

  it('block giscus and X during the audit', () => {
    const { audit } = parseSiteConfig(valid);
    expect(audit.blockedUrlPatterns).toEqual(expect.arrayContaining(['*giscus.app*', '*://x.com/*', '*://twitter.com/*']));
  });

  it('merge assertions over the defaults, so one line adds or turns off one audit', () => {
    const { audit } = parseSiteConfig({ ...valid, audit: { assertions: { 'uses-long-cache-ttl': ['warn', { minScore: 0.5 }], 'network-requests': 'off' } } });
    expect(audit.assertions).toEqual({
      ...DEFAULT_ASSERTIONS,
      'uses-long-cache-ttl': ['warn', { minScore: 0.5 }],
      'network-requests': 'off',
    });
  });

  it('can be changed for one build through SITE_CONFIG_OVERRIDES', () => {
    const { audit } = parseSiteConfig(valid, { SITE_CONFIG_OVERRIDES: '{"audit": {"categories": {"performance": {"error": 50}}}}' });
    expect(audit.categories.performance).toEqual({ error: 50 });
    expect(audit.categories.seo).toEqual({ error: 100 });
  });

  it.each([
    { audit: { categories: { seo: { error: 0.9 } } }, message: 'audit.categories.seo.error: write a category score as a whole number from 0 to 100' },
    { audit: { categories: { seo: { eror: 100 } } }, message: 'audit.categories.seo.eror: unknown key "eror": did you mean "error"?' },
    { audit: { assertions: { 'largest-contentful-paint': ['error', {}] } }, message: 'give at least one of minScore, maxNumericValue or maxLength' },
    { audit: { assertions: { 'largest-contentful-paint': ['fatal', { maxNumericValue: 1 }] } }, message: 'audit.assertions.largest-contentful-paint' },
    { audit: { assertions: { 'is-crawlable': ['error', { minScore: 2 }] } }, message: 'minScore is an audit score from 0 to 1' },
    { audit: { performanceRuns: 0 }, message: 'audit.performanceRuns' },
    { audit: { alwaysAudit: ['posts/a/'] }, message: 'audit.alwaysAudit.0: write a route path starting with "/"' },
    { audit: { preset: 'tablet' }, message: 'audit.preset' },
  ])('rejects a mistake, naming the field: $message', ({ audit, message }) => {
    expect(() => parseSiteConfig({ ...valid, audit } as SiteConfigInput)).toThrow(message);
  });
});
