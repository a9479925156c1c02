// The SEO lint's vocabulary, shared by the site config (`lint.rules`), post frontmatter (`lint:`) and
// the rules themselves. Ids are stable: a site's config and posts refer to them.
import { z } from 'astro/zod';
import { closestKey } from '../../config/config-error.ts';

export const LINT_RULE_IDS = [
  // Each page
  'title-present',
  'title-width',
  'description-present',
  'description-length',
  'h1-single',
  'heading-order',
  'html-lang',
  'canonical-present',
  'canonical-absolute',
  'canonical-self',
  'social-tags-present',
  'social-tags-unique',
  'og-url-canonical',
  'og-image',
  'structured-data-present',
  'structured-data-valid',
  'blogposting-properties',
  'blogposting-matches-page',
  'img-alt',
  'img-dimensions',
  'link-text',
  'http-self-links',
  // The whole site
  'title-unique',
  'description-unique',
  'links-internal',
  'links-canonical-form',
  'assets-internal',
  'sitemap-complete',
  'sitemap-indexable-only',
  'sitemap-urls-exist',
  'orphan-posts',
  'robots-txt-sitemap',
  'robots-txt-blocks-indexable',
  'robots-txt-blocks-noindex',
  'feed-valid',
  'llms-txt-valid',
] as const;

export type LintRuleId = (typeof LINT_RULE_IDS)[number];

/** "error" fails the build, "warn" is reported, "off" skips the rule. */
export const LINT_LEVELS = ['error', 'warn', 'off'] as const;
export type LintLevel = (typeof LINT_LEVELS)[number];

export type LintLevels = Partial<Record<LintRuleId, LintLevel>>;

const knownRuleIds: readonly string[] = LINT_RULE_IDS;

export function isLintRuleId(value: string): value is LintRuleId {
  return knownRuleIds.includes(value);
}

/** Rule id → level, as written in the site config or a post's frontmatter; unknown ids are errors with a suggestion. */
export const lintLevelsSchema = z
  .record(
    z.string(),
    z.enum(LINT_LEVELS, { error: (issue) => `"${String(issue.input)}" is not a lint level; use "error", "warn" or "off"` }),
  )
  .superRefine((levels, context) => {
    for (const key of Object.keys(levels)) {
      if (isLintRuleId(key)) continue;
      const suggestion = closestKey(key, LINT_RULE_IDS);
      context.addIssue({
        code: 'custom',
        path: [key],
        message: suggestion
          ? `unknown lint rule "${key}": did you mean "${suggestion}"?`
          : `unknown lint rule "${key}": remove it (the rules are listed in src/seo/lint/rules/index.ts)`,
      });
    }
  })
  .transform((levels) => levels as LintLevels);
