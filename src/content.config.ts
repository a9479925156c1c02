import { defineCollection } from 'astro:content';
import { readProjectPaths } from './config/build-env.ts';
import { postSchema } from './content/post-schema.ts';
import { postsLoader } from './content/posts-loader.ts';
import { buildEnv, siteConfig } from './site.config.ts';

const posts = defineCollection({
  loader: postsLoader({ contentDir: readProjectPaths(process.env).contentDir, now: buildEnv.now, timeZone: siteConfig.timezone }),
  schema: ({ image }) => postSchema({ image, timeZone: siteConfig.timezone }),
});

export const collections = { posts };
