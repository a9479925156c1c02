import { z } from 'astro/zod';
import { isValidTimeZone } from '../lib/dates.ts';
import { indexNowKeyError, indexNowKeyProblem } from '../seo/indexnow.ts';
import { lintLevelsSchema } from '../seo/lint/rule-ids.ts';
import { auditSchema } from './audit-schema.ts';
import { ConfigError, formatIssues, settingLocation } from './config-error.ts';
import { strictObject } from './strict-object.ts';

const absoluteHttpUrl = (what: string) =>
  z
    .string({ error: `${what} is required; write an absolute URL such as https://example.com/` })
    .trim()
    .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
      error: (issue) =>
        `"${String(issue.input)}" is not an absolute URL; write ${what} as https://… (http:// only for local testing)`,
    });

const requiredText = (what: string) =>
  z
    .string({ error: `${what} is required; add it as a string` })
    .trim()
    .min(1, { error: `${what} is empty; write a short ${what}` });

const twitterHandle = z
  .string()
  .trim()
  .regex(/^@?[A-Za-z0-9_]{1,15}$/, {
    error: (issue) =>
      `"${String(issue.input)}" is not a valid X/Twitter handle; use 1–15 letters, digits or underscores, e.g. "@urbanhaze"`,
  })
  .transform((handle) => handle.replace(/^@/, ''));

// A bare host name, as the CSP's frame-src and the embed check compare it: no scheme, port or path.
const frameHost = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z\d]([a-z\d-]{0,61}[a-z\d])?\.)+[a-z]{2,63}$/, {
    error: (issue) =>
      `"${String(issue.input)}" is not a host name; write the host alone, e.g. "www.youtube-nocookie.com" (no https://, port or path)`,
  });

export const giscusSchema = strictObject({
  /** GitHub repository holding the discussions, as "owner/name". */
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: 'write the repository as "owner/name"' }),
  /** Repository id from https://giscus.app (starts with "R_"). */
  repoId: requiredText('giscus repoId'),
  /** Discussion category name, e.g. "Announcements". */
  category: requiredText('giscus category'),
  /** Discussion category id from https://giscus.app (starts with "DIC_"). */
  categoryId: requiredText('giscus categoryId'),
  /** How a page finds its discussion; "specific" uses the post's stable id, which survives URL changes. */
  mapping: z.enum(['specific', 'pathname', 'url', 'title', 'og:title']).default('specific'),
  /** Match discussion titles exactly (avoids two posts sharing a thread). */
  strict: z.boolean().default(true),
  /** Show reactions on the main post. */
  reactions: z.boolean().default(true),
  /** Put the comment box above ("top") or below ("bottom") the comments. */
  inputPosition: z.enum(['top', 'bottom']).default('bottom'),
  /** Language of the giscus interface, e.g. "en". */
  lang: z.string().default('en'),
});

export const siteConfigSchema = strictObject({
  /** Absolute URL the site is served from; the SITE_URL environment variable overrides it. */
  url: absoluteHttpUrl('the site URL'),
  /** Trailing slash on page URLs (also Astro's `trailingSlash`); see src/seo/urls.ts for the URL each choice gives. */
  trailingSlash: z.enum(['always', 'never', 'ignore']).default('always'),
  /** How pages are written to dist/ (also Astro's `build.format`): "directory" (a/index.html) or "file" (a.html). */
  buildFormat: z.enum(['directory', 'file']).default('directory'),
  /** Site name: header, page titles, feeds and social cards. */
  title: requiredText('site title'),
  /** One-sentence summary: home page meta description and feed description. */
  description: requiredText('site description'),
  /** BCP 47 language tag of the content, e.g. "en-GB": `<html lang>`, og:locale and JSON-LD inLanguage. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { error: 'write a language tag such as "en-GB"' }),
  /** IANA time zone in which post dates are written and shown, e.g. "Europe/London". */
  timezone: z.string().refine(isValidTimeZone, {
    error: (issue) => `"${String(issue.input)}" is not an IANA time zone; use one such as "Europe/London"`,
  }),
  /** Default author of every post: the author block under each post, JSON-LD author (a Person) and feed. */
  author: strictObject({
    /** Author's display name: a person, not the site (the publisher is the organisation). */
    name: requiredText('author name'),
    /** Author's profile page (absolute URL), usually the About page. */
    url: absoluteHttpUrl('the author URL'),
    /** One or two sentences about the author, shown in the author block under each post. */
    bio: requiredText('author bio').optional(),
    /** Path of the author's picture in public/, e.g. "/avatar.svg": shown beside the bio and as JSON-LD image. */
    avatar: z.string().startsWith('/', { error: 'write the avatar as a path in public/, such as "/avatar.svg"' }).optional(),
    /** The author's own profiles elsewhere (JSON-LD sameAs of the author). */
    sameAs: z.array(absoluteHttpUrl('the author profile URL')).default([]),
  }),
  /** Who publishes the site (JSON-LD publisher): an organisation or a person. */
  publisher: strictObject({
    /** "Organization" for a business or brand, "Person" for a personal blog. */
    type: z.enum(['Organization', 'Person']),
    /** Publisher's name. */
    name: requiredText('publisher name'),
    /** Path of the logo in public/, e.g. "/logo.png" (JSON-LD logo). */
    logo: z.string().startsWith('/', { error: 'write the logo as a path in public/, such as "/logo.png"' }),
  }),
  /** Profiles elsewhere: footer links and JSON-LD sameAs. */
  social: z
    .array(
      strictObject({
        /** Link text, e.g. "GitHub". */
        label: requiredText('social label'),
        /** Profile URL. */
        url: absoluteHttpUrl('the profile URL'),
      }),
    )
    .default([]),
  /** X/Twitter account: twitter:site, twitter:creator and the follow button; omit for none. */
  twitter: strictObject({
    /** Handle with or without "@", e.g. "@urbanhaze". */
    handle: twitterHandle,
    /** Numeric account id; when set, the follow link survives a handle change. */
    userId: z.string().regex(/^\d+$/, { error: 'the user id is a number, e.g. "783214"' }).optional(),
  }).optional(),
  /** Giscus comments on posts (GitHub Discussions); omit to turn comments off. */
  giscus: giscusSchema.optional(),
  /** Third-party content posts may embed; everything else in a post's HTML is refused (README "What a post may contain"). */
  embeds: strictObject({
    /**
     * Hosts whose pages a post may show in an `<iframe>` (https only), e.g. "www.youtube-nocookie.com";
     * each is also added to the CSP's frame-src. None by default.
     */
    frameHosts: z.array(frameHost).default([]),
  }).prefault({}),
  /** Search-engine ownership verification codes, emitted as meta tags; omit the ones you don't use. */
  verification: strictObject({
    /** Google Search Console (google-site-verification). */
    google: z.string().trim().min(1).optional(),
    /** Bing Webmaster Tools (msvalidate.01). */
    bing: z.string().trim().min(1).optional(),
    /** Yandex Webmaster (yandex-verification). */
    yandex: z.string().trim().min(1).optional(),
    /** Pinterest (p:domain_verify). */
    pinterest: z.string().trim().min(1).optional(),
  }).optional(),
  /** Public contact address, shown at the end of the About page (content/pages/about.md). */
  email: z.email({ error: 'write a plain address such as hello@example.com' }).optional(),
  /** Posts on each page of the home page and tag lists. */
  postsPerPage: z
    .number()
    .int()
    .min(1, { error: 'show at least 1 post per page' })
    .max(100, { error: 'keep pages to at most 100 posts' })
    .default(10),
  /** SEO features, all on by default; the benchmark switches them off to measure its baseline. */
  features: strictObject({
    /** Generated 1200×630 Open Graph cards (otherwise the publisher logo is the social image). */
    ogImages: z.boolean().default(true),
    /** JSON-LD structured data on every page. */
    structuredData: z.boolean().default(true),
    /** sitemap-index.xml and its sitemaps. */
    sitemap: z.boolean().default(true),
    /** The SEO lint of every built page. */
    seoLint: z.boolean().default(true),
    /** The Pagefind search index and search page. */
    search: z.boolean().default(true),
  }).prefault({}),
  /** Newest posts in the RSS feed, each with its full content. */
  feedItems: z.number().int().min(1, { error: 'the feed needs at least 1 item' }).default(20),
  /** Posts whose body has at least this many `##`/`###` headings show a table of contents. */
  tocMinHeadings: z.number().int().min(1).default(3),
  /** Lighthouse audit after each build: budgets, pages always audited, runs; see src/config/audit-schema.ts. */
  audit: auditSchema.prefault({}),
  /** The SEO lint that checks every built page after `astro build` (src/seo/lint/); errors fail the build. */
  lint: strictObject({
    /** Level by rule id: "error" fails the build, "warn" reports, "off" skips; unlisted rules keep their default (src/seo/lint/rules/index.ts). */
    rules: lintLevelsSchema.default({}),
    /** Widest title, in pixels of 20px Arial as Google's desktop results draw it. */
    titleMaxPixels: z.number().int().min(100).default(600),
    /** Shortest meta description, in characters. */
    descriptionMinLength: z.number().int().min(1).default(70),
    /** Longest meta description, in characters. */
    descriptionMaxLength: z.number().int().min(1).default(160),
    /** JSON report, relative to the folder holding dist/ (kept out of dist/ so it is never deployed). */
    reportFile: z.string().min(1).default('reports/seo-lint.json'),
  }).prefault({}),

  // Owner text. The About page and the promo note are Markdown in content/pages/ (src/content/site-pages.ts).
  /** The promo note (content/pages/promo.md) at the end of every post; a post's `promo: false` leaves it off; false shows none. */
  promo: z.boolean({ error: 'promo must be true or false' }).default(true),
  // IndexNow ------------------------------------------------------------------------------------
  /** IndexNow: `npm run indexnow` tells search engines which pages changed after a deploy (README "Tell search engines what changed"). */
  indexNow: strictObject({
    /**
     * The site's IndexNow key, 8–128 letters, digits or dashes; the INDEXNOW_KEY environment variable
     * overrides it. The build serves it at /<key>.txt, so it is public, but keeping it in CI settings
     * rather than here lets a fork choose its own. Omit for no IndexNow.
     */
    key: z
      .string()
      .trim()
      .refine((key) => indexNowKeyProblem(key) === undefined, {
        error: (issue) => indexNowKeyError(String(issue.input)),
      })
      .optional(),
  }).prefault({}),
  // ----------------------------------------------------------------------------------------------
});

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;
export type GiscusConfig = z.output<typeof giscusSchema>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: unknown, overrides: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(overrides)) return overrides;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) merged[key] = deepMerge(base[key], value);
  return merged;
}

function readOverrides(env: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  const json = env['SITE_CONFIG_OVERRIDES'];
  if (json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new ConfigError(`SITE_CONFIG_OVERRIDES is not valid JSON (${(error as Error).message}); write a JSON object such as {"postsPerPage": 3}`);
    }
    if (!isPlainObject(parsed)) throw new ConfigError('SITE_CONFIG_OVERRIDES must be a JSON object such as {"postsPerPage": 3}');
    Object.assign(overrides, parsed);
  }
  if (env['SITE_URL']) overrides['url'] = env['SITE_URL'];
  if (env['INDEXNOW_KEY']) {
    const indexNow = isPlainObject(overrides['indexNow']) ? overrides['indexNow'] : {};
    overrides['indexNow'] = { ...indexNow, key: env['INDEXNOW_KEY'] };
  }
  return overrides;
}

/**
 * Validates the owner's settings and throws a ConfigError naming each bad field.
 * The environment may override them: SITE_URL sets the URL, INDEXNOW_KEY the IndexNow key,
 * SITE_CONFIG_OVERRIDES (JSON) any field, e.g. for a CI matrix or a test build.
 */
export function parseSiteConfig(
  input: unknown,
  env: Readonly<Record<string, string | undefined>> = {},
  { configFile }: { /** The settings file, for the error's location (src/site.config.ts). */ configFile?: string } = {},
): SiteConfig {
  const overrides = readOverrides(env);
  const result = siteConfigSchema.safeParse(deepMerge(input, overrides));
  if (!result.success) {
    // The first mistake's line in the settings file, unless the environment set that field.
    const first = result.error.issues[0];
    const inFile = configFile !== undefined && first !== undefined && !(String(first.path[0]) in overrides);
    throw new ConfigError(
      `${formatIssues('site configuration (src/site.config.ts)', result.error.issues)}\n` +
        'Fix the fields above in src/site.config.ts (or the SITE_URL / SITE_CONFIG_OVERRIDES environment variables) and build again.',
      { loc: inFile ? settingLocation(configFile, first.path) : undefined },
    );
  }
  return { ...result.data, url: new URL(result.data.url).href };
}
