// The table of rules, in report order. Each rule's id, default level and description live in its file;
// the site config (`lint.rules`) and a post's frontmatter (`lint:`) change levels by id.
import type { LintRuleId } from '../rule-ids.ts';
import type { LintRule } from '../types.ts';
import { assetsInternal } from './assets-internal.ts';
import { blogpostingMatchesPage } from './blogposting-matches-page.ts';
import { blogpostingProperties } from './blogposting-properties.ts';
import { canonicalAbsolute } from './canonical-absolute.ts';
import { canonicalPresent } from './canonical-present.ts';
import { canonicalSelf } from './canonical-self.ts';
import { descriptionLength } from './description-length.ts';
import { descriptionPresent } from './description-present.ts';
import { descriptionUnique } from './description-unique.ts';
import { feedValid } from './feed-valid.ts';
import { h1Single } from './h1-single.ts';
import { headingOrder } from './heading-order.ts';
import { htmlLang } from './html-lang.ts';
import { httpSelfLinks } from './http-self-links.ts';
import { imgAlt } from './img-alt.ts';
import { imgDimensions } from './img-dimensions.ts';
import { linkText } from './link-text.ts';
import { llmsTxtValid } from './llms-txt-valid.ts';
import { linksCanonicalForm } from './links-canonical-form.ts';
import { linksInternal } from './links-internal.ts';
import { ogImage } from './og-image.ts';
import { ogUrlCanonical } from './og-url-canonical.ts';
import { orphanPosts } from './orphan-posts.ts';
import { robotsTxtBlocksIndexable } from './robots-txt-blocks-indexable.ts';
import { robotsTxtBlocksNoindex } from './robots-txt-blocks-noindex.ts';
import { robotsTxtSitemap } from './robots-txt-sitemap.ts';
import { sitemapComplete } from './sitemap-complete.ts';
import { sitemapIndexableOnly } from './sitemap-indexable-only.ts';
import { sitemapUrlsExist } from './sitemap-urls-exist.ts';
import { socialTagsPresent } from './social-tags-present.ts';
import { socialTagsUnique } from './social-tags-unique.ts';
import { structuredDataPresent } from './structured-data-present.ts';
import { structuredDataValid } from './structured-data-valid.ts';
import { titlePresent } from './title-present.ts';
import { titleUnique } from './title-unique.ts';
import { titleWidth } from './title-width.ts';

export const LINT_RULES: readonly LintRule[] = [
  // Each page
  titlePresent,
  titleWidth,
  descriptionPresent,
  descriptionLength,
  h1Single,
  headingOrder,
  htmlLang,
  canonicalPresent,
  canonicalAbsolute,
  canonicalSelf,
  socialTagsPresent,
  socialTagsUnique,
  ogUrlCanonical,
  ogImage,
  structuredDataPresent,
  structuredDataValid,
  blogpostingProperties,
  blogpostingMatchesPage,
  imgAlt,
  imgDimensions,
  linkText,
  httpSelfLinks,
  // The whole site
  titleUnique,
  descriptionUnique,
  linksInternal,
  linksCanonicalForm,
  assetsInternal,
  sitemapComplete,
  sitemapIndexableOnly,
  sitemapUrlsExist,
  orphanPosts,
  robotsTxtSitemap,
  robotsTxtBlocksIndexable,
  robotsTxtBlocksNoindex,
  feedValid,
  llmsTxtValid,
];

export const RULES_BY_ID = new Map<LintRuleId, LintRule>(LINT_RULES.map((rule) => [rule.id, rule]));
