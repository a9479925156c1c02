import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { strictObject } from '../config/strict-object.ts';
import { DATE_FORMAT_HINT, parseContentDate } from '../lib/dates.ts';
import { SLUG_PATTERN } from '../lib/slug.ts';
import { lintLevelsSchema } from '../seo/lint/rule-ids.ts';

// Control characters break feeds and sitemaps (XML 1.0 forbids most of them).
const CONTROL_CHARACTERS = /\p{Cc}/u;

export const text = (field: string, example: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required: add ${field}: ${example}` : `${field} must be text, e.g. ${field}: ${example}`) })
    .trim()
    .min(1, { error: `${field} is empty: write it, e.g. ${field}: ${example}` })
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      error: `${field} contains a control character (such as a tab or NUL); remove it`,
    });

export const contentDate = (field: string, timeZone: string) =>
  z.unknown().transform((value, context): Date => {
    if (value === undefined) {
      context.addIssue({ code: 'custom', message: `${field} is required. ${DATE_FORMAT_HINT}` });
      return z.NEVER;
    }
    const parsed = parseContentDate(value, timeZone);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: `${parsed.reason}. ${DATE_FORMAT_HINT}` });
      return z.NEVER;
    }
    return parsed.date;
  });

interface PostSchemaOptions<Image> {
  /** Astro's `image()` helper, which resolves a path next to the post to an optimisable image. */
  image: () => z.ZodType<Image>;
  /** Calendar dates in frontmatter mean the start of that day in this time zone. */
  timeZone: string;
}

/** The frontmatter of a post. Unknown keys are errors, so a typo never passes silently. */
export function postSchema<Image = ImageMetadata>({ image, timeZone }: PostSchemaOptions<Image>) {
  return strictObject({
    /** Headline: the page's h1, title tag and social card. */
    title: text('title', '"Why my firewall blocked an app"'),
    /** Summary for search results, cards and lists. */
    description: text('description', '"What the alert means and what to do about it."'),
    /**
     * The quick answer, shown in a box above the table of contents for a reader who came with one question,
     * e.g. "Yes, allow it if the file is signed by Akamai; otherwise block it and remove the program."
     */
    summary: text('summary', '"Yes, if the file is signed by its maker; here is how to check."').optional(),
    /** First publication: a calendar date or a date-time with offset; a future date is not published yet. */
    pubDate: contentDate('pubDate', timeZone),
    /** Last meaningful change, shown on the page and used as dateModified and sitemap lastmod. */
    updatedDate: contentDate('updatedDate', timeZone).optional(),
    /** Topics; each gets a tag page. */
    tags: z.array(text('tags[]', '"SEO"')).default([]),
    /** A draft is never built, except in `astro dev`. */
    draft: z.boolean({ error: 'draft must be true or false' }).default(false),
    /** URL path segment overriding the file name, e.g. "my-post". */
    slug: z
      .string()
      .regex(SLUG_PATTERN, { error: 'write the slug in lower case with hyphens, e.g. slug: my-post' })
      .optional(),
    /** Lead image shown above the post and used for social cards. */
    hero: strictObject({
      /** Path of the image relative to the post, e.g. ./hero.jpg. */
      src: image(),
      /** What the image shows, for readers who cannot see it. */
      alt: z
        .string({ error: 'hero.alt is required: describe the image, e.g. alt: "A firewall alert on a Windows desktop"' })
        .trim()
        .min(1, { error: 'hero.alt is empty: describe what the image shows' }),
    }).optional(),
    /** Canonical URL when the post was first published elsewhere. */
    canonical: z.url({ protocol: /^https?$/, error: 'canonical must be an absolute https:// URL' }).optional(),
    /** Pin the post at the top of the home page, above the newest posts. */
    featured: z.boolean({ error: 'featured must be true or false' }).default(false),
    /** Show the site's promotional note (site config `promo`) under the post; `promo: false` leaves it off. */
    promo: z.boolean({ error: 'promo must be true or false' }).default(true),
    /** Keep this post out of search engines, the sitemap, feeds, lists and search. */
    noindex: z.boolean({ error: 'noindex must be true or false' }).default(false),
    /** SEO lint levels for this post's page only, by rule id, e.g. lint: { description-length: off }. */
    lint: lintLevelsSchema.optional(),
  }).superRefine((post, context) => {
    if (post.updatedDate && post.updatedDate < post.pubDate) {
      context.addIssue({
        code: 'custom',
        path: ['updatedDate'],
        message: 'updatedDate is before pubDate; a post cannot be updated before it is published. Fix one of the two dates.',
      });
    }
  });
}

export type PostData = z.output<ReturnType<typeof postSchema<ImageMetadata>>>;

/**
 * The post schema with `hero.src` kept as the path the author wrote. The posts loader checks each file
 * with it before Astro does, so that every mistake is reported at its line (Astro reports line 0).
 */
export function postSourceSchema(timeZone: string) {
  return postSchema({ image: () => z.string(), timeZone });
}

export type PostSourceData = z.output<ReturnType<typeof postSourceSchema>>;
