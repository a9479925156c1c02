// The Lighthouse audit's budgets and settings, as data. They live in the site config's `audit`
// field (src/site.config.ts) and every one has a default, so a site owner sets only what differs.
import { z } from 'astro/zod';
import { strictObject } from './strict-object.ts';

/** The four Lighthouse categories the audit runs and judges. */
export const AUDITED_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type AuditedCategory = (typeof AUDITED_CATEGORIES)[number];

const categoryScore = z
  .number()
  .int({ error: 'write a category score as a whole number from 0 to 100, as Lighthouse shows it' })
  .min(0)
  .max(100, { error: 'a category score is at most 100' });

/** Minimum category score (0–100): below `error` fails the build, below `warn` is reported. */
const categoryBudget = strictObject({
  /** Below this score the audit fails (non-zero exit). */
  error: categoryScore.optional(),
  /** Below this score the audit reports a warning but passes. */
  warn: categoryScore.optional(),
});

export type AssertionLevel = 'error' | 'warn' | 'off';

const assertionOptions = strictObject({
  /** The audit's own score (0–1, as in Lighthouse's JSON) must be at least this. */
  minScore: z.number().min(0).max(1, { error: 'minScore is an audit score from 0 to 1' }).optional(),
  /** The audit's measured value (milliseconds, bytes or a unitless score like CLS) must be at most this. */
  maxNumericValue: z.number().min(0).optional(),
  /** The audit's table (e.g. `network-requests`) must have at most this many rows. */
  maxLength: z.number().int().min(0).optional(),
}).refine((options) => Object.values(options).some((value) => value !== undefined), {
  error: 'give at least one of minScore, maxNumericValue or maxLength',
});

export type AssertionOptions = z.output<typeof assertionOptions>;

/**
 * One audit's assertion, as in Lighthouse CI: `'off'`, or `[level, { minScore | maxNumericValue | maxLength }]`.
 * Numeric performance audits are judged on the median of the performance runs.
 */
const assertion = z.union([
  z.literal('off'),
  z.tuple([z.enum(['error', 'warn', 'off']), assertionOptions]),
]);

export type AuditAssertion = z.output<typeof assertion>;

/**
 * Facts rather than conclusions: these hold on a loaded 2-core machine, where a score can swing.
 * Total Blocking Time is deliberately not judged: on 2 cores a page with no JavaScript measured
 * 63–326 ms, so it is shown in the summary but never fails the build.
 */
export const DEFAULT_ASSERTIONS: Readonly<Record<string, AuditAssertion>> = {
  'largest-contentful-paint': ['error', { maxNumericValue: 2500 }],
  'cumulative-layout-shift': ['error', { maxNumericValue: 0.1 }],
  'total-byte-weight': ['error', { maxNumericValue: 500 * 1024 }],
  'network-requests': ['error', { maxLength: 30 }],
  'total-blocking-time': 'off',
};

/** Third parties the site may embed; blocked during the audit so their servers never decide the result. */
export const DEFAULT_BLOCKED_URL_PATTERNS = [
  '*giscus.app*',
  '*://x.com/*',
  '*.x.com/*',
  '*://twitter.com/*',
  '*.twitter.com/*',
  '*.twimg.com/*',
];

/** Devices Lighthouse can emulate. */
export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];
/** Bounds shared by the config and the audit's command-line flags (`--runs`, `--page-timeout`). */
export const AUDIT_LIMITS = { maxPerformanceRuns: 9, pageTimeoutSeconds: { min: 5, max: 600 } } as const;

const routePath = z.string().regex(/^\/.*/, { error: 'write a route path starting with "/", e.g. "/posts/my-post/"' });

export const auditSchema = strictObject({
  /** Device Lighthouse emulates: "mobile" (a throttled mid-range phone, the default) or "desktop". `--preset` overrides it. */
  preset: z.enum(PRESETS).default('mobile'),
  /** Performance runs per page (one at a time); the median is judged. Accessibility, best practices and SEO run once. `--runs` overrides it. */
  performanceRuns: z
    .number()
    .int()
    .min(1)
    .max(AUDIT_LIMITS.maxPerformanceRuns, { error: `at most ${AUDIT_LIMITS.maxPerformanceRuns} performance runs per page` })
    .default(3),
  /** Minimum category scores (0–100). */
  categories: strictObject({
    performance: categoryBudget.default({ error: 90, warn: 100 }),
    accessibility: categoryBudget.default({ error: 100 }),
    'best-practices': categoryBudget.default({ error: 100 }),
    seo: categoryBudget.default({ error: 100 }),
  }).prefault({}),
  /**
   * Per-audit assertions, Lighthouse CI style: `auditId: [level, { minScore | maxNumericValue | maxLength }]`
   * or `auditId: 'off'`. Merged over DEFAULT_ASSERTIONS, so list only what you add or change.
   */
  assertions: z
    .record(z.string().min(1), assertion)
    .default({})
    .transform((assertions) => ({ ...DEFAULT_ASSERTIONS, ...assertions })),
  /** Pages audited on every run besides one page per template, as route paths, e.g. "/posts/my-post/". */
  alwaysAudit: z.array(routePath).default([]),
  /** Changed posts audited per run at most; the rest wait for the next run (or use `--all`). */
  maxChangedPages: z.number().int().min(0).default(25),
  /** Requests matching these patterns (`*` is a wildcard) are blocked during the audit. */
  blockedUrlPatterns: z.array(z.string().min(1)).default(DEFAULT_BLOCKED_URL_PATTERNS),
  /** Seconds a page may take to load before Lighthouse gives up on it (then it is retried once). */
  pageTimeoutSeconds: z.number().min(AUDIT_LIMITS.pageTimeoutSeconds.min).max(AUDIT_LIMITS.pageTimeoutSeconds.max).default(45),
});

export type AuditConfigInput = z.input<typeof auditSchema>;
export type AuditConfig = z.output<typeof auditSchema>;
export type CategoryBudget = z.output<typeof categoryBudget>;
