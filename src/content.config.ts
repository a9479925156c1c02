import { defineCollection } from 'astro:content';
import { readProjectPaths } from './config/build-env.ts';
import { postSchema } from './content/post-schema.ts';
import { postsLoader } from './content/posts-loader.ts';
import { sitePageLoader } from './content/site-pages-loader.ts';
import { aboutPageSchema, promoNoteSchema } from './content/site-pages.ts';
import { buildEnv, siteConfig } from './site.config.ts';

const { contentDir } = readProjectPaths(process.env);

const posts = defineCollection({
  loader: postsLoader({ contentDir, now: buildEnv.now, timeZone: siteConfig.timezone }),
  schema: ({ image }) => postSchema({ image, timeZone: siteConfig.timezone }),
});

// The owner's pages in content/pages/: the About page always, the promo note while the site shows one.
const aboutSchema = aboutPageSchema(siteConfig.timezone);
const about = defineCollection({
  loader: sitePageLoader({ contentDir, page: 'about', schema: aboutSchema, required: true, checkFolder: true }),
  schema: aboutSchema,
});

const promo = defineCollection({
  loader: sitePageLoader({ contentDir, page: 'promo', schema: promoNoteSchema, required: siteConfig.promo }),
  schema: promoNoteSchema,
});

export const collections = { posts, about, promo };
