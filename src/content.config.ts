import { defineCollection } from 'astro:content';
import { readProjectPaths } from './config/build-env.ts';
import { postSchema } from './content/post-schema.ts';
import { postsLoader } from './content/posts-loader.ts';
import { siteConfig } from './site.config.ts';

const posts = defineCollection({
  loader: postsLoader({ base: `${readProjectPaths(process.env).contentDir}/posts` }),
  schema: ({ image }) => postSchema({ image, timeZone: siteConfig.timezone }),
});

export const collections = { posts };
