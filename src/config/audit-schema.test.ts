import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ASSERTIONS,
  DETERMINISTIC_ASSERTIONS,
  TIMING_ASSERTIONS,
  TIMING_AUDITS,
  deterministicPerformanceAudits,
  isTimingCheck,
  type AuditAssertion,
} from './audit-schema.ts';
import { parseSiteConfig, type SiteConfigInput } from './site-schema.ts';
import { minimalSettings } from './test-settings.ts';

const valid = minimalSettings;
const auditOf = (audit: SiteConfigInput['audit'] = {}) => parseSiteConfig({ ...valid, audit }).audit;

describe('the audit settings in the site config', () => {
  it('default to a mobile audit with 3 timed runs on the first page of each template, one Chrome per core', () => {
    const audit = auditOf();
    expect(audit).toMatchObject({
      preset: 'mobile',
      performanceRuns: 3,
      timedPages: 'per-template',
      workers: 0,
      alwaysAudit: [],
      maxChangedPages: 100,
      pageTimeoutSeconds: 45,
    });
  });

  it('block giscus and X during the audit', () => {
    expect(auditOf().blockedUrlPatterns).toEqual(expect.arrayContaining(['*giscus.app*', '*://x.com/*', '*://twitter.com/*']));
  });
});

describe('the default budgets', () => {
  it('fail below 100 in accessibility, best practices and SEO, and only warn below 90 in performance', () => {
    expect(auditOf().categories).toEqual({
      performance: { warn: 90 },
      accessibility: { error: 100 },
      'best-practices': { error: 100 },
      seo: { error: 100 },
    });
  });

  it('are the deterministic facts and the timing budgets, nothing else', () => {
    expect(auditOf().assertions).toEqual({ ...DETERMINISTIC_ASSERTIONS, ...TIMING_ASSERTIONS });
    expect(DEFAULT_ASSERTIONS).toEqual({ ...DETERMINISTIC_ASSERTIONS, ...TIMING_ASSERTIONS });
  });

  it.each<{ id: string; assertion: AuditAssertion }>([
    // Facts that load cannot move decide the verdict.
    { id: 'cumulative-layout-shift', assertion: ['error', { maxNumericValue: 0.1 }] },
    { id: 'total-byte-weight', assertion: ['error', { maxNumericValue: 512_000 }] },
    { id: 'network-requests', assertion: ['error', { maxLength: 30 }] },
    { id: 'unsized-images', assertion: ['error', { maxLength: 0 }] },
    { id: 'image-delivery-insight', assertion: ['error', { maxLength: 0 }] },
    { id: 'lcp-discovery-insight', assertion: ['error', { minScore: 1 }] },
    { id: 'render-blocking-insight', assertion: ['error', { maxLength: 6 }] },
    { id: 'unused-javascript', assertion: ['error', { maxLength: 0 }] },
    { id: 'unused-css-rules', assertion: ['error', { maxLength: 0 }] },
    { id: 'cache-insight', assertion: ['error', { maxLength: 0 }] },
    { id: 'font-display-insight', assertion: ['error', { maxLength: 0 }] },
    { id: 'legacy-javascript-insight', assertion: ['warn', { maxLength: 0 }] },
    { id: 'duplicated-javascript-insight', assertion: ['warn', { maxLength: 0 }] },
    // Timing only warns: machine load moves it.
    { id: 'first-contentful-paint', assertion: ['warn', { maxNumericValue: 1800 }] },
    { id: 'largest-contentful-paint', assertion: ['warn', { maxNumericValue: 2500 }] },
    { id: 'speed-index', assertion: ['warn', { maxNumericValue: 3400 }] },
    { id: 'total-blocking-time', assertion: ['warn', { maxNumericValue: 200 }] },
    { id: 'interactive', assertion: ['warn', { maxNumericValue: 3800 }] },
  ])('assert $id as $assertion', ({ id, assertion }) => {
    expect(auditOf().assertions[id]).toEqual(assertion);
  });

  it('never fail on timing: every default timing assertion is a warning', () => {
    const timing = Object.entries(auditOf().assertions).filter(([id]) => isTimingCheck(id));
    expect(timing.map(([id]) => id).sort()).toEqual(Object.keys(TIMING_ASSERTIONS).sort());
    expect(timing.every(([, assertion]) => assertion !== 'off' && assertion[0] === 'warn')).toBe(true);
  });

  it('assert no timing audit among the deterministic facts', () => {
    expect(Object.keys(DETERMINISTIC_ASSERTIONS).filter((id) => isTimingCheck(id))).toEqual([]);
  });
});

describe('an owner’s budgets', () => {
  it('merge over the defaults, so one line adds, raises or turns off one audit', () => {
    const audit = auditOf({
      assertions: {
        'uses-long-cache-ttl': ['warn', { minScore: 0.5 }],
        'largest-contentful-paint': ['error', { maxNumericValue: 2500 }],
        'network-requests': 'off',
      },
    });
    expect(audit.assertions).toEqual({
      ...DEFAULT_ASSERTIONS,
      'uses-long-cache-ttl': ['warn', { minScore: 0.5 }],
      'largest-contentful-paint': ['error', { maxNumericValue: 2500 }],
      'network-requests': 'off',
    });
  });

  it('can raise the performance score to an error, keeping the other categories’ defaults', () => {
    const audit = auditOf({ categories: { performance: { error: 80, warn: 95 } } });
    expect(audit.categories.performance).toEqual({ error: 80, warn: 95 });
    expect(audit.categories.seo).toEqual({ error: 100 });
  });

  it('can be changed for one build through SITE_CONFIG_OVERRIDES', () => {
    const { audit } = parseSiteConfig(valid, { SITE_CONFIG_OVERRIDES: '{"audit": {"categories": {"performance": {"error": 50}}, "timedPages": "all"}}' });
    expect(audit.categories.performance).toEqual({ error: 50 });
    expect(audit.categories.seo).toEqual({ error: 100 });
    expect(audit.timedPages).toBe('all');
  });

  it.each([
    { audit: { categories: { seo: { error: 0.9 } } }, message: 'audit.categories.seo.error: write a category score as a whole number from 0 to 100' },
    { audit: { categories: { seo: { error: 101 } } }, message: 'audit.categories.seo.error: a category score is at most 100' },
    { audit: { categories: { seo: { eror: 100 } } }, message: 'audit.categories.seo.eror: unknown key "eror": did you mean "error"?' },
    { audit: { assertions: { 'largest-contentful-paint': ['error', {}] } }, message: 'give at least one of minScore, maxNumericValue or maxLength' },
    { audit: { assertions: { 'largest-contentful-paint': ['fatal', { maxNumericValue: 1 }] } }, message: 'audit.assertions.largest-contentful-paint' },
    { audit: { assertions: { 'is-crawlable': ['error', { minScore: 2 }] } }, message: 'minScore is an audit score from 0 to 1' },
    { audit: { performanceRuns: 0 }, message: 'audit.performanceRuns' },
    { audit: { performanceRuns: 10 }, message: 'audit.performanceRuns: at most 9 performance runs per page' },
    { audit: { timedPages: 'some' }, message: 'audit.timedPages' },
    { audit: { workers: 17 }, message: 'audit.workers' },
    { audit: { pageTimeoutSeconds: 2 }, message: 'audit.pageTimeoutSeconds' },
    { audit: { alwaysAudit: ['posts/a/'] }, message: 'audit.alwaysAudit.0: write a route path starting with "/"' },
    { audit: { preset: 'tablet' }, message: 'audit.preset' },
  ])('reject a mistake, naming the field: $message', ({ audit, message }) => {
    expect(() => parseSiteConfig({ ...valid, audit } as SiteConfigInput)).toThrow(message);
  });
});

describe('which checks are timing', () => {
  it.each([
    { id: 'performance', timing: true },
    { id: 'first-contentful-paint', timing: true },
    { id: 'largest-contentful-paint', timing: true },
    { id: 'speed-index', timing: true },
    { id: 'total-blocking-time', timing: true },
    { id: 'interactive', timing: true },
    { id: 'bootup-time', timing: true },
    { id: 'accessibility', timing: false },
    { id: 'seo', timing: false },
    { id: 'cumulative-layout-shift', timing: false },
    { id: 'total-byte-weight', timing: false },
    { id: 'lcp-discovery-insight', timing: false },
  ])('$id is timing: $timing', ({ id, timing }) => expect(isTimingCheck(id)).toBe(timing));
});

describe('the performance audits of the deterministic pass', () => {
  it('are, with the default budgets, exactly the deterministic facts, sorted', () => {
    expect(deterministicPerformanceAudits(DEFAULT_ASSERTIONS)).toEqual(Object.keys(DETERMINISTIC_ASSERTIONS).sort());
  });

  it('include every asserted audit that is not timing, whatever its category', () => {
    const audits = deterministicPerformanceAudits({ ...DEFAULT_ASSERTIONS, 'uses-long-cache-ttl': ['warn', { minScore: 0.5 }], 'is-crawlable': ['error', { minScore: 1 }] });
    expect(audits).toEqual(expect.arrayContaining(['uses-long-cache-ttl', 'is-crawlable']));
  });

  it('include no timing audit, even one an owner raised to an error', () => {
    const audits = deterministicPerformanceAudits({ ...DEFAULT_ASSERTIONS, 'largest-contentful-paint': ['error', { maxNumericValue: 2500 }], 'bootup-time': ['error', { maxNumericValue: 2000 }] });
    expect(audits.filter((id) => TIMING_AUDITS.has(id))).toEqual([]);
  });

  it('leave out audits turned off, either way of writing it', () => {
    const audits = deterministicPerformanceAudits({ ...DEFAULT_ASSERTIONS, 'unsized-images': 'off', 'cache-insight': ['off', { maxLength: 0 }] });
    expect(audits).not.toContain('unsized-images');
    expect(audits).not.toContain('cache-insight');
  });

  it('always include the summary’s facts (CLS, page weight, requests), even when their assertions are off', () => {
    expect(deterministicPerformanceAudits({})).toEqual(['cumulative-layout-shift', 'network-requests', 'total-byte-weight']);
    expect(deterministicPerformanceAudits({ 'network-requests': 'off', 'total-byte-weight': ['off', { maxNumericValue: 1 }] })).toEqual([
      'cumulative-layout-shift',
      'network-requests',
      'total-byte-weight',
    ]);
  });
});
