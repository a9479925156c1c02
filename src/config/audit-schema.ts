// The Lighthouse audit's budgets and settings, as data. They live in the site config's `audit`
// field (src/site.config.ts) and every one has a default, so a site owner sets only what differs.
//
// The verdict rests by default on what machine load cannot move: the accessibility, best-practices
// and SEO categories, and the deterministic performance facts below. Timing (the performance score,
// FCP, LCP, Speed Index, TBT, TTI) is measured and reported as warnings; an owner can raise any of it
// to 'error', and even then a page is not failed on timing from a run that the machine's load throttled.
import { z } from 'astro/zod';
import { strictObject } from './strict-object.ts';

/** The four Lighthouse categories the audit runs and judges. */
export const AUDITED_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type AuditedCategory = (typeof AUDITED_CATEGORIES)[number];

/** Categories measured by the deterministic pass: their audits read the DOM, headers and bytes, not the clock. */
export const DETERMINISTIC_CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const satisfies readonly AuditedCategory[];

/**
 * Lighthouse audits whose value is a duration, so CPU load moves it: judged only on the timed runs
 * (one at a time, median of N). The performance category score is made of these (plus CLS).
 */
export const TIMING_AUDITS: ReadonlySet<string> = new Set([
  'first-contentful-paint',
  'largest-contentful-paint',
  'speed-index',
  'total-blocking-time',
  'interactive',
  'max-potential-fid',
  'server-response-time',
  'bootup-time',
  'mainthread-work-breakdown',
  'long-tasks',
  'lcp-breakdown-insight',
  'document-latency-insight',
]);

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
 * Timing audits (TIMING_AUDITS) are judged on the median of the timed runs; the others on the deterministic pass.
 */
const assertion = z.union([
  z.literal('off'),
  z.tuple([z.enum(['error', 'warn', 'off']), assertionOptions]),
]);

export type AuditAssertion = z.output<typeof assertion>;

/**
 * The deterministic performance facts that decide the verdict, and why load cannot move each one.
 * Lists are judged by their length (which resources), never by Lighthouse's estimated savings in
 * milliseconds, which come from a simulation fed with the measured CPU times.
 */
export const DETERMINISTIC_ASSERTIONS: Readonly<Record<string, AuditAssertion>> = {
  // Layout shifts come from the layout (unsized media, late-injected content), not from the clock.
  'cumulative-layout-shift': ['error', { maxNumericValue: 0.1 }],
  // Bytes over the wire: the files and the server's compression decide them.
  'total-byte-weight': ['error', { maxNumericValue: 500 * 1024 }],
  // How many requests the page makes: its markup and scripts decide it.
  'network-requests': ['error', { maxLength: 30 }],
  // Images without width and height attributes: read from the DOM.
  'unsized-images': ['error', { maxLength: 0 }],
  // Images larger or heavier than they are shown: bytes and display sizes at a fixed viewport.
  'image-delivery-insight': ['error', { maxLength: 0 }],
  // The LCP image lazy-loaded, not discoverable in the HTML, or without fetchpriority: DOM facts.
  'lcp-discovery-insight': ['error', { minScore: 1 }],
  // Stylesheets and scripts that block the first render: which ones, not what they cost.
  'render-blocking-insight': ['error', { maxLength: 6 }],
  // Scripts and stylesheets with a large unused share (Lighthouse lists only those over its byte threshold).
  'unused-javascript': ['error', { maxLength: 0 }],
  'unused-css-rules': ['error', { maxLength: 0 }],
  // Resources without a long cache lifetime, under the headers the site's _headers gives them.
  'cache-insight': ['error', { maxLength: 0 }],
  // Web fonts without font-display: read from the CSS.
  'font-display-insight': ['error', { maxLength: 0 }],
  // Transpiled-for-old-browsers or duplicated JavaScript: bytes in the bundles.
  'legacy-javascript-insight': ['warn', { maxLength: 0 }],
  'duplicated-javascript-insight': ['warn', { maxLength: 0 }],
};

/**
 * Timing budgets: measured on the timed runs and reported, but warnings unless the owner raises
 * them to 'error' (mobile "good" thresholds). On a 2-core machine a page with no JavaScript
 * measured a Total Blocking Time of 63–1,210 ms depending on what else ran.
 */
export const TIMING_ASSERTIONS: Readonly<Record<string, AuditAssertion>> = {
  'first-contentful-paint': ['warn', { maxNumericValue: 1800 }],
  'largest-contentful-paint': ['warn', { maxNumericValue: 2500 }],
  'speed-index': ['warn', { maxNumericValue: 3400 }],
  'total-blocking-time': ['warn', { maxNumericValue: 200 }],
  interactive: ['warn', { maxNumericValue: 3800 }],
};

export const DEFAULT_ASSERTIONS: Readonly<Record<string, AuditAssertion>> = { ...DETERMINISTIC_ASSERTIONS, ...TIMING_ASSERTIONS };

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

/** Which audited pages get the timed runs. */
export const TIMED_PAGES = ['per-template', 'all', 'none'] as const;
export type TimedPages = (typeof TIMED_PAGES)[number];

/** Bounds shared by the config and the audit's command-line flags (`--runs`, `--page-timeout`, `--workers`). */
export const AUDIT_LIMITS = { maxPerformanceRuns: 9, pageTimeoutSeconds: { min: 5, max: 600 }, maxWorkers: 16 } as const;

const routePath = z.string().regex(/^\/.*/, { error: 'write a route path starting with "/", e.g. "/posts/my-post/"' });

export const auditSchema = strictObject({
  /** Device Lighthouse emulates: "mobile" (a throttled mid-range phone, the default) or "desktop". `--preset` overrides it. */
  preset: z.enum(PRESETS).default('mobile'),
  /** Timed performance runs per timed page (one at a time, never two audits' at once on a machine); the median is judged. `--runs` overrides it. */
  performanceRuns: z
    .number()
    .int()
    .min(1)
    .max(AUDIT_LIMITS.maxPerformanceRuns, { error: `at most ${AUDIT_LIMITS.maxPerformanceRuns} performance runs per page` })
    .default(3),
  /**
   * Which audited pages get timed runs: "per-template" (the first audited page of each template: pages
   * of one template share their layout, CSS and scripts), "all", or "none". `--timed` overrides it.
   */
  timedPages: z.enum(TIMED_PAGES).default('per-template'),
  /** Chrome instances for the deterministic pass (accessibility, best practices, SEO, facts); 0 means one per CPU core. `--workers` overrides it. */
  workers: z.number().int().min(0).max(AUDIT_LIMITS.maxWorkers).default(0),
  /** Minimum category scores (0–100). The performance score is timing, so it only warns unless you give it an `error`. */
  categories: strictObject({
    performance: categoryBudget.default({ warn: 90 }),
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
  /** Pages audited on every run even when nothing they depend on changed, as route paths, e.g. "/posts/my-post/". */
  alwaysAudit: z.array(routePath).default([]),
  /** Pages audited per run at most (besides alwaysAudit); the rest wait for the next run (or use `--all`). */
  maxChangedPages: z.number().int().min(0).default(100),
  /** Requests matching these patterns (`*` is a wildcard) are blocked during the audit. */
  blockedUrlPatterns: z.array(z.string().min(1)).default(DEFAULT_BLOCKED_URL_PATTERNS),
  /** Seconds a page may take to load before Lighthouse gives up on it (then it is retried once). */
  pageTimeoutSeconds: z.number().min(AUDIT_LIMITS.pageTimeoutSeconds.min).max(AUDIT_LIMITS.pageTimeoutSeconds.max).default(45),
});

export type AuditConfigInput = z.input<typeof auditSchema>;
export type AuditConfig = z.output<typeof auditSchema>;
export type CategoryBudget = z.output<typeof categoryBudget>;

/** Whether an assertion or category is judged on the timed runs rather than the deterministic pass. */
export function isTimingCheck(id: string): boolean {
  return id === 'performance' || TIMING_AUDITS.has(id);
}

/** Audits the summary shows for every page, whatever the assertions say. */
const FACT_AUDITS = ['cumulative-layout-shift', 'total-byte-weight', 'network-requests'];

/**
 * The performance audits the deterministic pass runs besides its three categories: every asserted
 * audit that is not timing (an audit of another category is harmless to name), and the summary's facts.
 */
export function deterministicPerformanceAudits(assertions: Readonly<Record<string, AuditAssertion>>): string[] {
  const asserted = Object.entries(assertions)
    .filter(([id, assertion]) => !isTimingCheck(id) && assertion !== 'off' && assertion[0] !== 'off')
    .map(([id]) => id);
  return [...new Set([...FACT_AUDITS, ...asserted])].sort();
}
